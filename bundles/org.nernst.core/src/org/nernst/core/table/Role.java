package org.nernst.core.table;

/**
 * What a column means to the nodes downstream, so a scientist does not have to repeat it.
 *
 * @since 0.1
 */
public enum Role {
    /** Plain data, no particular meaning. */
    NONE,
    /** An input variable of a model (a descriptor). */
    FEATURE,
    /** A quantity to predict. */
    TARGET,
    /** Identifies the entity a row belongs to (cell, material); used for grouped splits. */
    GROUP,
    /** Time or cycle axis. */
    TIME,
    /** A model's prediction. */
    PREDICTION,
    /** Predictive standard deviation of a prediction. */
    UNCERTAINTY
}

package org.nernst.optimize;

/**
 * Implemented by optimizer sessions that score their proposals, so the optimization node can
 * record each proposal's acquisition value in the history.
 *
 * @since 0.1
 */
public interface Proposals {
    /** Acquisition values of the points returned by the last {@code propose}, NaN where none applies. */
    double[] lastAcquisition();
}

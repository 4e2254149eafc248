package org.nernst.core.ml;

/**
 * Predictions for a set of rows.
 *
 * @param mean the predicted values
 * @param std the predictive standard deviation per row, or {@code null} for point estimators
 * @since 0.1
 */
public record Prediction(double[] mean, double[] std) implements java.io.Serializable {
    public boolean hasUncertainty() {
        return std != null;
    }
}

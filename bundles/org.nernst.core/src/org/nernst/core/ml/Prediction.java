package org.nernst.core.ml;

/**
 * Predictions for a set of rows.
 * <p>
 * For a classifier (since 0.3) {@code mean} holds the index of the predicted class (into the
 * model's {@link TrainedModel#classes()}, as a double) and {@code probabilities} one row of class
 * probabilities per input row, in the order of the classes, each row summing to 1.
 *
 * @param mean the predicted values, or the predicted class indices
 * @param std the predictive standard deviation per row, or {@code null} for point estimators
 * @param probabilities rows × classes, or {@code null} for regression
 * @since 0.1
 */
public record Prediction(double[] mean, double[] std, double[][] probabilities) implements java.io.Serializable {

    /** A regression prediction. */
    public Prediction(double[] mean, double[] std) {
        this(mean, std, null);
    }

    /**
     * A classification prediction from class probabilities: the predicted class is the most
     * probable one (the lowest index among ties, so it is deterministic).
     *
     * @since 0.3
     */
    public static Prediction ofProbabilities(double[][] probabilities) {
        double[] index = new double[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            int best = 0;
            for (int c = 1; c < probabilities[i].length; c++) {
                if (probabilities[i][c] > probabilities[i][best]) {
                    best = c;
                }
            }
            index[i] = best;
        }
        return new Prediction(index, null, probabilities);
    }

    public boolean hasUncertainty() {
        return std != null;
    }

    /** @since 0.3 */
    public boolean hasProbabilities() {
        return probabilities != null;
    }

    /** The predicted class index of each row (classification). @since 0.3 */
    public int[] classIndices() {
        int[] c = new int[mean.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = (int) mean[i];
        }
        return c;
    }
}

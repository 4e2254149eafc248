package org.nernst.core.ml;

import java.io.Serializable;
import java.util.List;

import org.nernst.core.node.DataException;

/**
 * A fitted model with what it was fitted on, so predictions check their input shape.
 *
 * @param estimatorId the estimator contribution's id
 * @param parameters the parameters it was fitted with, for provenance
 * @param featureNames the features, in order
 * @param targetName the target
 * @param model the fitted model
 * @param classes the class labels of a classifier (the order of {@link Prediction#probabilities()}), empty for regression
 * @since 0.1
 */
public record TrainedModel(String estimatorId, String parameters, List<String> featureNames, String targetName,
        FittedModel model, List<String> classes) implements Serializable {
    private static final long serialVersionUID = 1L;

    public TrainedModel {
        featureNames = List.copyOf(featureNames);
        classes = classes == null ? List.of() : List.copyOf(classes);
    }

    /** A regression model. */
    public TrainedModel(String estimatorId, String parameters, List<String> featureNames, String targetName,
            FittedModel model) {
        this(estimatorId, parameters, featureNames, targetName, model, List.of());
    }

    /** Whether the model predicts class labels. @since 0.3 */
    public boolean isClassifier() {
        return !classes.isEmpty();
    }

    /** The predicted class label of each row of a classifier's prediction. @since 0.3 */
    public String[] labels(Prediction p) {
        String[] out = new String[p.mean().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = classes.get((int) p.mean()[i]);
        }
        return out;
    }

    /**
     * Predicts rows of {@code x}.
     *
     * @throws DataException if a row's width differs from the fitted features or holds NaN
     */
    public Prediction predict(double[][] x) throws DataException {
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != featureNames.size()) {
                throw new DataException("prediction input for " + estimatorId, "row " + (r + 1),
                        "has " + x[r].length + " features, the model was fitted on " + featureNames.size() + " "
                                + featureNames);
            }
            for (int j = 0; j < x[r].length; j++) {
                if (!Double.isFinite(x[r][j])) {
                    throw new DataException("prediction input for " + estimatorId,
                            "row " + (r + 1) + ", feature '" + featureNames.get(j) + "'", "is NaN or infinite");
                }
            }
        }
        Prediction p = model.predict(x);
        if (p.mean().length != x.length) {
            throw new IllegalStateException(estimatorId + " returned " + p.mean().length + " predictions for "
                    + x.length + " rows");
        }
        if (isClassifier()) {
            checkProbabilities(p, x.length);
        }
        return p;
    }

    /** A classifier must give one probability per class per row, summing to 1 (the contract, not the user's data). */
    private void checkProbabilities(Prediction p, int rows) {
        if (!p.hasProbabilities() || p.probabilities().length != rows) {
            throw new IllegalStateException(estimatorId + " is a classifier but returned no class probabilities per row");
        }
        for (int r = 0; r < rows; r++) {
            double[] q = p.probabilities()[r];
            double sum = 0;
            for (double v : q) {
                sum += v;
            }
            int c = (int) p.mean()[r];
            if (q.length != classes.size() || Math.abs(sum - 1) > 1e-6 || c < 0 || c >= classes.size()) {
                throw new IllegalStateException(estimatorId + " returned for row " + (r + 1) + " " + q.length
                        + " probabilities summing to " + sum + " and class " + p.mean()[r] + "; expected "
                        + classes.size() + " summing to 1");
            }
        }
    }
}

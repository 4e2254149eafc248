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
 * @since 0.1
 */
public record TrainedModel(String estimatorId, String parameters, List<String> featureNames, String targetName,
        FittedModel model) implements Serializable {
    private static final long serialVersionUID = 1L;

    public TrainedModel {
        featureNames = List.copyOf(featureNames);
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
        return p;
    }
}

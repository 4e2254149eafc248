package org.nernst.core.ml;

import java.io.Serializable;

/**
 * A fitted model, as returned by {@link Estimator#fit}. Serializable so it can be saved and sent
 * to a distributed executor.
 *
 * @since 0.1
 */
public interface FittedModel extends Serializable {

    /**
     * Predicts one value per row of {@code x} (rows × the features the model was fitted on).
     * Probabilistic models also fill {@link Prediction#std()}.
     */
    Prediction predict(double[][] x);

    /** Importance of each feature in fitting order, if the method defines one; else {@code null}. */
    default double[] featureImportance() {
        return null;
    }
}

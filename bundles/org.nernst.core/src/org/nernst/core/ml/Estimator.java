package org.nernst.core.ml;

import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

/**
 * The contract of an {@code org.nernst.core.estimators} contribution, in the style of
 * scikit-learn: parameters come in, {@link #fit} returns a new fitted model.
 * <p>
 * Rules every implementation keeps (the conformance suite checks them): {@code fit} never
 * modifies {@code data}; the same data, parameters and seed give the same predictions; the fitted
 * model is {@link java.io.Serializable}. Inputs are already checked for NaN and shape by
 * {@link ConfiguredEstimator}.
 *
 * @since 0.1
 */
public interface Estimator {

    /**
     * Fits a model.
     *
     * @param data features and target, free of NaN
     * @param parameters the estimator's validated parameters
     * @param seed seed for every random choice
     * @param monitor progress and cancellation
     */
    FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor) throws Exception;
}

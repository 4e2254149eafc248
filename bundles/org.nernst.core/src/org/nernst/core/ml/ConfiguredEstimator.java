package org.nernst.core.ml;

import java.util.Objects;

import org.nernst.core.node.DataException;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

/**
 * An estimator with its parameters, not yet fitted: what flows out of an estimator node into
 * fitting and cross-validation nodes. Fitting checks the data and returns a {@link TrainedModel}.
 *
 * @param descriptor the estimator's metadata
 * @param estimator the contributed implementation
 * @param parameters validated parameters
 * @since 0.1
 */
public record ConfiguredEstimator(NodeDescriptor descriptor, Estimator estimator, Parameters parameters) {

    public ConfiguredEstimator {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(estimator, "estimator");
        Objects.requireNonNull(parameters, "parameters");
    }

    /** Whether the estimator gives a predictive standard deviation. */
    public boolean probabilistic() {
        return Boolean.parseBoolean(descriptor.attributes().getOrDefault("probabilistic", "false"));
    }

    /**
     * Regression or classification, from the contribution's {@code task} attribute.
     *
     * @since 0.3
     */
    public Task task() {
        return Task.parse(descriptor.attributes().get("task"));
    }

    /**
     * Fits on checked data.
     *
     * @throws DataException if the data has no rows, NaN values or rows of unequal width
     */
    public TrainedModel fit(TrainingSet data, long seed, ProgressMonitor monitor) throws Exception {
        check(data);
        FittedModel m = estimator.fit(data, parameters, seed, monitor);
        if (m == null) {
            throw new IllegalStateException("estimator " + descriptor.id() + " returned no model");
        }
        return new TrainedModel(descriptor.id(), parameters.asMap().toString(), data.featureNames(), data.targetName(),
                m, data.classes());
    }

    private void check(TrainingSet d) throws DataException {
        String where = "training data for " + descriptor.id();
        if (d.rows() == 0) {
            throw new DataException(where, "", "no rows to fit on");
        }
        if (task() == Task.CLASSIFICATION && !d.isClassification()) {
            throw new DataException(where, "target '" + d.targetName() + "'", descriptor.label()
                    + " is a classifier: its target must be class labels (TrainingSet.fromClasses), not numbers to regress");
        }
        if (task() == Task.REGRESSION && d.isClassification()) {
            throw new DataException(where, "target '" + d.targetName() + "'", descriptor.label()
                    + " is a regressor; the target holds class labels " + d.classes());
        }
        if (d.x().length != d.rows()) {
            throw new DataException(where, "", d.x().length + " feature rows but " + d.rows() + " target values");
        }
        for (int r = 0; r < d.rows(); r++) {
            if (d.x()[r].length != d.features()) {
                throw new DataException(where, "row " + (r + 1), "has " + d.x()[r].length + " features, expected "
                        + d.features() + " " + d.featureNames());
            }
            for (int j = 0; j < d.features(); j++) {
                if (!Double.isFinite(d.x()[r][j])) {
                    throw new DataException(where, "row " + (r + 1) + ", feature '" + d.featureNames().get(j) + "'",
                            "is NaN or infinite; estimators need complete numeric features");
                }
            }
            if (d.isClassification() && (d.y()[r] != Math.rint(d.y()[r]) || d.y()[r] < 0
                    || d.y()[r] >= d.classes().size())) {
                throw new DataException(where, "row " + (r + 1) + ", target '" + d.targetName() + "'",
                        "class index " + d.y()[r] + " is not one of 0.." + (d.classes().size() - 1));
            }
            if (!Double.isFinite(d.y()[r])) {
                throw new DataException(where, "row " + (r + 1) + ", target '" + d.targetName() + "'",
                        "is NaN or infinite");
            }
        }
    }
}

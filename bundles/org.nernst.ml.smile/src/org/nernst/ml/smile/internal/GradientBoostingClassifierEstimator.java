package org.nernst.ml.smile.internal;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

import smile.classification.GradientTreeBoost;
import smile.math.MathEx;

/**
 * Gradient boosting classification by {@link GradientTreeBoost} of Smile: logistic loss for two
 * classes, one tree per class and stage (softmax) for more. Smile draws the row subsamples from its
 * thread-local generator, seeded here, so a fit is reproducible for a seed.
 */
public final class GradientBoostingClassifierEstimator implements Estimator {

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor)
            throws DataException {
        SmileClassifiers.requireClassification(data, "gradient boosting classifier");
        SeenClasses classes = SeenClasses.of(data);
        if (classes.count() < 2) {
            return SmileClassifiers.constant(classes);
        }
        monitor.checkCanceled();
        int p = data.features();
        GradientTreeBoost.Options options = new GradientTreeBoost.Options((int) parameters.integer("trees"),
                (int) parameters.integer("maxDepth"), Math.max(2, data.rows()), (int) parameters.integer("nodeSize"),
                parameters.number("shrinkage"), parameters.number("subsample"), null, null);
        MathEx.setSeed(seed);
        GradientTreeBoost model = GradientTreeBoost.fit(ClassifierData.formula(),
                ClassifierData.frame(data.x(), p, classes.encode(data)), options);
        return new TreeClassifierModel(model, classes, model.importance(), p);
    }
}

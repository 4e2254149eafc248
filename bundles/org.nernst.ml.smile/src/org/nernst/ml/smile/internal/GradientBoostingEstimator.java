package org.nernst.ml.smile.internal;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

import smile.math.MathEx;
import smile.model.cart.Loss;
import smile.regression.GradientTreeBoost;

/**
 * Gradient boosting of regression trees by {@link GradientTreeBoost} of Smile (least-squares loss,
 * shrinkage, optional row subsampling = stochastic gradient boosting). Smile draws the subsamples
 * from its thread-local generator, which is seeded here, so a fit is reproducible for a seed.
 */
public final class GradientBoostingEstimator implements Estimator {

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor)
            throws DataException {
        int trees = (int) parameters.integer("trees");
        int maxDepth = (int) parameters.integer("maxDepth");
        int nodeSize = (int) parameters.integer("nodeSize");
        double shrinkage = parameters.number("shrinkage");
        double subsample = parameters.number("subsample");
        monitor.checkCanceled();
        SmileTrees.useExactSplits();
        int p = data.features();
        MathEx.setSeed(seed);
        GradientTreeBoost.Options options = new GradientTreeBoost.Options(Loss.ls(), trees, SmileTrees.smileDepth(maxDepth),
                Math.max(2, data.rows()), nodeSize, shrinkage, subsample, null, null);
        GradientTreeBoost fitted = GradientTreeBoost.fit(SmileData.formula(), SmileData.frame(data.x(), p, data.y()), options);
        return new TreeModel(fitted, fitted.importance(), p);
    }
}

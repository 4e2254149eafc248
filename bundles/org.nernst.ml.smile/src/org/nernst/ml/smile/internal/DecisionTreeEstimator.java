package org.nernst.ml.smile.internal;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

import smile.regression.RegressionTree;

/** One CART regression tree by {@link RegressionTree} of Smile: interpretable, deterministic, high variance. */
public final class DecisionTreeEstimator implements Estimator {

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor)
            throws DataException {
        int maxDepth = (int) parameters.integer("maxDepth");
        int nodeSize = (int) parameters.integer("nodeSize");
        monitor.checkCanceled();
        SmileTrees.useExactSplits();
        int p = data.features();
        RegressionTree.Options options = new RegressionTree.Options(SmileTrees.smileDepth(maxDepth),
                Math.max(2, data.rows()), nodeSize);
        RegressionTree fitted = RegressionTree.fit(SmileData.formula(), SmileData.frame(data.x(), p, data.y()), options);
        return new TreeModel(fitted, fitted.importance(), p);
    }
}

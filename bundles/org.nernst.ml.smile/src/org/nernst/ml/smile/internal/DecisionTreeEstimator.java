package org.nernst.ml.smile.internal;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.Prediction;
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
        int p = data.features();
        RegressionTree.Options options = new RegressionTree.Options(maxDepth, Math.max(2, data.rows()), nodeSize);
        return new Model(RegressionTree.fit(SmileData.formula(), SmileData.frame(data.x(), p, data.y()), options), p);
    }

    static final class Model implements FittedModel {
        private static final long serialVersionUID = 1L;
        private final RegressionTree tree;
        private final int features;

        Model(RegressionTree tree, int features) {
            this.tree = tree;
            this.features = features;
        }

        @Override
        public Prediction predict(double[][] x) {
            if (x.length == 0) {
                return new Prediction(new double[0], null);
            }
            return new Prediction(tree.predict(SmileData.frame(x, features)), null);
        }

        @Override
        public double[] featureImportance() {
            return Importance.normalized(tree.importance());
        }
    }
}

package org.nernst.ml.smile.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

import smile.data.DataFrame;
import smile.regression.RandomForest;

/** Random forest regression by {@link RandomForest} of Smile. */
public final class RandomForestEstimator implements Estimator {
    /** Trees grown between two cancellation checks; Smile itself cannot be interrupted. */
    private static final int CHUNK = 25;

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor)
            throws DataException {
        int trees = (int) parameters.integer("trees");
        int maxDepth = (int) parameters.integer("maxDepth");
        int nodeSize = (int) parameters.integer("nodeSize");
        int mtry = (int) parameters.integer("mtry");
        double subsample = parameters.number("subsample");
        int p = data.features();
        if (mtry > p) {
            throw new DataException("training data for random forest", "parameter mtry",
                    "mtry = " + mtry + " but the data has only " + p + " features; use 0 (a third of them) or at most " + p);
        }
        // One seed per tree: Smile reseeds its thread-local generator with it before growing the
        // tree, so the forest does not depend on thread scheduling or on other models fitted at the
        // same time. Tree i always gets seeds[i], however the trees are chunked below.
        SmileTrees.useExactSplits();
        long[] seeds = new SplittableRandom(seed).longs(trees).toArray();
        // Smile's default caps a tree at n/5 leaves; let maxDepth and nodeSize be the only limits.
        int maxNodes = Math.max(2, data.rows());
        DataFrame frame = SmileData.frame(data.x(), p, data.y());
        RandomForest forest = null;
        for (int from = 0; from < trees; from += CHUNK) {
            // Only checkCanceled: begin/worked would overwrite the progress of a caller such as
            // cross-validation that shares the monitor.
            monitor.checkCanceled();
            int to = Math.min(trees, from + CHUNK);
            RandomForest.Options options = new RandomForest.Options(to - from, mtry, SmileTrees.smileDepth(maxDepth), maxNodes, nodeSize,
                    subsample, Arrays.copyOfRange(seeds, from, to), null);
            RandomForest part = RandomForest.fit(SmileData.formula(), frame, options);
            forest = forest == null ? part : forest.merge(part);
        }
        return new TreeModel(forest, forest.importance(), p);
    }
}

package org.nernst.ml.smile.internal;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.Prediction;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

/**
 * Extremely randomized trees (Geurts et al. 2006) for regression, see {@link ExtraTreeBuilder}. The
 * trees are grown in parallel; each has its own seed drawn from the estimator's seed in tree order,
 * so the forest is the same whatever the thread scheduling.
 */
public final class ExtraTreesEstimator implements Estimator {

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor)
            throws DataException {
        int trees = (int) parameters.integer("trees");
        int mtry = (int) parameters.integer("mtry");
        int nodeSize = (int) parameters.integer("nodeSize");
        int maxDepth = (int) parameters.integer("maxDepth");
        boolean bootstrap = parameters.bool("bootstrap");
        int p = data.features(), n = data.rows();
        if (mtry > p) {
            throw new DataException("training data for extra trees", "parameter mtry",
                    "mtry = " + mtry + " but the data has only " + p + " features; use 0 (all of them) or at most " + p);
        }
        int drawn = mtry == 0 ? p : mtry;
        // a transposed copy: the builder scans one feature at a time
        double[][] columns = new double[p][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                columns[j][i] = data.x()[i][j];
            }
        }
        double[] y = data.y().clone();
        long[] seeds = new SplittableRandom(seed).longs(trees).toArray();
        RegressionTree[] forest = new RegressionTree[trees];
        double[][] importance = new double[trees][p];
        IntStream.range(0, trees).parallel().forEach(t -> {
            monitor.checkCanceled();
            SplittableRandom random = new SplittableRandom(seeds[t]);
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = bootstrap ? random.nextInt(n) : i;
            }
            forest[t] = new ExtraTreeBuilder(columns, y, drawn, nodeSize, maxDepth).grow(rows, random, importance[t]);
        });
        double[] total = new double[p];
        for (double[] perTree : importance) { // summed in tree order: the same bits on every run
            for (int j = 0; j < p; j++) {
                total[j] += perTree[j];
            }
        }
        return new Model(forest, total);
    }

    /** The fitted forest; public so tests can see the trees behind the mean. */
    public static final class Model implements FittedModel {
        private static final long serialVersionUID = 1L;
        private final RegressionTree[] trees;
        private final double[] importance;
        private transient volatile FlatForest flat;

        Model(RegressionTree[] trees, double[] rawImportance) {
            this.trees = trees;
            double sum = 0;
            for (double v : rawImportance) {
                sum += v;
            }
            this.importance = new double[rawImportance.length];
            for (int j = 0; j < rawImportance.length; j++) {
                importance[j] = sum > 0 ? rawImportance[j] / sum : 0;
            }
        }

        /** Prediction of each tree: [tree][row]. */
        public double[][] treePredictions(double[][] x) {
            double[][] out = new double[trees.length][x.length];
            for (int t = 0; t < trees.length; t++) {
                for (int i = 0; i < x.length; i++) {
                    out[t][i] = trees[t].predict(x[i]);
                }
            }
            return out;
        }

        /**
         * The mean of the trees, and their standard deviation as a spread. The spread reflects how
         * much the randomized trees disagree, not a calibrated predictive interval: it ignores the
         * noise in the target and is usually too narrow far from the training data.
         */
        @Override
        public Prediction predict(double[][] x) {
            if (x.length == 0) {
                return new Prediction(new double[0], new double[0]);
            }
            double[][] meanStd = flat().predictWithSpread(x);
            return new Prediction(meanStd[0], meanStd[1]);
        }

        /** The same numbers tree by tree, row by row: the reference the flat prediction is tested against. */
        public Prediction predictTreeByTree(double[][] x) {
            double[] mean = new double[x.length], std = new double[x.length];
            double[] v = new double[trees.length];
            for (int i = 0; i < x.length; i++) {
                double s = 0;
                for (int t = 0; t < trees.length; t++) {
                    v[t] = trees[t].predict(x[i]);
                    s += v[t];
                }
                double m = s / trees.length, ss = 0;
                for (double vt : v) { // two passes: no cancellation when the trees nearly agree
                    ss += (vt - m) * (vt - m);
                }
                mean[i] = m;
                std[i] = Math.sqrt(ss / trees.length);
            }
            return new Prediction(mean, std);
        }

        /**
         * The flat prediction (mean and spread) with the walk chosen: on ranks among the thresholds
         * or on the values; see {@link TreeModel#predictFlat}.
         *
         * @throws IllegalStateException if ranks are asked for but cannot represent these trees
         */
        public Prediction predictFlat(double[][] x, boolean ranks) {
            FlatForest f = FlatForest.average(java.util.List.of(trees), importance.length,
                    ranks ? FlatForest.Walk.RANKS : FlatForest.Walk.THRESHOLDS);
            if (ranks && !f.usesRanks()) {
                throw new IllegalStateException("these trees cannot be walked on ranks");
            }
            double[][] meanStd = f.predictWithSpread(x);
            return new Prediction(meanStd[0], meanStd[1]);
        }

        /** True if {@link #predict} walks the trees on the rows' ranks among the thresholds. */
        public boolean predictsOnRanks() {
            return flat().usesRanks();
        }

        private FlatForest flat() {
            FlatForest f = flat;
            if (f == null) { // built on first use, also after deserialization (the field is transient)
                f = FlatForest.average(java.util.List.of(trees), importance.length);
                flat = f;
            }
            return f;
        }

        @Override
        public double[] featureImportance() {
            return importance.clone();
        }

        public int trees() {
            return trees.length;
        }
    }
}

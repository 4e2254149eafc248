package org.nernst.ml.smile.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nernst.conformance.Nodes;
import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.Prediction;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Table;
import org.nernst.ml.smile.internal.DecisionTreeEstimator;
import org.nernst.ml.smile.internal.ExtraTreesEstimator;
import org.nernst.ml.smile.internal.GradientBoostingEstimator;
import org.nernst.ml.smile.internal.RandomForestEstimator;
import org.nernst.ml.smile.internal.TreeModel;

/**
 * The flattened-tree prediction path gives Smile's own predictions bit for bit (and, for extra
 * trees, the tree-by-tree mean and spread) on every row of the NASA per-cycle features: fitted on
 * B0005–B0007, predicted on all 636 rows of the four cells, also after serialization and on rows
 * with NaN and infinite values; both walks (on the values and on the ranks among the thresholds),
 * also exactly at thresholds, on a feature never split on, with more thresholds than ranks hold, and
 * with more than 1 024 features (fewer rows per block of ranks).
 */
class FlatTreePredictionTest {
    private record Data(TrainingSet train, double[][] all) {
    }

    private static Data nasa() throws Exception {
        Path folder = NasaPerCycle.folder();
        if (!Files.isDirectory(folder)) {
            fail("REAL DATA MISSING: " + folder.toAbsolutePath().normalize() + "; set -Dnernst.data");
        }
        Table all = NasaPerCycle.read(folder);
        Table train = all.filter(r -> !all.column("cell").format(r).equals("B0018"));
        List<String> features = NasaPerCycle.features(all);
        return new Data(TrainingSet.from(train, features, NasaPerCycle.TARGET), TrainingSet.matrix(all, features));
    }

    private static FittedModel fit(Estimator e, TrainingSet d, Map<String, Object> parameters) throws Exception {
        return e.fit(d, Parameters.of(parameters), 42, ProgressMonitor.none());
    }

    /** The same doubles bit for bit (0.0 and -0.0 differ; any NaN equals any NaN). */
    private static void assertSameBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
                fail(what + ": row " + i + " expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }

    /**
     * The model's own prediction, and both flat walks (on the values, and on the ranks among the
     * thresholds where the trees allow it), are Smile's bits.
     */
    private static void assertSameAsSmile(FittedModel fitted, double[][] x, String what) throws Exception {
        TreeModel model = (TreeModel) fitted;
        double[] smile = model.smilePredict(x);
        Prediction flat = model.predict(x);
        assertNull(flat.std(), what + " reports no spread");
        assertSameBits(smile, flat.mean(), what + ": flat trees against Smile");
        assertSameBits(smile, model.predictFlat(x, false), what + ": walk on the values");
        assertSameBits(smile, model.predictFlat(x, true), what + ": walk on ranks");
        // a model read back from its bytes rebuilds the flat trees and predicts the same
        assertSameBits(smile, roundTrip(model).predict(x).mean(), what + " after serialization");
    }

    /** Extra trees: the model's prediction and both walks give the tree-by-tree mean and spread, bit for bit. */
    private static void assertSameAsTreeByTree(ExtraTreesEstimator.Model m, double[][] x, String what) {
        Prediction reference = m.predictTreeByTree(x);
        for (Prediction p : List.of(m.predict(x), m.predictFlat(x, false), m.predictFlat(x, true))) {
            assertSameBits(reference.mean(), p.mean(), what + ": mean");
            assertSameBits(reference.std(), p.std(), what + ": spread");
        }
    }

    @Test
    void randomForestPredictsEveryNasaRowAsSmileDoes() throws Exception {
        Data d = nasa();
        assertEquals(636, d.all().length);
        // 60 trees: more than one chunk of Smile's merge (25 trees), so the merged order is checked too
        FittedModel m = fit(new RandomForestEstimator(), d.train(),
                Map.of("trees", 60L, "maxDepth", 20L, "nodeSize", 2L, "mtry", 0L, "subsample", 1.0));
        assertSameAsSmile(m, d.all(), "random forest");
    }

    @Test
    void gradientBoostingPredictsEveryNasaRowAsSmileDoes() throws Exception {
        Data d = nasa();
        FittedModel m = fit(new GradientBoostingEstimator(), d.train(),
                Map.of("trees", 150L, "maxDepth", 4L, "nodeSize", 3L, "shrinkage", 0.07, "subsample", 0.8));
        assertSameAsSmile(m, d.all(), "gradient boosting");
    }

    @Test
    void decisionTreePredictsEveryNasaRowAsSmileDoes() throws Exception {
        Data d = nasa();
        assertSameAsSmile(fit(new DecisionTreeEstimator(), d.train(), Map.of("maxDepth", 12L, "nodeSize", 1L)), d.all(),
                "decision tree");
    }

    @Test
    void extraTreesMeanAndSpreadEqualTheTreeByTreeComputation() throws Exception {
        Data d = nasa();
        ExtraTreesEstimator.Model m = (ExtraTreesEstimator.Model) fit(new ExtraTreesEstimator(), d.train(),
                Map.of("trees", 80L, "mtry", 0L, "nodeSize", 2L, "maxDepth", 0L, "bootstrap", false));
        Prediction reference = m.predictTreeByTree(d.all());
        Prediction flat = m.predict(d.all());
        assertSameAsTreeByTree(m, d.all(), "extra trees");
        assertTrue(m.predictsOnRanks(), "80 unlimited-depth trees are walked on ranks");
        Prediction back = ((ExtraTreesEstimator.Model) roundTrip(m)).predict(d.all());
        assertSameBits(reference.mean(), back.mean(), "extra trees after serialization");
        assertSameBits(reference.std(), back.std(), "extra trees spread after serialization");
        assertTrue(Arrays.stream(flat.std()).anyMatch(s -> s > 0), "the trees disagree somewhere");
    }

    @Test
    void rowsWithNaNOrInfiniteValuesFollowSmilesBranches() throws Exception {
        Data d = nasa();
        FittedModel m = fit(new RandomForestEstimator(), d.train(),
                Map.of("trees", 30L, "maxDepth", 20L, "nodeSize", 2L, "mtry", 0L, "subsample", 1.0));
        double[][] x = new double[100][];
        double[] odd = { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY };
        for (int i = 0; i < x.length; i++) {
            x[i] = d.all()[i * 6].clone();
            x[i][i % x[i].length] = odd[i % 3]; // Smile sends NaN to the "greater" side
        }
        assertSameAsSmile(m, x, "random forest on NaN and infinite values");
        ExtraTreesEstimator.Model et = (ExtraTreesEstimator.Model) fit(new ExtraTreesEstimator(), d.train(),
                Map.of("trees", 20L, "mtry", 0L, "nodeSize", 2L, "maxDepth", 0L, "bootstrap", true));
        assertSameAsTreeByTree(et, x, "extra trees on NaN and infinite values");
    }

    /**
     * Values exactly at a threshold go to the first child and their neighbours one ulp above to the
     * second, in both walks. On a grid of sixteenths Smile's thresholds are the midpoints
     * (k + 0.5) / 16, exact in binary; the rows sit on the grid, on the midpoints, one ulp either
     * side of them, at 0.0 and -0.0, and at NaN and the infinities.
     */
    @Test
    void valuesAtAThresholdAndOneUlpAwayFollowSmile() throws Exception {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        int n = 600, p = 3;
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = (rng.nextInt(33) - 16) / 16.0;
            }
            y[i] = x[i][0] * x[i][0] - x[i][1] + 0.3 * Math.signum(x[i][2]) + 0.05 * rng.nextGaussian();
        }
        TrainingSet d = new TrainingSet(x, y, List.of("a", "b", "c"), "y");
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        double[] special = { 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY };
        for (int k = -17; k <= 16; k++) {
            double mid = (k + 0.5) / 16, grid = k / 16.0;
            for (double v : new double[] { grid, mid, Math.nextUp(mid), Math.nextDown(mid) }) {
                for (int j = 0; j < p; j++) {
                    double[] row = { rng.nextInt(33) / 16.0 - 1, rng.nextInt(33) / 16.0 - 1, rng.nextInt(33) / 16.0 - 1 };
                    row[j] = v;
                    rows.add(row);
                }
            }
        }
        for (double v : special) {
            for (int j = 0; j < p; j++) {
                double[] row = { 0.5 / 16, -0.5 / 16, 1.5 / 16 };
                row[j] = v;
                rows.add(row);
            }
        }
        double[][] q = rows.toArray(double[][]::new);
        TreeModel forest = (TreeModel) fit(new RandomForestEstimator(), d,
                Map.of("trees", 40L, "maxDepth", 20L, "nodeSize", 1L, "mtry", 0L, "subsample", 1.0));
        assertSameAsSmile(forest, q, "random forest at the thresholds");
        assertSameAsSmile(fit(new GradientBoostingEstimator(), d,
                Map.of("trees", 60L, "maxDepth", 3L, "nodeSize", 2L, "shrinkage", 0.1, "subsample", 1.0)), q,
                "gradient boosting at the thresholds");
        assertSameAsSmile(fit(new DecisionTreeEstimator(), d, Map.of("maxDepth", 8L, "nodeSize", 1L)), q,
                "decision tree at the thresholds");
        ExtraTreesEstimator.Model et = (ExtraTreesEstimator.Model) fit(new ExtraTreesEstimator(), d,
                Map.of("trees", 30L, "mtry", 0L, "nodeSize", 2L, "maxDepth", 0L, "bootstrap", false));
        assertSameAsTreeByTree(et, q, "extra trees at the thresholds");
    }

    /**
     * A feature the trees never split on (constant in training) has no thresholds and no ranks: any
     * value there, NaN included, changes nothing, and the other features still predict as Smile.
     */
    @Test
    void aFeatureNeverSplitOnIsIgnoredWhateverItsValue() throws Exception {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        int n = 400;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] { 7.0, rng.nextDouble(), rng.nextDouble() };
            y[i] = Math.sin(4 * x[i][1]) + x[i][2];
        }
        TrainingSet d = new TrainingSet(x, y, List.of("constant", "u", "v"), "y");
        TreeModel forest = (TreeModel) fit(new RandomForestEstimator(), d,
                Map.of("trees", 50L, "maxDepth", 20L, "nodeSize", 2L, "mtry", 0L, "subsample", 1.0));
        double[] odd = { 7.0, -1e300, 1e300, Double.NaN, Double.POSITIVE_INFINITY, -0.0 };
        double[][] q = new double[300][];
        double[][] base = new double[300][];
        for (int i = 0; i < q.length; i++) {
            base[i] = new double[] { 7.0, rng.nextDouble(), rng.nextDouble() };
            q[i] = base[i].clone();
            q[i][0] = odd[i % odd.length];
        }
        assertSameAsSmile(forest, q, "random forest with a feature never split on");
        assertSameBits(forest.predict(base).mean(), forest.predict(q).mean(), "the unused feature changes nothing");
        assertSameBits(forest.predictFlat(base, true), forest.predictFlat(q, true), "the unused feature, on ranks");
    }

    /**
     * A node holds a threshold's rank in 16 bits: a tree with more distinct thresholds on one feature
     * (here about 70 000, one per pair of neighbouring rows) is walked on the values, still as Smile.
     * Big forests walk on ranks, a single shallow tree on the values.
     */
    @Test
    void tooManyDistinctThresholdsFallBackToTheValues() throws Exception {
        int n = 70_000;
        java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] { i / (double) n };
            y[i] = rng.nextDouble(); // noise: the tree splits down to single rows
        }
        TreeModel tree = (TreeModel) fit(new DecisionTreeEstimator(), new TrainingSet(x, y, List.of("x"), "y"),
                Map.of("maxDepth", 1000L, "nodeSize", 1L));
        assertTrue(!tree.predictsOnRanks(), "more thresholds than 16 bits can rank");
        assertThrows(IllegalStateException.class, () -> tree.predictFlat(x, true));
        double[][] q = new double[5000][];
        for (int i = 0; i < q.length; i++) {
            q[i] = new double[] { i % 7 == 0 ? x[rng.nextInt(n)][0] : rng.nextDouble() };
        }
        double[] smile = tree.smilePredict(q);
        assertSameBits(smile, tree.predict(q).mean(), "many thresholds");
        assertSameBits(smile, tree.predictFlat(q, false), "many thresholds on the values");

        Data d = nasa();
        TreeModel big = (TreeModel) fit(new RandomForestEstimator(), d.train(),
                Map.of("trees", 60L, "maxDepth", 20L, "nodeSize", 2L, "mtry", 0L, "subsample", 1.0));
        assertTrue(big.predictsOnRanks(), "60 deep trees are walked on ranks");
        TreeModel small = (TreeModel) fit(new DecisionTreeEstimator(), d.train(), Map.of("maxDepth", 3L, "nodeSize", 1L));
        assertTrue(!small.predictsOnRanks(), "one tree of depth 3 is walked on the values");
    }

    /**
     * A node holds its feature's column in a block of ranks (feature × rows per block) in 16 bits, so
     * with more than 1 024 features a block holds fewer rows (here 1 500 features: 40 rows). The walk
     * on ranks still gives Smile's bits, on rows spread over many blocks, with NaN and infinities,
     * and the trees do split on features past 1 024.
     */
    @Test
    void moreThan1024FeaturesStillWalkOnRanksAsSmile() throws Exception {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(17);
        int n = 300, p = 1500;
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = rng.nextDouble();
            }
            y[i] = 2 * x[i][1400] + Math.sin(4 * x[i][1100]) + 0.5 * x[i][3] + 0.05 * rng.nextGaussian();
        }
        List<String> names = java.util.stream.IntStream.range(0, p).mapToObj(j -> "f" + j).toList();
        TreeModel forest = (TreeModel) fit(new RandomForestEstimator(), new TrainingSet(x, y, names, "y"),
                Map.of("trees", 12L, "maxDepth", 20L, "nodeSize", 2L, "mtry", 0L, "subsample", 1.0));
        double[] importance = forest.featureImportance();
        assertTrue(importance[1400] > 0 && importance[1100] > 0, "the trees split on features past 1 024");
        double[][] q = new double[1000][];
        double[] odd = { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY };
        for (int i = 0; i < q.length; i++) {
            q[i] = i < n ? x[i].clone() : rng.doubles(p).toArray();
            if (i % 50 == 7) {
                q[i][1400 - i % 3] = odd[i % 3];
            }
        }
        assertSameAsSmile(forest, q, "random forest on 1 500 features");
    }

    @Test
    void manyRowsArePredictedInParallelChunksWithTheSameResult() throws Exception {
        Data d = nasa();
        FittedModel m = fit(new GradientBoostingEstimator(), d.train(),
                Map.of("trees", 40L, "maxDepth", 6L, "nodeSize", 2L, "shrinkage", 0.1, "subsample", 1.0));
        // 20 copies of the 636 rows (12 720 rows, several parallel chunks and a ragged last block)
        double[][] many = new double[20 * d.all().length][];
        for (int i = 0; i < many.length; i++) {
            many[i] = d.all()[i % d.all().length];
        }
        double[] once = m.predict(d.all()).mean();
        double[] all = m.predict(many).mean();
        for (int i = 0; i < many.length; i++) {
            assertEquals(once[i % once.length], all[i], 0.0, "row " + i);
        }
        assertSameBits(((TreeModel) m).smilePredict(many), all, "12 720 rows");
        assertSameBits(all, ((TreeModel) m).predictFlat(many, true), "12 720 rows on ranks");
        assertSameBits(all, ((TreeModel) m).predictFlat(many, false), "12 720 rows on the values");
    }

    /**
     * Nernst's Smile trees try every threshold (scikit-learn's CART): on 10 000 rows a depth-1 tree
     * finds a step between two neighbouring rows, where Smile's default 100 bins would put the
     * split at a multiple of 100 rows and misplace the step. maxDepth 1 means one split, two leaves.
     */
    @Test
    void aDepthOneTreeSplitsExactlyAtTheStepOfTenThousandRows() throws Exception {
        int n = 10_000, step = 1_234;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] { i / (double) n };
            y[i] = i < step ? 0 : 1;
        }
        TrainingSet d = new TrainingSet(x, y, List.of("x"), "y");
        FittedModel m = fit(new DecisionTreeEstimator(), d, Map.of("maxDepth", 1L, "nodeSize", 1L));
        assertArrayEquals(y, m.predict(x).mean(), 0.0);
        double[] between = m.predict(new double[][] { { 0.12332 }, { 0.12338 } }).mean();
        assertArrayEquals(new double[] { 0, 1 }, between, 0.0, "the threshold lies between rows 1233 and 1234");
    }

    private static FittedModel roundTrip(FittedModel m) throws Exception {
        return Nodes.roundTrip(m);
    }
}

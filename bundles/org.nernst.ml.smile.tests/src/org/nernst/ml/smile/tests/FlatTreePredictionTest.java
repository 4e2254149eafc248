package org.nernst.ml.smile.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * The flattened-tree prediction path gives Smile's own predictions (and, for extra trees, the
 * tree-by-tree mean and spread) on every row of the NASA per-cycle features: fitted on B0005–B0007,
 * predicted on all 636 rows of the four cells, also after serialization and on rows with NaN and
 * infinite values.
 */
class FlatTreePredictionTest {
    private static final double TOLERANCE = 1e-12;

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

    private static void assertSameAsSmile(FittedModel fitted, double[][] x, String what) throws Exception {
        TreeModel model = (TreeModel) fitted;
        double[] smile = model.smilePredict(x);
        Prediction flat = model.predict(x);
        assertNull(flat.std(), what + " reports no spread");
        assertArrayEquals(smile, flat.mean(), TOLERANCE, what + ": flat trees against Smile");
        // a model read back from its bytes rebuilds the flat trees and predicts the same
        assertArrayEquals(smile, roundTrip(model).predict(x).mean(), TOLERANCE, what + " after serialization");
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
        assertArrayEquals(reference.mean(), flat.mean(), TOLERANCE);
        assertArrayEquals(reference.std(), flat.std(), TOLERANCE);
        Prediction back = ((ExtraTreesEstimator.Model) roundTrip(m)).predict(d.all());
        assertArrayEquals(reference.mean(), back.mean(), TOLERANCE);
        assertArrayEquals(reference.std(), back.std(), TOLERANCE);
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
        assertArrayEquals(et.predictTreeByTree(x).mean(), et.predict(x).mean(), TOLERANCE);
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
        assertArrayEquals(((TreeModel) m).smilePredict(many), all, TOLERANCE);
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

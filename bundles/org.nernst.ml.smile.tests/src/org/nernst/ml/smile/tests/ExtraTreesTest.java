package org.nernst.ml.smile.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.nernst.core.ml.Prediction;
import org.nernst.core.ml.TrainedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.ml.smile.internal.ExtraTreesEstimator;

/** Extremely randomized trees: exact behaviour on cases whose answer is known. */
class ExtraTreesTest {

    /** y = 0 below x0 = 0.5, 1 from there on; x1 is noise. 100 rows on a regular grid. */
    private static TrainingSet step() {
        Random r = new Random(11);
        double[][] x = new double[100][];
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) {
            x[i] = new double[] { i / 100.0, r.nextDouble() };
            y[i] = i < 50 ? 0 : 1;
        }
        return new TrainingSet(x, y, List.of("x0", "noise"), "y");
    }

    private static TrainedModel fit(TrainingSet d, Map<String, ?> params, long seed) throws Exception {
        return Estimators.with(NodeRegistry.platform(), "org.nernst.ml.smile.extraTrees", params).fit(d, seed,
                ProgressMonitor.none());
    }

    private static ExtraTreesEstimator.Model forest(TrainedModel m) {
        return (ExtraTreesEstimator.Model) m.model();
    }

    @Test
    void oneFullyGrownTreeReproducesAStepFunctionExactly() throws Exception {
        TrainingSet d = step();
        TrainedModel m = fit(d, Map.of("trees", 1, "nodeSize", 2), 5);
        // leaves end pure (a node with a constant target is not split), so every training row is exact
        assertArrayEquals(d.y(), m.predict(d.x()).mean(), 0);
        // away from the step every threshold the tree could have drawn sends the row to the right side
        assertArrayEquals(new double[] { 0, 0, 1, 1 },
                m.predict(new double[][] { { -5, 0.5 }, { 0.2, 0.9 }, { 0.8, 0.1 }, { 5, 0.5 } }).mean(), 0);
        assertEquals(0.0, m.predict(new double[][] { { 0.2, 0.9 } }).std()[0], "one tree has no spread");
    }

    @Test
    void aStumpPredictsTheMeanTargetOnEachSideOfItsSplit() throws Exception {
        TrainingSet d = step();
        for (long seed = 1; seed <= 5; seed++) {
            double[] p = fit(d, Map.of("trees", 1, "maxDepth", 1, "nodeSize", 2), seed).predict(d.x()).mean();
            Map<Double, double[]> sides = new TreeMap<>(); // leaf value -> {sum of y, rows}
            for (int i = 0; i < p.length; i++) {
                double[] s = sides.computeIfAbsent(p[i], k -> new double[2]);
                s[0] += d.y()[i];
                s[1]++;
            }
            assertEquals(2, sides.size(), "a stump has two leaves, seed " + seed + ": " + sides.keySet());
            for (Map.Entry<Double, double[]> e : sides.entrySet()) {
                assertEquals(e.getValue()[0] / e.getValue()[1], e.getKey(), 1e-15, "leaf of seed " + seed);
            }
        }
    }

    @Test
    void ensembleMeanAndSpreadAreThoseOfItsTrees() throws Exception {
        TrainingSet d = step();
        TrainedModel m = fit(d, Map.of("trees", 7, "mtry", 1), 3);
        double[][] probe = { { 0.495, 0.3 }, { 0.1, 0.7 }, { 0.52, 0.02 } };
        double[][] perTree = forest(m).treePredictions(probe);
        assertEquals(7, perTree.length);
        Prediction p = m.predict(probe);
        for (int i = 0; i < probe.length; i++) {
            double mean = 0, var = 0;
            for (double[] t : perTree) {
                mean += t[i] / perTree.length;
            }
            for (double[] t : perTree) {
                var += (t[i] - mean) * (t[i] - mean) / perTree.length;
            }
            assertEquals(mean, p.mean()[i], 1e-12, "mean of row " + i);
            assertEquals(Math.sqrt(var), p.std()[i], 1e-12, "spread of row " + i);
        }
    }

    @Test
    void theInformativeFeatureGetsAlmostAllTheImportance() throws Exception {
        double[] importance = fit(step(), Map.of("trees", 50), 9).model().featureImportance();
        assertEquals(1.0, importance[0] + importance[1], 1e-12);
        assertTrue(importance[0] > 0.9, "importance " + Arrays.toString(importance));
    }

    @Test
    void parallelGrowthIsReproducibleTreeByTree() throws Exception {
        TrainingSet d = step();
        double[][] probe = d.x();
        Map<String, Object> params = Map.of("trees", 64, "mtry", 1);
        double[][] a = forest(fit(d, params, 21)).treePredictions(probe);
        double[][] b = forest(fit(d, params, 21)).treePredictions(probe);
        double[][] c = forest(fit(d, params, 22)).treePredictions(probe);
        assertArrayEquals(a, b);
        assertFalse(Arrays.deepEquals(a, c), "another seed should draw other trees");
    }

    @Test
    void bootstrapChangesTheTreesButStillFits() throws Exception {
        TrainingSet d = step();
        double[] plain = fit(d, Map.of("trees", 20, "nodeSize", 2), 4).predict(d.x()).mean();
        double[] boot = fit(d, Map.of("trees", 20, "nodeSize", 2, "bootstrap", true), 4).predict(d.x()).mean();
        assertFalse(Arrays.equals(plain, boot));
        assertArrayEquals(d.y(), plain, 0, "without bootstrap, pure leaves reproduce the training rows");
        double mae = 0;
        for (int i = 0; i < boot.length; i++) {
            mae += Math.abs(d.y()[i] - boot[i]) / boot.length;
        }
        // rows left out of a bootstrap sample are predicted from neighbours: small errors at the step only
        assertTrue(mae > 0 && mae < 0.05, "mean absolute error " + mae);
    }

    @Test
    void mtryAboveTheFeatureCountIsADataException() {
        DataException e = assertThrows(DataException.class, () -> fit(step(), Map.of("mtry", 3), 1));
        assertTrue(e.getMessage().contains("mtry"), e.getMessage());
    }
}

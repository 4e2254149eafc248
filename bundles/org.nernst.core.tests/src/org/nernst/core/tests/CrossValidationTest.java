package org.nernst.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.ml.CrossValidation;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.Prediction;
import org.nernst.core.ml.RegressionMetrics;
import org.nernst.core.node.DataException;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.NodeKind;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.LongColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;
import org.nernst.core.table.TableBuilder;

class CrossValidationTest {

    /** Predicts the training mean and remembers which groups it was trained on. */
    static final class MeanModel implements FittedModel {
        private static final long serialVersionUID = 1L;
        final double mean;

        MeanModel(double mean) {
            this.mean = mean;
        }

        @Override
        public Prediction predict(double[][] x) {
            double[] m = new double[x.length];
            java.util.Arrays.fill(m, mean);
            return new Prediction(m, null);
        }
    }

    static final List<String> TRAINED_ON_GROUPS = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static ConfiguredEstimator meanEstimator() {
        NodeDescriptor d = new NodeDescriptor("test.mean", NodeKind.ESTIMATOR, "Mean", "Test", "mean", List.of(),
                List.of(), List.of(), "org.nernst.core.tests", "MeanModel", Map.of());
        return new ConfiguredEstimator(d, (data, p, seed, m) -> {
            double s = 0;
            for (double y : data.y()) {
                s += y;
            }
            // feature 0 encodes the group, so the test can see what was trained on
            for (double[] row : data.x()) {
                TRAINED_ON_GROUPS.add("g" + (int) row[0]);
            }
            return new MeanModel(s / data.rows());
        }, Parameters.of(Map.of()));
    }

    private static Table grouped() {
        TableBuilder b = new TableBuilder("g").stringColumn("cell", Role.GROUP).doubleColumn("g", "", Role.FEATURE)
                .doubleColumn("y", "Ah", Role.TARGET);
        for (int g = 0; g < 4; g++) {
            for (int i = 0; i < 5; i++) {
                b.set(0, "g" + g).set(1, g).set(2, g * 10 + i).endRow();
            }
        }
        return b.build();
    }

    @Test
    void leaveOneGroupOutNeverTrainsOnTheHeldOutGroup() throws Exception {
        TRAINED_ON_GROUPS.clear();
        CrossValidation.Result r = CrossValidation.run(meanEstimator(), grouped(), List.of("g"), "y",
                CrossValidation.Scheme.LEAVE_ONE_GROUP_OUT, 0, "cell", 1, ProgressMonitor.none());
        Table p = r.predictions();
        LongColumn fold = (LongColumn) p.column("fold");
        StringColumn cell = (StringColumn) p.column("cell");
        Map<String, Long> foldOf = new HashMap<>();
        for (int i = 0; i < p.rowCount(); i++) {
            Long prev = foldOf.put(cell.get(i), fold.get(i));
            assertTrue(prev == null || prev == fold.get(i), "a group is split across folds");
        }
        assertEquals(4, foldOf.size());
        // held-out g0 is predicted by the mean of g1..g3 = (12+22+32)/3 = 22
        assertEquals(22.0, p.doubles("y_predicted")[0], 1e-12);
        assertEquals(4.0 * 3 * 5, TRAINED_ON_GROUPS.size());
        Map<?, ?> groups = (Map<?, ?>) r.metrics().values().get("groups");
        assertEquals(4, groups.size());
        assertEquals(20.0, r.metrics().get("groups", "g0", "mae"), 1e-12);
    }

    @Test
    void kfoldPredictsEveryRowOnceAndIsSeeded() throws Exception {
        Table t = grouped();
        CrossValidation.Result a = CrossValidation.run(meanEstimator(), t, List.of("g"), "y", CrossValidation.Scheme.KFOLD,
                5, null, 3, ProgressMonitor.none());
        CrossValidation.Result b = CrossValidation.run(meanEstimator(), t, List.of("g"), "y", CrossValidation.Scheme.KFOLD,
                5, null, 3, ProgressMonitor.none());
        assertEquals(t.rowCount(), a.predictions().rowCount());
        assertTrue(java.util.Arrays.equals(a.predictions().doubles("y_predicted"), b.predictions().doubles("y_predicted")));
        assertTrue(java.util.Arrays.equals(a.predictions().doubles("fold"), b.predictions().doubles("fold")));
        double[] folds = a.predictions().doubles("fold");
        java.util.Map<Double, Integer> sizes = new java.util.TreeMap<>();
        for (double f : folds) {
            sizes.merge(f, 1, Integer::sum);
        }
        assertEquals(java.util.Map.of(1.0, 4, 2.0, 4, 3.0, 4, 4.0, 4, 5.0, 4), sizes);
    }

    @Test
    void groupKFoldKeepsGroupsTogetherAndFollowsTheSeed() throws Exception {
        Table t = grouped();
        CrossValidation.Result a = CrossValidation.run(meanEstimator(), t, List.of("g"), "y",
                CrossValidation.Scheme.GROUP_KFOLD, 2, "cell", 1, ProgressMonitor.none());
        double[] fold = a.predictions().doubles("fold");
        StringColumn cell = (StringColumn) a.predictions().column("cell");
        Map<String, Double> foldOf = new HashMap<>();
        for (int i = 0; i < fold.length; i++) {
            Double prev = foldOf.put(cell.get(i), fold[i]);
            assertTrue(prev == null || prev == fold[i], "group " + cell.get(i) + " split across folds");
        }
        assertEquals(2, new java.util.HashSet<>(foldOf.values()).size());
        boolean seedMatters = false;
        for (long seed = 2; seed < 12 && !seedMatters; seed++) {
            double[] other = CrossValidation.run(meanEstimator(), t, List.of("g"), "y", CrossValidation.Scheme.GROUP_KFOLD,
                    2, "cell", seed, ProgressMonitor.none()).predictions().doubles("fold");
            seedMatters = !java.util.Arrays.equals(fold, other);
        }
        assertTrue(seedMatters, "another seed never changed the group assignment");
    }

    @Test
    void tooFewGroupsIsAClearError() {
        Table one = grouped().filter(r -> r < 5);
        DataException e = assertThrows(DataException.class, () -> CrossValidation.run(meanEstimator(), one, List.of("g"),
                "y", CrossValidation.Scheme.LEAVE_ONE_GROUP_OUT, 0, "cell", 1, ProgressMonitor.none()));
        assertTrue(e.getMessage().contains("at least 2 groups"), e.getMessage());
    }

    @Test
    void metricsOfKnownValues() {
        RegressionMetrics m = RegressionMetrics.of(new double[] { 1, 2, 3, 4 }, new double[] { 1, 2, 3, 6 });
        assertEquals(1.0, m.rmse(), 1e-12);
        assertEquals(0.5, m.mae(), 1e-12);
        assertEquals(1 - 4 / 5.0, m.r2(), 1e-12);
        assertEquals(100 * 0.5 / 4, m.mape(), 1e-12);
        assertEquals(2.0, m.maxError(), 1e-12);
    }
}

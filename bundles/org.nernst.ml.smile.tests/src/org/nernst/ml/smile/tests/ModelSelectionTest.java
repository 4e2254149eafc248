package org.nernst.ml.smile.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nernst.conformance.Nodes;
import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.ml.ModelSelection;
import org.nernst.core.ml.SearchSpace;
import org.nernst.core.ml.TrainedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.Metrics;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;

/** Repeated random subsampling and nested cross-validation: exact split checks and the no-peeking proof. */
class ModelSelectionTest {
    private static final NodeRegistry REGISTRY = NodeRegistry.platform();
    private static final List<String> X = List.of("x1", "x2", "x3", "x4");

    /** 60 rows, 12 cells of 5 rows; y = x1 − 2 x2 + noise, and a class label from the sign of y. */
    static Table data(double[] yOverride) {
        Random r = new Random(3);
        int n = 60;
        double[][] x = new double[4][n];
        double[] y = new double[n];
        String[] cell = new String[n], label = new String[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x[j][i] = r.nextGaussian();
            }
            double noise = r.nextGaussian(); // drawn either way, so an override changes nothing else
            y[i] = yOverride != null ? yOverride[i] : x[0][i] - 2 * x[1][i] + 0.5 * noise;
            cell[i] = "cell" + (i / 5 + 1);
            label[i] = x[0][i] - 2 * x[1][i] > 0 ? "up" : "down";
        }
        Table t = new Table("synthetic", List.of(new StringColumn("cell", Role.GROUP, cell),
                new DoubleColumn("y", "", Role.TARGET, y), new StringColumn("label", Role.NONE, label)));
        for (int j = 0; j < 4; j++) {
            t = t.with(new DoubleColumn(X.get(j), "", Role.FEATURE, x[j]));
        }
        return t;
    }

    @Test
    void randomSubsamplingDrawsExactlyTheTestShareAndCoversEveryRowOnce() throws Exception {
        List<ModelSelection.Split> a = ModelSelection.monteCarloSplits(40, 30, 0.25, null, 9, "t");
        List<ModelSelection.Split> b = ModelSelection.monteCarloSplits(40, 30, 0.25, null, 9, "t");
        Set<String> distinct = new HashSet<>();
        for (int s = 0; s < a.size(); s++) {
            ModelSelection.Split sp = a.get(s);
            assertEquals(10, sp.test().length);
            assertEquals(30, sp.train().length);
            int[] both = new int[40];
            for (int r : sp.train()) {
                both[r]++;
            }
            for (int r : sp.test()) {
                both[r]++;
            }
            for (int c : both) {
                assertEquals(1, c, "every row is in exactly one of train and test");
            }
            assertArrayEquals(sp.test(), b.get(s).test(), "same seed, same splits");
            distinct.add(Arrays.toString(sp.test()));
        }
        assertTrue(distinct.size() >= 29, "splits should differ: " + distinct.size() + " distinct of 30");
    }

    @Test
    void groupedRandomSubsamplingNeverPutsACellOnBothSides() throws Exception {
        String[] groups = new String[60];
        for (int i = 0; i < 60; i++) {
            groups[i] = "cell" + (i % 12); // interleaved rows, so a row-wise split would leak
        }
        for (ModelSelection.Split sp : ModelSelection.monteCarloSplits(60, 50, 0.25, groups, 4, "t")) {
            Set<String> train = new HashSet<>(), test = new HashSet<>();
            Arrays.stream(sp.train()).forEach(r -> train.add(groups[r]));
            Arrays.stream(sp.test()).forEach(r -> test.add(groups[r]));
            assertEquals(3, test.size(), "round(0.25 × 12) cells for test");
            assertEquals(9, train.size());
            assertEquals(15, sp.test().length);
            assertTrue(train.stream().noneMatch(test::contains), "a cell in both train and test: " + test);
        }
    }

    @Test
    void randomSubsamplingNodeReportsEachSplitAndTheirMean() throws Exception {
        ConfiguredEstimator ridge = Estimators.with(REGISTRY, "org.nernst.ml.smile.ridge", Map.of());
        Map<String, Object> out = Nodes.run(REGISTRY, "org.nernst.core.monteCarloCv",
                Map.of("splits", 8, "testFraction", 0.25, "group", "cell"),
                Map.of("table", data(null), "estimator", ridge), 5, ProgressMonitor.none());
        Table splits = (Table) out.get("splits");
        Metrics m = (Metrics) out.get("metrics");
        assertEquals(8, splits.rowCount());
        double mean = Arrays.stream(splits.doubles("rmse")).average().orElseThrow();
        assertEquals(mean, m.get("mean", "rmse"), 1e-12);
        for (int s = 0; s < 8; s++) {
            assertEquals(15, splits.doubles("test_rows")[s]);
            assertEquals(3, splits.column("test_groups").format(s).split(" ").length);
        }
        // noise sd 0.5: a linear model's test RMSE must be near it
        assertTrue(m.get("mean", "rmse") > 0.3 && m.get("mean", "rmse") < 0.8, "mean RMSE " + m.get("mean", "rmse"));
    }

    private static Map<String, Object> nested(Table t, String scheme) throws Exception {
        ConfiguredEstimator ridge = Estimators.with(REGISTRY, "org.nernst.ml.smile.ridge", Map.of());
        return Nodes.run(REGISTRY, "org.nernst.core.nestedCv",
                Map.of("space", "lambda=0|1|10|100|1000", "outerScheme", scheme, "outerFolds", 4, "innerFolds", 3,
                        "target", "y"),
                Map.of("table", t, "estimator", ridge), 21, ProgressMonitor.none());
    }

    @Test
    void nestedCvChoosesTheBestInnerScoreAndRefitsOnTheOuterTrainingRows() throws Exception {
        Table t = data(null);
        Map<String, Object> out = nested(t, "group-kfold");
        Table folds = (Table) out.get("folds"), search = (Table) out.get("search"), pred = (Table) out.get("predictions");
        assertEquals(4, folds.rowCount());
        assertEquals(20, search.rowCount(), "4 folds × 5 candidates");
        ConfiguredEstimator ridge = Estimators.with(REGISTRY, "org.nernst.ml.smile.ridge", Map.of());
        for (int f = 1; f <= 4; f++) {
            double best = Double.POSITIVE_INFINITY;
            String bestParams = null;
            for (int r = 0; r < search.rowCount(); r++) {
                if (search.doubles("fold")[r] == f && search.doubles("inner_rmse")[r] < best) {
                    best = search.doubles("inner_rmse")[r];
                    bestParams = search.column("parameters").format(r);
                }
            }
            assertEquals(bestParams, folds.column("parameters").format(f - 1));
            assertEquals(best, folds.doubles("inner_rmse")[f - 1]);
            // the outer predictions are those of the chosen candidate refitted on the other folds' rows
            final int fold = f;
            Table train = pred.filter(r -> pred.doubles("fold")[r] != fold);
            Table test = pred.filter(r -> pred.doubles("fold")[r] == fold);
            Set<String> trainCells = new HashSet<>(), testCells = new HashSet<>();
            for (int r = 0; r < train.rowCount(); r++) {
                trainCells.add(train.column("cell").format(r));
            }
            for (int r = 0; r < test.rowCount(); r++) {
                testCells.add(test.column("cell").format(r));
            }
            assertTrue(trainCells.stream().noneMatch(testCells::contains), "a cell on both sides of outer fold " + f);
            double lambda = Double.parseDouble(bestParams.substring("lambda=".length()));
            TrainedModel m = ModelSelection.with(ridge, Map.of("lambda", lambda))
                    .fit(TrainingSet.from(train, X, "y"), 21 + f - 1, ProgressMonitor.none());
            assertArrayEquals(m.predict(TrainingSet.matrix(test, X)).mean(), test.doubles("y_predicted"), 1e-9);
        }
    }

    /**
     * The proof that nested CV never uses the outer test rows to choose parameters: replace the
     * targets of outer fold 1's test rows by wild values. Fold 1's inner scores and choice must stay
     * bit for bit the same, while the other folds (whose training rows include those rows) must
     * change — so the check is sensitive.
     */
    @Test
    void outerTestTargetsCannotInfluenceTheChoiceOfTheirFold() throws Exception {
        Table clean = data(null);
        Map<String, Object> a = nested(clean, "group-kfold");
        Table predA = (Table) a.get("predictions");
        double[] y = clean.doubles("y").clone();
        Random r = new Random(1);
        int changed = 0;
        for (int i = 0; i < y.length; i++) {
            if (predA.doubles("fold")[i] == 1) {
                y[i] = 1000 * r.nextGaussian();
                changed++;
            }
        }
        assertEquals(15, changed, "group-kfold with 12 cells in 4 folds: 3 cells of 5 rows");
        Map<String, Object> b = nested(data(y), "group-kfold");
        Table sa = (Table) a.get("search"), sb = (Table) b.get("search");
        boolean otherFoldsChanged = false;
        for (int i = 0; i < sa.rowCount(); i++) {
            double fold = sa.doubles("fold")[i];
            if (fold == 1) {
                assertEquals(sa.doubles("inner_rmse")[i], sb.doubles("inner_rmse")[i], 0.0,
                        "fold 1's inner score moved when only its outer test targets changed");
            } else if (sa.doubles("inner_rmse")[i] != sb.doubles("inner_rmse")[i]) {
                otherFoldsChanged = true;
            }
        }
        assertTrue(otherFoldsChanged, "the perturbation must reach the folds that train on those rows");
        assertEquals(((Table) a.get("folds")).column("parameters").format(0),
                ((Table) b.get("folds")).column("parameters").format(0));
    }

    @Test
    void nestedCvSearchesAClassifierByBalancedAccuracy() throws Exception {
        ConfiguredEstimator lr = Estimators.with(REGISTRY, "org.nernst.ml.smile.logisticRegression", Map.of());
        Map<String, Object> out = Nodes.run(REGISTRY, "org.nernst.core.nestedCv",
                Map.of("space", "lambda=log:0.01..100", "search", "random", "candidates", 4, "outerFolds", 3,
                        "target", "label"),
                Map.of("table", data(null), "estimator", lr), 2, ProgressMonitor.none());
        Metrics m = (Metrics) out.get("metrics");
        Table pred = (Table) out.get("predictions");
        assertEquals("balanced_accuracy", m.values().get("metric"));
        assertEquals(12, ((Table) out.get("search")).rowCount());
        assertTrue(pred.columnNames().containsAll(List.of("label_predicted", "label_p_down", "label_p_up")));
        assertTrue(m.get("overall", "accuracy") > 0.85, "accuracy " + m.get("overall", "accuracy"));
    }

    @Test
    void searchSpaceGridAndRandomDrawsStayInsideTheSpecs() {
        var specs = REGISTRY.find("org.nernst.ml.smile.randomForest").orElseThrow().parameters();
        SearchSpace s = SearchSpace.parse("trees=10..100; maxDepth=3|6; subsample", specs);
        List<Map<String, Object>> grid = s.grid(4);
        assertEquals(4 * 2 * 4, grid.size());
        assertEquals(List.of(10L, 40L, 70L, 100L), grid.stream().map(g -> g.get("trees")).distinct().toList());
        List<Map<String, Object>> draws = s.random(50, 3);
        assertEquals(draws, s.random(50, 3));
        for (Map<String, Object> d : draws) {
            long trees = (Long) d.get("trees");
            double sub = (Double) d.get("subsample");
            assertTrue(trees >= 10 && trees <= 100 && sub >= 0.1 && sub <= 1, d.toString());
        }
        List<Object> lambdas = SearchSpace.parse("lambda=log:0.001..10", REGISTRY.find("org.nernst.ml.smile.ridge")
                .orElseThrow().parameters()).grid(5).stream().map(g -> g.get("lambda")).toList();
        assertEquals(0.001, (Double) lambdas.get(0), 1e-15);
        assertEquals(0.01, (Double) lambdas.get(1), 1e-12);
        assertEquals(10, (Double) lambdas.get(4), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.parse("nonsense=1|2", specs));
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.parse("trees=0..10", specs), "below min 1");
        assertFalse(s.names().isEmpty());
        assertNotEquals(List.of(), new ArrayList<>(s.names()));
    }
}

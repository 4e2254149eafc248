package org.nernst.ml.smile.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nernst.conformance.Nodes;
import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Metrics;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.ColumnType;
import org.nernst.core.table.Table;

/** The cross-validate node with a classifier: text labels in, labels and class probabilities out, metrics by task. */
class ClassificationCrossValidationTest {
    private static final NodeRegistry REGISTRY = NodeRegistry.platform();

    private static Map<String, Object> cv(String estimator, String scheme) throws Exception {
        ConfiguredEstimator e = Estimators.with(REGISTRY, estimator, Map.of());
        return Nodes.run(REGISTRY, "org.nernst.core.crossValidate",
                Map.of("target", "label", "scheme", scheme, "folds", 4, "group", "cell"),
                Map.of("table", ModelSelectionTest.data(null), "estimator", e), 3, ProgressMonitor.none());
    }

    @Test
    void predictionsAreLabelsWithOneProbabilityColumnPerClassAndTheMetricsAgreeWithThem() throws Exception {
        Map<String, Object> out = cv("org.nernst.ml.smile.logisticRegression", "group-kfold");
        Table p = (Table) out.get("predictions");
        Metrics m = (Metrics) out.get("metrics");
        assertEquals(ColumnType.STRING, p.column("label_predicted").type());
        int correct = 0;
        for (int r = 0; r < p.rowCount(); r++) {
            double down = p.doubles("label_p_down")[r], up = p.doubles("label_p_up")[r];
            assertEquals(1.0, down + up, 1e-9);
            String predicted = p.column("label_predicted").format(r);
            assertEquals(up > down ? "up" : "down", predicted);
            correct += predicted.equals(p.column("label").format(r)) ? 1 : 0;
        }
        assertEquals(correct / 60.0, m.get("overall", "accuracy"), 1e-15);
        assertEquals("classification", m.values().get("task"));
        assertEquals(List.of("down", "up"), m.values().get("classes"));
        assertTrue(m.get("overall", "roc_auc") > 0.9, "AUC " + m.get("overall", "roc_auc"));
        // per-group metrics exist for each of the 12 cells, and no cell is split across folds
        assertEquals(12, ((Map<?, ?>) m.values().get("groups")).size());
        Map<String, Set<Double>> foldsOfCell = new java.util.HashMap<>();
        for (int r = 0; r < p.rowCount(); r++) {
            foldsOfCell.computeIfAbsent(p.column("cell").format(r), k -> new HashSet<>()).add(p.doubles("fold")[r]);
        }
        foldsOfCell.values().forEach(f -> assertEquals(1, f.size()));
    }

    @Test
    void everyClassifierCrossValidatesWellAboveChance() throws Exception {
        for (String id : List.of("randomForestClassifier", "decisionTreeClassifier", "gradientBoostingClassifier",
                "knnClassifier", "svm")) {
            Metrics m = (Metrics) cv("org.nernst.ml.smile." + id, "kfold").get("metrics");
            assertTrue(m.get("overall", "balanced_accuracy") > 0.7, id + " balanced accuracy "
                    + m.get("overall", "balanced_accuracy"));
        }
    }

    @Test
    void aRegressorOnATextTargetIsADataException() throws Exception {
        ConfiguredEstimator ridge = Estimators.with(REGISTRY, "org.nernst.ml.smile.ridge", Map.of());
        assertThrows(DataException.class, () -> Nodes.run(REGISTRY, "org.nernst.core.crossValidate",
                Map.of("target", "label"), Map.of("table", ModelSelectionTest.data(null), "estimator", ridge), 3,
                ProgressMonitor.none()));
    }
}

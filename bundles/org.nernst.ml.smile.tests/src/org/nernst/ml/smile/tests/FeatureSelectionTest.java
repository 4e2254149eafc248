package org.nernst.ml.smile.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nernst.conformance.Nodes;
import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.ml.FeatureSelection;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;

/**
 * The feature-selection node on data whose answer is known: y = 3 a + b + noise; {@code a2} is a
 * near copy of {@code a}; {@code n1}, {@code n2} are noise.
 */
class FeatureSelectionTest {
    private static final NodeRegistry REGISTRY = NodeRegistry.platform();

    private static Table data() {
        Random r = new Random(5);
        int n = 120;
        double[] a = new double[n], a2 = new double[n], b = new double[n], n1 = new double[n], n2 = new double[n],
                y = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextGaussian();
            a2[i] = a[i] + 0.05 * r.nextGaussian();
            b[i] = r.nextGaussian();
            n1[i] = r.nextGaussian();
            n2[i] = r.nextGaussian();
            y[i] = 3 * a[i] + b[i] + 0.3 * r.nextGaussian();
        }
        return new Table("known", List.of(new DoubleColumn("a", "", Role.FEATURE, a),
                new DoubleColumn("a2", "", Role.FEATURE, a2), new DoubleColumn("b", "", Role.FEATURE, b),
                new DoubleColumn("n1", "", Role.FEATURE, n1), new DoubleColumn("n2", "", Role.FEATURE, n2),
                new DoubleColumn("y", "", Role.TARGET, y)));
    }

    private static Map<String, String> decisions(Table d) {
        Map<String, String> m = new HashMap<>();
        for (int r = 0; r < d.rowCount(); r++) {
            m.put(d.column("feature").format(r), d.column("decision").format(r));
        }
        return m;
    }

    private static Map<String, Object> run(Map<String, ?> params, String estimator) throws Exception {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("table", data());
        if (estimator != null) {
            inputs.put("estimator", Estimators.with(REGISTRY, estimator, Map.of()));
        }
        return Nodes.run(REGISTRY, "org.nernst.core.selectFeatures", params, inputs, 3, ProgressMonitor.none());
    }

    @Test
    void correlationFilterDropsNoiseAndTheWeakerTwin() throws Exception {
        Map<String, Object> out = run(Map.of("method", "correlation", "minAbsCorrelation", 0.2,
                "maxPairCorrelation", 0.9), null);
        Table decisions = (Table) out.get("decisions");
        Map<String, String> d = decisions(decisions);
        assertEquals("kept", d.get("b"));
        assertEquals("dropped", d.get("n1"));
        assertEquals("dropped", d.get("n2"));
        // exactly one of the twins stays: the one closer to the target
        assertTrue(d.get("a").equals("kept") ^ d.get("a2").equals("kept"), d.toString());
        Table reduced = (Table) out.get("table");
        assertEquals(List.of("y", d.get("a").equals("kept") ? "a" : "a2", "b").stream().sorted().toList(),
                reduced.columnNames().stream().sorted().toList());
        // the score column is |r| exactly
        int row = 0;
        while (!decisions.column("feature").format(row).equals("b")) {
            row++;
        }
        assertEquals(Math.abs(FeatureSelection.pearson(data().doubles("b"), data().doubles("y"))),
                decisions.doubles("score")[row], 1e-15);
    }

    @Test
    void forestImportanceKeepsTheInformativeFeatures() throws Exception {
        Map<String, String> d = decisions((Table) run(Map.of("method", "importance", "topK", 3),
                "org.nernst.ml.smile.extraTrees").get("decisions"));
        assertEquals("kept", d.get("b"));
        assertEquals("dropped", d.get("n1"));
        assertEquals("dropped", d.get("n2"));
        assertEquals(3, d.values().stream().filter("kept"::equals).count());
    }

    @Test
    void backwardSelectionWithALinearModelEndsWithTheTrueFeatures() throws Exception {
        Map<String, Object> out = run(Map.of("method", "backward", "folds", 5), "org.nernst.ml.smile.linear");
        Table decisions = (Table) out.get("decisions");
        Map<String, String> d = decisions(decisions);
        StringBuilder why = new StringBuilder();
        for (int r = 0; r < decisions.rowCount(); r++) {
            why.append(decisions.column("feature").format(r)).append(": ").append(decisions.column("reason").format(r))
                    .append('\n');
        }
        assertEquals("kept", d.get("b"), why.toString());
        assertEquals("dropped", d.get("n1"), why.toString());
        assertEquals("dropped", d.get("n2"), why.toString());
        assertFalse(d.get("a").equals("dropped") && d.get("a2").equals("dropped"), d.toString());
    }

    @Test
    void importanceWithoutAnEstimatorIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(Map.of("method", "importance"), null));
        assertTrue(e.getMessage().contains("estimator"), e.getMessage());
    }

    @Test
    void importanceFromAnEstimatorWithoutOneIsADataException() throws Exception {
        ConfiguredEstimator knn = Estimators.with(REGISTRY, "org.nernst.ml.smile.knn", Map.of());
        assertThrows(org.nernst.core.node.DataException.class, () -> Nodes.run(REGISTRY,
                "org.nernst.core.selectFeatures", Map.of("method", "importance"), Map.of("table", data(), "estimator",
                        knn), 3, ProgressMonitor.none()));
    }
}

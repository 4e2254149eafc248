package org.nernst.ml.smile.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.ml.CrossValidation;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.Table;

/**
 * Capacity of a NASA cell never seen in training, predicted from per-cycle discharge and charge
 * features of the other three (leave-one-cell-out). Bounds are the figures measured when the
 * estimators were written (random forest RMSE 0.031 Ah, R² 0.976; Gaussian process RMSE 0.023 Ah,
 * R² 0.986) with a margin, so a regression in the estimators or their defaults shows up here.
 */
class NasaCapacityCrossValidationTest {
    private static final long SEED = 42L;

    private static Table cells;
    private static NodeRegistry registry;

    @BeforeAll
    static void readCells() throws Exception {
        Path folder = NasaPerCycle.folder();
        if (!Files.isDirectory(folder)) {
            fail("NASA per-cycle data not found: looked for folder " + folder.toAbsolutePath().normalize()
                    + " (system property nernst.data = " + System.getProperty("nernst.data")
                    + "; the build sets it to ../shared/data next to the repository)");
        }
        cells = NasaPerCycle.read(folder);
        registry = NodeRegistry.platform();
    }

    @Test
    void tableHoldsAllFourCellsWithSevenFeatures() {
        assertEquals(636, cells.rowCount());
        assertEquals(7, NasaPerCycle.features(cells).size(), NasaPerCycle.features(cells).toString());
    }

    @Test
    void randomForestPredictsUnseenCellsWithinBounds() throws Exception {
        Map<String, Object> overall = crossValidate("org.nernst.ml.smile.randomForest", false);
        assertBelow(overall, "rmse", 0.05);
        assertAbove(overall, "r2", 0.94);
    }

    @Test
    void gaussianProcessPredictsUnseenCellsWithinBounds() throws Exception {
        Map<String, Object> overall = crossValidate("org.nernst.ml.smile.gaussianProcess", true);
        assertBelow(overall, "rmse", 0.04);
        assertAbove(overall, "r2", 0.96);
    }

    /** Runs leave-one-cell-out, checks every cell is predicted within 0.1 Ah and returns the overall metrics. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> crossValidate(String id, boolean probabilistic) throws Exception {
        NodeDescriptor d = registry.find(id).orElseThrow(() -> new AssertionError("estimator " + id + " is not installed"));
        ConfiguredEstimator estimator = Estimators.withDefaults(registry, d);
        CrossValidation.Result r = CrossValidation.run(estimator, cells, NasaPerCycle.features(cells),
                NasaPerCycle.TARGET, CrossValidation.Scheme.LEAVE_ONE_GROUP_OUT, 0, "cell", SEED, ProgressMonitor.none());
        Map<String, Object> overall = (Map<String, Object>) r.metrics().values().get("overall");
        Map<String, Object> groups = (Map<String, Object>) r.metrics().values().get("groups");
        System.out.println(id + " leave-one-cell-out on NASA " + NasaPerCycle.CELLS + ": overall " + overall);
        groups.forEach((cell, m) -> System.out.println("  held out " + cell + ": " + m));
        assertEquals(4, groups.size());
        groups.forEach((cell, m) -> assertBelow((Map<String, Object>) m, "rmse", 0.1));
        if (probabilistic) {
            double[] std = r.predictions().doubles(NasaPerCycle.TARGET + "_std");
            double[] predicted = r.predictions().doubles(NasaPerCycle.TARGET + "_predicted");
            double[] y = cells.doubles(NasaPerCycle.TARGET);
            int within = 0;
            for (int i = 0; i < std.length; i++) {
                assertTrue(Double.isFinite(std[i]) && std[i] > 0, "row " + (i + 1) + ": std " + std[i]);
                within += Math.abs(predicted[i] - y[i]) <= 2 * std[i] ? 1 : 0;
            }
            System.out.printf("  %.1f %% of measured capacities lie within 2 predicted standard deviations%n",
                    100.0 * within / std.length);
        }
        return overall;
    }

    private static void assertBelow(Map<String, Object> metrics, String key, double bound) {
        double v = ((Number) metrics.get(key)).doubleValue();
        assertTrue(v < bound, key + " = " + v + " is not below " + bound + " in " + metrics);
    }

    private static void assertAbove(Map<String, Object> metrics, String key, double bound) {
        double v = ((Number) metrics.get(key)).doubleValue();
        assertTrue(v > bound, key + " = " + v + " is not above " + bound + " in " + metrics);
    }
}

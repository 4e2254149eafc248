package org.nernst.ml.smile.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nernst.core.ml.CrossValidation;
import org.nernst.core.ml.RegressionMetrics;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.core.table.TableBuilder;

/** ES-LiR: exact on synthetic tables whose true model is known, and run on the electrode descriptors. */
class EsLirTest {
    private static final String ID = "org.nernst.ml.smile.esLir";
    private static final long SEED = 17;

    /** Eight descriptors d0..d7, y = 1 + 3·d2 − 2·d5 + noise; a group column of 12 groups. */
    private static Table synthetic(double noise) {
        Random r = new Random(5);
        TableBuilder b = new TableBuilder("synthetic");
        for (int j = 0; j < 8; j++) {
            b.doubleColumn("d" + j, "", Role.FEATURE);
        }
        b.doubleColumn("y", "V", Role.TARGET).stringColumn("group", Role.GROUP);
        for (int i = 0; i < 120; i++) {
            double[] d = new double[8];
            for (int j = 0; j < 8; j++) {
                d[j] = r.nextGaussian() * (j + 1) + j; // unequal scales and offsets on purpose
                b.set(j, d[j]);
            }
            b.set(8, 1 + 3 * d[2] - 2 * d[5] + noise * r.nextGaussian()).set(9, "g" + (i % 12)).endRow();
        }
        return b.build();
    }

    private static Map<String, Object> run(Table t, Map<String, ?> params, List<String> messages) throws Exception {
        NodeRegistry registry = NodeRegistry.platform();
        NodeDescriptor d = registry.find(ID).orElseThrow(() -> new AssertionError(ID + " is not installed: " + registry.problems()));
        TableContext c = new TableContext(d, Parameters.resolve(d.parameters(), params), SEED, Map.of("table", t));
        Map<String, Object> out = registry.create(ID).execute(c);
        messages.addAll(c.messages());
        return out;
    }

    private static int firstRow(Table models, long k) {
        for (int r = 0; r < models.rowCount(); r++) {
            if (models.column("k").asDouble(r) == k && models.column("rank").asDouble(r) == 1) {
                return r;
            }
        }
        throw new AssertionError("no model for k = " + k);
    }

    @Test
    void findsTheTrueTwoDescriptorModelWithItsCoefficients() throws Exception {
        Map<String, Object> out = run(synthetic(0), Map.of("maxDescriptors", 2, "top", 5), new ArrayList<>());
        Table models = (Table) out.get("models");
        assertEquals(10, models.rowCount(), "five models for k = 1 and five for k = 2");
        int best = firstRow(models, 2);
        assertEquals("d2 + d5", models.column("descriptors").format(best));
        assertEquals(1.0, models.column("intercept").asDouble(best), 1e-9);
        assertEquals("d2=3.00000; d5=-2.00000", models.column("coefficients").format(best));
        // exact up to rounding: the fold errors come from sums of squares (Σt² − 2βᵀXᵀt + βᵀXᵀXβ), which
        // cancel to about 1e-16 of Σt² (~3e4 here), i.e. an RMSE of order 1e-7
        assertTrue(models.column("cv_rmse").asDouble(best) < 1e-5, "noise-free data is fitted exactly");
        assertEquals(28, models.column("subsets").asDouble(best), "C(8, 2) subsets");
        // d5 (sd 6, weight 2) moves y more than d2 (sd 3, weight 3): it is the best single descriptor
        assertEquals("d5", models.column("descriptors").format(firstRow(models, 1)));
        assertEquals(8, models.column("subsets").asDouble(firstRow(models, 1)));
        assertEquals("V", models.column("cv_rmse").unit());
        // weight diagram at k = 2: all five best models hold d5, the stronger of the two true descriptors
        Table w = (Table) out.get("weights");
        boolean found = false;
        for (int r = 0; r < w.rowCount(); r++) {
            if (w.column("k").asDouble(r) == 2 && w.column("descriptor").format(r).equals("d5")) {
                assertEquals(5, w.column("appearances").asDouble(r));
                assertEquals(1.0, w.column("share").asDouble(r));
                found = true;
            }
        }
        assertTrue(found, "d5 missing from the weight diagram");
    }

    @Test
    void crossValidatedErrorEqualsThatOfTheCrossValidateNodeForOrdinaryLeastSquares() throws Exception {
        Table t = synthetic(0.5);
        for (String group : List.of("", "group")) {
            Table models = (Table) run(t, Map.of("maxDescriptors", 2, "group", group), new ArrayList<>()).get("models");
            int best = firstRow(models, 2);
            assertEquals("d2 + d5", models.column("descriptors").format(best));
            CrossValidation.Result cv = CrossValidation.run(Estimators.with(NodeRegistry.platform(),
                    "org.nernst.ml.smile.linear", Map.of()), t, List.of("d2", "d5"), "y",
                    group.isEmpty() ? CrossValidation.Scheme.KFOLD : CrossValidation.Scheme.GROUP_KFOLD, 5, group, SEED,
                    ProgressMonitor.none());
            double expected = RegressionMetrics.of(t.doubles("y"), cv.predictions().doubles("y_predicted")).rmse();
            assertEquals(expected, models.column("cv_rmse").asDouble(best), 1e-9 * expected, "group '" + group + "'");
            assertTrue(expected > 0.4 && expected < 0.7, "CV RMSE " + expected + " should be near the noise, 0.5");
        }
    }

    @Test
    void moreSubsetsThanTheCapScreenTheDescriptorsAndSaySo() throws Exception {
        List<String> messages = new ArrayList<>();
        Table models = (Table) run(synthetic(0.5), Map.of("maxDescriptors", 2, "maxSubsets", 10), messages).get("models");
        int best = firstRow(models, 2);
        assertEquals(5, models.column("descriptors_searched").asDouble(best), "C(5, 2) = 10 is the most within the cap");
        assertEquals(10, models.column("subsets").asDouble(best));
        assertEquals("d2 + d5", models.column("descriptors").format(best));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("warning: k = 2") && m.contains("screened")), messages.toString());
    }

    @Test
    void electrodeVoltageBestLinearModelsAndWeightDiagram() throws Exception {
        Table t = ElectrodeVoltageTest.table();
        List<String> features = ElectrodeVoltageTest.completeFeatures(t);
        List<String> messages = new ArrayList<>();
        long start = System.nanoTime();
        Map<String, Object> out = run(t, Map.of("target", "Average Voltage", "features", features, "maxDescriptors", 3,
                "top", 20, "maxSubsets", 1_000_000, "group", "Formula Charge"), messages);
        double seconds = (System.nanoTime() - start) / 1e9;
        Table models = (Table) out.get("models"), w = (Table) out.get("weights");
        StringBuilder report = new StringBuilder(String.format("ES-LiR on %d electrode entries, %d descriptors, 5-fold CV "
                + "grouped by charged formula, %.1f s%n", t.rowCount(), features.size(), seconds));
        for (long k = 1; k <= 3; k++) {
            for (int r = 0; r < models.rowCount(); r++) {
                if (models.column("k").asDouble(r) == k && models.column("rank").asDouble(r) <= 3) {
                    report.append(String.format("k=%d #%d CV RMSE %.3f V (train %.3f)  %s%n", k,
                            (long) models.column("rank").asDouble(r), models.column("cv_rmse").asDouble(r),
                            models.column("train_rmse").asDouble(r), models.column("coefficients").format(r)));
                }
            }
            report.append("  weight diagram (appearances in the top 20): ");
            int shown = 0;
            for (int r = 0; r < w.rowCount(); r++) {
                if (w.column("k").asDouble(r) == k && shown++ < 6) {
                    report.append(w.column("descriptor").format(r)).append(' ')
                            .append((long) w.column("appearances").asDouble(r)).append(", ");
                }
            }
            report.append('\n');
        }
        messages.forEach(m -> report.append(m).append('\n'));
        System.out.print(report);
        double k1 = models.column("cv_rmse").asDouble(firstRow(models, 1));
        double k3 = models.column("cv_rmse").asDouble(firstRow(models, 3));
        double[] v = t.doubles("Average Voltage");
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        double[] constant = new double[v.length];
        java.util.Arrays.fill(constant, mean);
        double sd = RegressionMetrics.of(v, constant).rmse();
        assertEquals(60, models.rowCount(), "20 models for each k");
        assertTrue(k3 < k1, "three descriptors should beat one: " + k3 + " vs " + k1 + "\n" + report);
        assertTrue(k1 < sd, "one descriptor should beat the mean predictor's " + sd + "\n" + report);
    }
}

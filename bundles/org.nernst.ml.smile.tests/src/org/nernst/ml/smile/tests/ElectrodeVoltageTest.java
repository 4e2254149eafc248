package org.nernst.ml.smile.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nernst.core.exec.CancelToken;
import org.nernst.core.exec.ExecutionListener;
import org.nernst.core.exec.WorkflowExecutor;
import org.nernst.core.ml.CrossValidation;
import org.nernst.core.ml.RegressionMetrics;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.core.workflow.PortRef;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowNode;

/**
 * Average voltage of electrode materials from composition alone (Materials Project battery
 * entries, {@code materials/mp_batteries.csv}; cf. Joshi et al. 2019 who used DNN, SVR and KRR on
 * this kind of data): Magpie descriptors of the charged formula, the discharged formula and the
 * working ion; 5-fold cross-validation grouped by host (the charged formula), so no framework is
 * in both training and test. Entries with a negative average voltage are unphysical for an
 * electrode (the insertion would not happen spontaneously) and are left out, and counted.
 */
class ElectrodeVoltageTest {

    /** The Materials Project entries with non-negative voltage, featurized (Magpie descriptors of three formula columns). */
    static Table table() throws Exception {
        Table all = featurized();
        return all.filter(r -> all.column("Average Voltage").asDouble(r) >= 0);
    }

    /** The descriptors without a missing value (elements lacking a Magpie property make NaN). */
    static List<String> completeFeatures(Table t) {
        return t.withRole(Role.FEATURE).stream().map(c -> c.name()).filter(name -> !hasNaN(t, name)).toList();
    }

    private static Table featurized() throws Exception {
        Path data = Path.of(System.getProperty("nernst.data", "../shared/data"));
        Path csv = data.resolve("materials/mp_batteries.csv");
        if (!Files.isRegularFile(csv)) {
            fail("REAL DATA MISSING: " + csv.toAbsolutePath().normalize() + "; set -Dnernst.data");
        }
        return new WorkflowExecutor(NodeRegistry.platform(), 2).run(new Workflow("mp", "", 1, List.of(
                new WorkflowNode("read", "org.nernst.data.csv", Map.of("file", csv.toString(), "target", "Average Voltage"),
                        Map.of()),
                new WorkflowNode("compose", "org.nernst.features.composition", Map.of("formulas",
                        List.of("Formula Charge", "Formula Discharge", "Working Ion"), "folder",
                        data.resolve("elements/magpie").toString()), Map.of("table", PortRef.parse("read.table"))))),
                new ExecutionListener() {
                }, new CancelToken()).value("compose", "table", Table.class);
    }

    @Test
    void estimatorsBeatTheMeanPredictorUnderHostGroupedCrossValidation() throws Exception {
        Table all = featurized();
        Table t = all.filter(r -> all.column("Average Voltage").asDouble(r) >= 0);
        int dropped = all.rowCount() - t.rowCount();
        List<String> features = completeFeatures(t);
        NodeRegistry registry = NodeRegistry.platform();
        double[] v = t.doubles("Average Voltage");
        double mean = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        double[] constant = new double[v.length];
        java.util.Arrays.fill(constant, mean);
        RegressionMetrics baseline = RegressionMetrics.of(v, constant);
        StringBuilder report = new StringBuilder(String.format("%d entries (%d with a negative voltage left out), %d "
                + "descriptors, 5-fold CV grouped by charged formula%n%-17s MAE %.3f V  RMSE %.3f V  R² %.3f%n",
                t.rowCount(), dropped, features.size(), "mean predictor", baseline.mae(), baseline.rmse(), baseline.r2()));
        double bestMae = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, Map<String, Object>> e : Map.<String, Map<String, Object>>of(
                "ridge", Map.of("lambda", 1.0), "randomForest", Map.of("trees", 100), "extraTrees", Map.of("trees", 100, "mtry", 130), "gradientBoosting", Map.of("trees", 150),
                "knn", Map.of(), "elasticNet", Map.of()).entrySet()) {
            CrossValidation.Result cv = CrossValidation.run(Estimators.with(registry, "org.nernst.ml.smile." + e.getKey(),
                    e.getValue()), t, features, "Average Voltage", CrossValidation.Scheme.GROUP_KFOLD, 5, "Formula Charge", 7,
                    ProgressMonitor.none());
            RegressionMetrics m = RegressionMetrics.of(cv.predictions().doubles("Average Voltage"),
                    cv.predictions().doubles("Average Voltage_predicted"));
            report.append(String.format("%-17s MAE %.3f V  RMSE %.3f V  R² %.3f%n", e.getKey(), m.mae(), m.rmse(), m.r2()));
            bestMae = Math.min(bestMae, m.mae());
        }
        System.out.print("Electrode average voltage from composition (Materials Project):\n" + report);
        assertTrue(dropped > 0 && dropped < all.rowCount() / 10, "negative voltages: " + dropped);
        assertTrue(bestMae < 0.75 * baseline.mae(), "best MAE " + bestMae + " V is not clearly below the mean predictor's "
                + baseline.mae() + " V\n" + report);
    }

    /**
     * The multilayer perceptron on the same folds, printed beside the table of the other test. Its
     * own test so its time shows; early stopping with a short patience and large batches keeps it to a few dozen epochs.
     */
    @Test
    void multilayerPerceptronOnTheSameFolds() throws Exception {
        Table t = table();
        List<String> features = completeFeatures(t);
        long start = System.nanoTime();
        CrossValidation.Result cv = CrossValidation.run(Estimators.with(NodeRegistry.platform(), "org.nernst.ml.smile.mlp",
                Map.of("patience", 5, "batchSize", 128)), t, features, "Average Voltage",
                CrossValidation.Scheme.GROUP_KFOLD, 5, "Formula Charge", 7, ProgressMonitor.none());
        RegressionMetrics m = RegressionMetrics.of(cv.predictions().doubles("Average Voltage"),
                cv.predictions().doubles("Average Voltage_predicted"));
        double[] v = t.doubles("Average Voltage");
        double mean = java.util.Arrays.stream(v).average().orElseThrow(), baselineMae = 0;
        for (double x : v) {
            baselineMae += Math.abs(x - mean) / v.length;
        }
        System.out.printf("Electrode voltage, MLP (2×64 ReLU, Adam, batch 128, early stopping after 5 epochs): MAE %.3f V  RMSE %.3f V  R² %.3f "
                + "(mean predictor MAE %.3f V), %.0f s%n", m.mae(), m.rmse(), m.r2(), baselineMae,
                (System.nanoTime() - start) / 1e9);
        assertTrue(m.mae() < baselineMae, "MLP MAE " + m.mae() + " V vs mean predictor " + baselineMae + " V");
    }

    /**
     * The kernel methods Joshi et al. (2019) used for electrode voltages — SVR and kernel ridge
     * regression, Gaussian kernel of width √(descriptors) on standardized descriptors, defaults
     * otherwise (no tuning) — on the same host-grouped folds, printed beside the table above.
     */
    @Test
    void kernelMethodsOnTheSameFolds() throws Exception {
        Table t = table();
        List<String> features = completeFeatures(t);
        double[] v = t.doubles("Average Voltage");
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        double baselineMae = 0;
        for (double x : v) {
            baselineMae += Math.abs(x - mean) / v.length;
        }
        StringBuilder report = new StringBuilder();
        double best = Double.POSITIVE_INFINITY;
        for (String id : List.of("svr", "kernelRidge")) {
            long start = System.nanoTime();
            CrossValidation.Result cv = CrossValidation.run(Estimators.with(NodeRegistry.platform(),
                    "org.nernst.ml.smile." + id, Map.of()), t, features, "Average Voltage",
                    CrossValidation.Scheme.GROUP_KFOLD, 5, "Formula Charge", 7, ProgressMonitor.none());
            RegressionMetrics m = RegressionMetrics.of(cv.predictions().doubles("Average Voltage"),
                    cv.predictions().doubles("Average Voltage_predicted"));
            report.append(String.format("%-17s MAE %.3f V  RMSE %.3f V  R² %.3f  (%.0f s)%n", id, m.mae(), m.rmse(), m.r2(),
                    (System.nanoTime() - start) / 1e9));
            best = Math.min(best, m.mae());
        }
        System.out.printf("Electrode voltage, kernel methods with defaults (mean predictor MAE %.3f V):%n%s", baselineMae,
                report);
        assertTrue(best < baselineMae, "best kernel MAE " + best + " V vs mean predictor " + baselineMae + " V\n" + report);
    }

    private static boolean hasNaN(Table t, String column) {
        for (int r = 0; r < t.rowCount(); r++) {
            if (Double.isNaN(t.column(column).asDouble(r))) {
                return true;
            }
        }
        return false;
    }
}

package org.nernst.ml.smile.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nernst.core.ml.RegressionMetrics;
import org.nernst.core.ml.TrainedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.Table;

/**
 * Capacity (SOH) from per-cycle features, split by cell as the issue asks: train on B0005–B0007,
 * test on B0018, no cycle of B0018 in training. Public work reached 0.016 Ah with a random (not
 * by-cell) split; by cell is harder. Every estimator with default parameters, no tuning.
 */
class NasaTrainOnThreeTestOnB0018Test {

    @Test
    void everyEstimatorPredictsTheUnseenCell() throws Exception {
        Table all = NasaPerCycle.read(NasaPerCycle.folder());
        Table train = all.filter(r -> !all.column("cell").format(r).equals("B0018"));
        Table test = all.filter(r -> all.column("cell").format(r).equals("B0018"));
        assertEquals(132, test.rowCount());
        List<String> features = NasaPerCycle.features(all);
        NodeRegistry registry = NodeRegistry.platform();
        StringBuilder report = new StringBuilder();
        double best = Double.POSITIVE_INFINITY;
        String bestId = "";
        for (String id : List.of("randomForest", "extraTrees", "gradientBoosting", "decisionTree", "knn", "svr", "gaussianProcess", "kernelRidge", "pls",
                "ridge", "lasso", "elasticNet", "linear")) {
            TrainedModel m = Estimators.with(registry, "org.nernst.ml.smile." + id, Map.of())
                    .fit(TrainingSet.from(train, features, NasaPerCycle.TARGET), 42, ProgressMonitor.none());
            RegressionMetrics r = RegressionMetrics.of(test.doubles(NasaPerCycle.TARGET),
                    m.predict(TrainingSet.matrix(test, features)).mean());
            report.append(String.format("%-17s B0018 RMSE %.4f Ah, MAE %.4f Ah, R² %.3f%n", id, r.rmse(), r.mae(), r.r2()));
            if (r.rmse() < best) {
                best = r.rmse();
                bestId = id;
            }
        }
        System.out.print("NASA capacity, train B0005-B0007, test B0018 (defaults, no tuning):\n" + report);
        // B0018's capacity spans 1.34-1.86 Ah; a model worth the name is within a few hundredths
        assertTrue(best < 0.05, "best RMSE " + best + " Ah by " + bestId + "\n" + report);
    }
}

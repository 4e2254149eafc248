package org.nernst.ml.smile.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nernst.core.ml.RegressionMetrics;
import org.nernst.core.ml.TrainedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.ml.smile.internal.MlpEstimator;

/** The multilayer perceptron: learns a smooth nonlinear function, and early stopping behaves as documented. */
class MlpTest {

    /** y = sin(2·x0) + x1² − 0.5·x2 on x uniform in [−1.5, 1.5]³, offset and scaled to test the standardization. */
    private static TrainingSet wave(long seed, int n) {
        Random r = new Random(seed);
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = r.nextDouble() * 3 - 1.5;
            }
            y[i] = 100 + 10 * (Math.sin(2 * x[i][0]) + x[i][1] * x[i][1] - 0.5 * x[i][2]);
            x[i][2] = 1000 + 50 * x[i][2];
        }
        return new TrainingSet(x, y, List.of("a", "b", "c"), "y");
    }

    private static TrainedModel fit(TrainingSet d, Map<String, ?> params, long seed) throws Exception {
        return Estimators.with(NodeRegistry.platform(), "org.nernst.ml.smile.mlp", params).fit(d, seed, ProgressMonitor.none());
    }

    @Test
    void learnsASmoothNonlinearFunctionFarBetterThanALinearModel() throws Exception {
        TrainingSet train = wave(1, 600), test = wave(2, 300);
        double mlp = RegressionMetrics.of(test.y(), fit(train, Map.of(), 3).predict(test.x()).mean()).rmse();
        double ols = RegressionMetrics.of(test.y(), Estimators.with(NodeRegistry.platform(), "org.nernst.ml.smile.linear",
                Map.of()).fit(train, 3, ProgressMonitor.none()).predict(test.x()).mean()).rmse();
        System.out.printf("MLP on y = sin(2a) + b² − c/2 (×10): test RMSE %.3f, OLS %.3f%n", mlp, ols);
        // the target's standard deviation is about 8.5: an RMSE near 0.8 is R² ≈ 0.99
        assertTrue(mlp < 0.15 * ols, "MLP RMSE " + mlp + " vs linear " + ols);
    }

    @Test
    void earlyStoppingKeepsTheBestEpochAndStopsAfterThePatience() throws Exception {
        TrainedModel m = fit(wave(1, 300), Map.of("patience", 5, "epochs", 2000, "validationFraction", 0.2), 3);
        MlpEstimator.Model model = (MlpEstimator.Model) m.model();
        assertTrue(model.epochsRun() < 2000, "should stop early, ran " + model.epochsRun());
        assertEquals(model.bestEpoch() + 5, model.epochsRun(), "stops exactly `patience` epochs after the best one");
    }

    @Test
    void withoutAValidationShareEveryEpochRuns() throws Exception {
        TrainedModel m = fit(wave(1, 100), Map.of("epochs", 30, "validationFraction", 0.0), 3);
        MlpEstimator.Model model = (MlpEstimator.Model) m.model();
        assertEquals(30, model.epochsRun());
        assertEquals(30, model.bestEpoch());
    }

    @Test
    void tanhAndReluGiveDifferentButReproducibleNetworks() throws Exception {
        TrainingSet d = wave(4, 200);
        double[] relu = fit(d, Map.of("epochs", 50), 8).predict(d.x()).mean();
        double[] tanh = fit(d, Map.of("epochs", 50, "activation", "tanh"), 8).predict(d.x()).mean();
        assertArrayEquals(tanh, fit(d, Map.of("epochs", 50, "activation", "tanh"), 8).predict(d.x()).mean(), 0);
        assertTrue(Math.abs(relu[0] - tanh[0]) > 1e-9);
    }
}

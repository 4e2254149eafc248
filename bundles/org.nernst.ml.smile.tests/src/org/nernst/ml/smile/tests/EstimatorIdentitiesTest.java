package org.nernst.ml.smile.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;

/** Identities that pin the new estimators to known solutions. */
class EstimatorIdentitiesTest {
    private static TrainingSet data(long seed, int n, int p) {
        Random r = new Random(seed);
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = r.nextGaussian() * (j + 1) + j;
            }
            y[i] = 2 * x[i][0] - x[i][1] + 0.5 * Math.sin(x[i][p - 1]) + 0.1 * r.nextGaussian();
        }
        return new TrainingSet(x, y, List.of("a", "b", "c").subList(0, p), "y");
    }

    private static double[] fitPredict(String id, Map<String, ?> params, TrainingSet train, double[][] x) throws Exception {
        return Estimators.with(NodeRegistry.platform(), "org.nernst.ml.smile." + id, params)
                .fit(train, 1, ProgressMonitor.none()).predict(x).mean();
    }

    @Test
    void plsWithAllComponentsIsOrdinaryLeastSquares() throws Exception {
        TrainingSet d = data(3, 40, 3);
        double[][] x = data(4, 10, 3).x();
        assertArrayEquals(fitPredict("linear", Map.of(), d, x), fitPredict("pls", Map.of("components", 3), d, x), 1e-9);
    }

    @Test
    void plsWithOneComponentIsNotOrdinaryLeastSquares() throws Exception {
        TrainingSet d = data(3, 40, 3);
        double[][] x = data(4, 10, 3).x();
        double[] ols = fitPredict("linear", Map.of(), d, x), pls = fitPredict("pls", Map.of("components", 1), d, x);
        double diff = 0;
        for (int i = 0; i < ols.length; i++) {
            diff = Math.max(diff, Math.abs(ols[i] - pls[i]));
        }
        assertEquals(true, diff > 1e-3, "one component should shrink the fit, max difference " + diff);
    }

    @Test
    void kernelRidgeWithTinyPenaltyInterpolatesTheTrainingRows() throws Exception {
        TrainingSet d = data(5, 30, 2);
        assertArrayEquals(d.y(), fitPredict("kernelRidge", Map.of("lambda", 1e-8, "sigma", 0.5), d, d.x()), 1e-4);
    }

    @Test
    void knnWithOneNeighbourReturnsTheTrainingTargets() throws Exception {
        TrainingSet d = data(6, 25, 3);
        assertArrayEquals(d.y(), fitPredict("knn", Map.of("k", 1), d, d.x()), 0);
    }
}

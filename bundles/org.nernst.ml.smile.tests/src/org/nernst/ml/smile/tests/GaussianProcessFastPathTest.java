package org.nernst.ml.smile.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nernst.core.ml.Prediction;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Table;
import org.nernst.ml.smile.internal.GaussianProcessEstimator;
import org.nernst.ml.smile.internal.GaussianProcessModel;
import org.nernst.ml.smile.internal.MarginalLikelihood;

/**
 * Gaussian process fast paths on the NASA per-cycle features: block prediction equals the row by
 * row computation, and the BOBYQA search of the marginal likelihood ends at least as high as the
 * 9 × 8 grid the earlier search started from, at a local maximum of Smile's own likelihood.
 */
class GaussianProcessFastPathTest {

    private static TrainingSet nasa() throws Exception {
        Path folder = NasaPerCycle.folder();
        if (!Files.isDirectory(folder)) {
            fail("REAL DATA MISSING: " + folder.toAbsolutePath().normalize() + "; set -Dnernst.data");
        }
        Table all = NasaPerCycle.read(folder);
        return TrainingSet.from(all, NasaPerCycle.features(all), NasaPerCycle.TARGET);
    }

    @Test
    void blockPredictionEqualsRowByRowOnEveryNasaRow() throws Exception {
        TrainingSet d = nasa();
        GaussianProcessModel m = (GaussianProcessModel) new GaussianProcessEstimator().fit(d,
                Parameters.of(Map.of("lengthScale", 0.0, "noise", 0.01, "optimize", true)), 1, ProgressMonitor.none());
        Prediction rowByRow = m.predictRowByRow(d.x());
        Prediction blocked = m.predict(d.x());
        assertEquals(636, blocked.mean().length);
        assertArrayEquals(rowByRow.mean(), blocked.mean(), 1e-10);
        assertArrayEquals(rowByRow.std(), blocked.std(), 1e-10);
    }

    @Test
    void likelihoodSearchBeatsTheOldGridAndEndsAtALocalMaximum() throws Exception {
        TrainingSet d = nasa();
        double[][] z = standardized(d.x());
        double[] t = standardized(d.y());
        MarginalLikelihood.Choice c = MarginalLikelihood.maximize(z, t, 0, 0.01, ProgressMonitor.none());
        double smileAtChoice = MarginalLikelihood.logLikelihood(z, t, c.lengthScale(), c.noise());
        assertEquals(smileAtChoice, c.logLikelihood(), 1e-6 * Math.abs(smileAtChoice), "our likelihood is Smile's");
        assertTrue(c.evaluations() <= 120, c.evaluations() + " likelihoods");
        // the earlier search's grid: median distance × 2^-4..2^4, noise 10^-6..1 and 0.01
        double l0 = MarginalLikelihood.medianDistance(z);
        double grid = Double.NEGATIVE_INFINITY;
        for (int k = -4; k <= 4; k++) {
            for (int e = -6; e <= 0; e++) {
                grid = Math.max(grid, MarginalLikelihood.logLikelihood(z, t, l0 * Math.pow(2, k), Math.pow(10, e)));
            }
        }
        assertTrue(smileAtChoice >= grid, "search " + smileAtChoice + " below the grid's best " + grid);
        for (double[] step : List.of(new double[] { 1.02, 1 }, new double[] { 0.98, 1 }, new double[] { 1, 1.05 },
                new double[] { 1, 0.95 })) {
            double near = MarginalLikelihood.logLikelihood(z, t, c.lengthScale() * step[0], c.noise() * step[1]);
            assertTrue(near <= smileAtChoice + 1e-3, "a step " + List.of(step[0], step[1]) + " climbs to " + near
                    + " from " + smileAtChoice + " (" + c + ")");
        }
    }

    private static double[][] standardized(double[][] x) {
        int p = x[0].length;
        double[][] out = new double[x.length][p];
        for (int j = 0; j < p; j++) {
            double[] col = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                col[i] = x[i][j];
            }
            double[] s = standardized(col);
            for (int i = 0; i < x.length; i++) {
                out[i][j] = s[i];
            }
        }
        return out;
    }

    private static double[] standardized(double[] v) {
        double mean = 0, ss = 0;
        for (double a : v) {
            mean += a;
        }
        mean /= v.length;
        for (double a : v) {
            ss += (a - mean) * (a - mean);
        }
        double sd = Math.sqrt(ss / (v.length - 1));
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = sd > 0 ? (v[i] - mean) / sd : 0;
        }
        return out;
    }
}

package org.nernst.optimize.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nernst.optimize.GaussianProcess;

class GaussianProcessTest {

    private static double f(double[] x) {
        return Math.sin(6 * x[0]) + 0.5 * x[0];
    }

    @Test
    void interpolatesASmoothFunctionWithSmallUncertaintyAtTheDataAndLargerAway() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 25;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {0.8 * rng.nextDouble(), rng.nextDouble()}; // nothing above 0.8 in x0
            y[i] = f(x[i]);
        }
        GaussianProcess gp = GaussianProcess.fit(x, y, true, null);
        double maxErr = 0;
        for (double t = 0.05; t < 0.75; t += 0.05) {
            double[] m = gp.predict(new double[] {t, 0.5});
            maxErr = Math.max(maxErr, Math.abs(m[0] - f(new double[] {t, 0.5})));
        }
        assertTrue(maxErr < 0.05, "max error inside the data " + maxErr);
        double atData = gp.predict(x[0])[1];
        double away = gp.predict(new double[] {1.0, 0.5})[1];
        assertTrue(away > 5 * atData, "std at a data point " + atData + ", far from the data " + away);
        // ARD: the second input does not matter, so its length scale comes out longer than the first's
        double[] ls = gp.lengthScales();
        assertTrue(ls[1] > 3 * ls[0], "length scales " + ls[0] + ", " + ls[1]);
    }

    @Test
    void noisyObservationsGetANuggetOfTheNoiseSize() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 60;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {rng.nextDouble()};
            y[i] = 2 * x[i][0] + 0.2 * rng.nextGaussian();
        }
        GaussianProcess gp = GaussianProcess.fit(x, y, false, null);
        // nugget is in standardized units: noise variance 0.04 over a target variance of about 0.37
        double relative = gp.noiseVariance() / gp.signalVariance();
        assertTrue(relative > 0.01 && relative < 1, "noise/signal " + relative);
        assertEquals(1.0, gp.predict(new double[] {0.5})[0], 0.15);
    }
}

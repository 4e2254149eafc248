package org.nernst.ml.smile.internal;

import java.util.Arrays;

import org.nernst.core.node.ProgressMonitor;

import smile.math.kernel.GaussianKernel;
import smile.regression.GaussianProcessRegression;

/**
 * Chooses the kernel length scale and the noise variance of a Gaussian process by maximizing the
 * log marginal likelihood that Smile computes for each candidate.
 * <p>
 * Smile can optimize both itself (BFGS, when {@code maxIter > 0}), but on real cycling data its
 * result changed from run to run on identical input: the likelihood has several optima and BFGS
 * lands on different ones as native BLAS rounding differs with memory alignment. A fixed grid
 * followed by a compass search in log space is deterministic, costs about a hundred Cholesky
 * factorizations and finds the best of those optima.
 */
final class MarginalLikelihood {
    /** Hyperparameters and the log marginal likelihood they reach (NaN when not optimized). */
    record Choice(double lengthScale, double noise, double logLikelihood) {
    }

    private static final double MAX_NOISE = 10;
    private static final int BUDGET = 250;

    private MarginalLikelihood() {
    }

    /**
     * @param z standardized features
     * @param t standardized target
     * @param fixedLengthScale the length scale to keep, or {@code <= 0} to fit it
     * @param initialNoise the noise variance to start from
     */
    static Choice maximize(double[][] z, double[] t, double fixedLengthScale, double initialNoise,
            ProgressMonitor monitor) {
        boolean fitLength = fixedLengthScale <= 0;
        double l0 = fitLength ? medianDistance(z) : fixedLengthScale;
        double uLo = Math.log(l0 / 100), uHi = Math.log(l0 * 100);
        double vLo = Math.log(Math.min(1e-6, initialNoise)), vHi = Math.log(MAX_NOISE);

        // Coarse grid: length scales l0 * 2^k, noise 10^k and the given starting noise.
        double[] us = fitLength ? new double[9] : new double[] { Math.log(l0) };
        for (int k = 0; fitLength && k < us.length; k++) {
            us[k] = Math.log(l0) + (k - 4) * Math.log(2);
        }
        double[] vs = new double[8];
        for (int k = 0; k < 7; k++) {
            vs[k] = Math.log(Math.pow(10, k - 6));
        }
        vs[7] = Math.log(initialNoise);
        double bestU = us[0], bestV = vs[7], best = Double.NEGATIVE_INFINITY;
        int evaluations = 0;
        for (double u : us) {
            for (double v : vs) {
                monitor.checkCanceled();
                double f = logLikelihood(z, t, Math.exp(u), Math.exp(v));
                evaluations++;
                if (f > best) {
                    best = f;
                    bestU = u;
                    bestV = v;
                }
            }
        }

        // Compass search: move to the best improving neighbour, else halve the steps.
        double du = fitLength ? Math.log(2) / 2 : 0, dv = Math.log(10) / 2;
        while ((du > 0.005 || dv > 0.01) && evaluations < BUDGET) {
            double[][] moves = { { du, 0 }, { -du, 0 }, { 0, dv }, { 0, -dv } };
            double stepBest = best, stepU = bestU, stepV = bestV;
            for (double[] m : moves) {
                if (m[0] == 0 && m[1] == 0) {
                    continue;
                }
                double u = clamp(bestU + m[0], uLo, uHi), v = clamp(bestV + m[1], vLo, vHi);
                if (u == bestU && v == bestV) {
                    continue;
                }
                monitor.checkCanceled();
                double f = logLikelihood(z, t, Math.exp(u), Math.exp(v));
                evaluations++;
                if (f > stepBest) {
                    stepBest = f;
                    stepU = u;
                    stepV = v;
                }
            }
            if (stepBest > best) {
                best = stepBest;
                bestU = stepU;
                bestV = stepV;
            } else {
                du /= 2;
                dv /= 2;
            }
        }
        if (best == Double.NEGATIVE_INFINITY) {
            // Every candidate failed to factorize: fall back to the given values and let the final
            // fit report the problem.
            return new Choice(l0, initialNoise, best);
        }
        return new Choice(Math.exp(bestU), Math.exp(bestV), best);
    }

    /** Smile's log marginal likelihood for fixed hyperparameters ({@code maxIter = 0}: no optimizer). */
    static double logLikelihood(double[][] z, double[] t, double lengthScale, double noise) {
        try {
            return GaussianProcessRegression.fit(z, t, new GaussianKernel(lengthScale),
                    new GaussianProcessRegression.Options(noise, false, 1e-5, 0)).L;
        } catch (ArithmeticException e) {
            return Double.NEGATIVE_INFINITY; // not positive definite: the noise is too small for these rows
        }
    }

    /**
     * The median distance between training rows, a standard scale for an RBF kernel. Uses at most
     * 400 evenly spaced rows, so it stays cheap and deterministic on large tables.
     */
    static double medianDistance(double[][] z) {
        int n = z.length;
        int m = Math.min(n, 400);
        double[][] rows = new double[m][];
        for (int i = 0; i < m; i++) {
            rows[i] = z[(int) ((long) i * n / m)];
        }
        double[] d = new double[m * (m - 1) / 2];
        int k = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0;
                for (int c = 0; c < rows[i].length; c++) {
                    double e = rows[i][c] - rows[j][c];
                    s += e * e;
                }
                d[k++] = Math.sqrt(s);
            }
        }
        if (d.length == 0) {
            return 1;
        }
        Arrays.sort(d);
        double median = d[d.length / 2];
        return median > 0 ? median : 1;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}

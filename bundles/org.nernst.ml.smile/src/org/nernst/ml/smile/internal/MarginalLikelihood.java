package org.nernst.ml.smile.internal;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.nernst.core.node.ProgressMonitor;

import smile.linalg.UPLO;
import smile.math.kernel.GaussianKernel;
import smile.regression.GaussianProcessRegression;
import smile.tensor.Cholesky;
import smile.tensor.DenseMatrix;
import smile.tensor.ScalarType;

/**
 * Chooses the kernel length scale and the noise variance of a Gaussian process by maximizing the
 * log marginal likelihood {@code -(tᵀα + log det(K + σ²I) + n log 2π) / 2}.
 * <p>
 * Smile can optimize both itself (BFGS, when {@code maxIter > 0}), but on real cycling data its
 * result changed from run to run on identical input: the likelihood has several optima and BFGS
 * lands on different ones as native BLAS rounding differs with memory alignment. So: a coarse grid
 * in log space picks the basin (25 likelihoods), then Hipparchus' BOBYQA (a derivative-free
 * trust-region method with bounds) climbs to the optimum in it, typically in 15–30 more. The best
 * point evaluated is returned, so the result is never worse than the grid's best. The earlier
 * 9 × 8 grid followed by a compass search needed 100–130 likelihoods for a less exact optimum.
 * <p>
 * Each likelihood costs one Cholesky factorization (Smile's, native LAPACK); the squared distances
 * between rows are computed once, so the kernel matrix for a new length scale is only exponentials.
 */
public final class MarginalLikelihood {
    /** Hyperparameters, the log marginal likelihood they reach (NaN when not optimized) and the likelihoods computed. */
    public record Choice(double lengthScale, double noise, double logLikelihood, int evaluations) {
    }

    private static final double MAX_NOISE = 10;
    private static final int BUDGET = 120;
    /** Stands for a matrix that is not positive definite: finite, so BOBYQA's model stays defined. */
    private static final double FAILED = -1e12;

    private MarginalLikelihood() {
    }

    /**
     * @param z standardized features
     * @param t standardized target
     * @param fixedLengthScale the length scale to keep, or {@code <= 0} to fit it
     * @param initialNoise the noise variance to start from
     */
    public static Choice maximize(double[][] z, double[] t, double fixedLengthScale, double initialNoise,
            ProgressMonitor monitor) {
        boolean fitLength = fixedLengthScale <= 0;
        double l0 = fitLength ? medianDistance(z) : fixedLengthScale;
        double uLo = Math.log(l0 / 100), uHi = Math.log(l0 * 100);
        double vLo = Math.log(Math.min(1e-6, initialNoise)), vHi = Math.log(MAX_NOISE);
        Surface surface = new Surface(z, t, monitor);

        // Coarse grid: length scales l0 * 4^k, noise 10^-6, 10^-4, 10^-2, 1 and the given start.
        double[] us = fitLength ? new double[5] : new double[] { Math.log(l0) };
        for (int k = 0; fitLength && k < us.length; k++) {
            us[k] = Math.log(l0) + (k - 2) * Math.log(4);
        }
        double[] vs = { Math.log(1e-6), Math.log(1e-4), Math.log(1e-2), 0, Math.log(initialNoise) };
        for (double u : us) {
            for (double v : vs) {
                surface.at(u, v);
            }
        }
        if (surface.best == FAILED) {
            // Every candidate failed to factorize: fall back to the given values and let the final
            // fit report the problem.
            return new Choice(l0, initialNoise, Double.NEGATIVE_INFINITY, surface.evaluations);
        }
        double u0 = surface.bestU, v0 = surface.bestV;
        try {
            if (fitLength) {
                new BOBYQAOptimizer(5, Math.log(2), 3e-3).optimize(new MaxEval(BUDGET - surface.evaluations),
                        new ObjectiveFunction(p -> surface.at(p[0], p[1])), GoalType.MAXIMIZE,
                        new InitialGuess(new double[] { u0, v0 }),
                        new SimpleBounds(new double[] { uLo, vLo }, new double[] { uHi, vHi }));
            } else {
                new BrentOptimizer(1e-4, 1e-4).optimize(new MaxEval(BUDGET - surface.evaluations),
                        new UnivariateObjectiveFunction(v -> surface.at(u0, v)), GoalType.MAXIMIZE,
                        new SearchInterval(Math.max(vLo, v0 - Math.log(10)), Math.min(vHi, v0 + Math.log(10)), v0));
            }
        } catch (MathRuntimeException e) {
            // out of evaluations or a degenerate trust region: the best point seen so far stands
        }
        return new Choice(Math.exp(surface.bestU), Math.exp(surface.bestV), surface.best, surface.evaluations);
    }

    /** The likelihood over (log length scale, log noise), remembering the best point evaluated. */
    private static final class Surface {
        private final double[] t;
        private final ProgressMonitor monitor;
        /** Squared distances between rows i > j at i(i-1)/2 + j. */
        private final double[] distance2;
        private int evaluations;
        private double best = FAILED, bestU = Double.NaN, bestV = Double.NaN;

        Surface(double[][] z, double[] t, ProgressMonitor monitor) {
            this.t = t;
            this.monitor = monitor;
            int n = z.length;
            this.distance2 = new double[n * (n - 1) / 2];
            IntStream.range(1, n).parallel().forEach(i -> {
                int at = i * (i - 1) / 2;
                for (int j = 0; j < i; j++) {
                    double s = 0;
                    for (int c = 0; c < z[i].length; c++) {
                        double e = z[i][c] - z[j][c];
                        s += e * e;
                    }
                    distance2[at + j] = s;
                }
            });
        }

        double at(double u, double v) {
            monitor.checkCanceled();
            evaluations++;
            double f = logLikelihood(Math.exp(u), Math.exp(v));
            if (f > best) {
                best = f;
                bestU = u;
                bestV = v;
            }
            return f;
        }

        private double logLikelihood(double lengthScale, double noise) {
            int n = t.length;
            double gamma = -0.5 / (lengthScale * lengthScale);
            DenseMatrix k = DenseMatrix.zeros(ScalarType.Float64, n, n);
            for (int i = 0; i < n; i++) {
                int at = i * (i - 1) / 2;
                for (int j = 0; j < i; j++) {
                    double kij = Math.exp(gamma * distance2[at + j]);
                    k.set(i, j, kij);
                    k.set(j, i, kij);
                }
                k.set(i, i, 1 + noise);
            }
            try {
                Cholesky c = k.withUplo(UPLO.LOWER).cholesky();
                double[] alpha = c.solve(t).toArray(new double[0]);
                double fit = 0;
                for (int i = 0; i < n; i++) {
                    fit += t[i] * alpha[i];
                }
                double f = -0.5 * (fit + c.logdet() + n * Math.log(2 * Math.PI));
                return Double.isFinite(f) ? f : FAILED;
            } catch (ArithmeticException e) {
                return FAILED; // not positive definite: the noise is too small for these rows
            }
        }
    }

    /** Smile's log marginal likelihood for fixed hyperparameters ({@code maxIter = 0}: no optimizer). */
    public static double logLikelihood(double[][] z, double[] t, double lengthScale, double noise) {
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
    public static double medianDistance(double[][] z) {
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
}

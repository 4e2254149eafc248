package org.nernst.optimize;

import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * A small Gaussian-process regressor for Bayesian optimization: Matérn 5/2 kernel on unit-cube
 * inputs, with automatic relevance determination (one length scale per input) or one isotropic
 * length scale, a signal variance and a noise variance (the nugget, which also absorbs noisy
 * observations), all chosen by maximizing the log marginal likelihood of the standardized targets
 * (Nelder–Mead in log space, bounded by clamping, a fixed evaluation budget so it is deterministic
 * and quick). Why our own rather than the Smile estimator: BO needs the fitted hyperparameters
 * again for fantasies (constant liar, Kriging believer) and cheap posterior variances for
 * thousands of acquisition candidates, which a black-box estimator does not expose.
 *
 * @since 0.1
 */
public final class GaussianProcess {
    private static final double MIN_LOG_LS = Math.log(0.01);
    private static final double MAX_LOG_LS = Math.log(10);
    private static final double MIN_LOG_NOISE = Math.log(1e-6);
    private static final double MAX_LOG_NOISE = Math.log(1.0);

    private final int d;
    private final double[] lengthScales;
    private final double signal;
    private final double noise;
    private final double[][] x;
    private final double yMean;
    private final double yStd;
    private final double[][] chol;
    private final double[] alpha;
    private final double logLikelihood;

    private GaussianProcess(double[][] x, double[] y, double[] lengthScales, double signal, double noise) {
        this.x = x;
        this.d = lengthScales.length;
        this.lengthScales = lengthScales.clone();
        this.signal = signal;
        this.noise = noise;
        int n = y.length;
        double m = 0;
        for (double v : y) {
            m += v / n;
        }
        double s = 0;
        for (double v : y) {
            s += (v - m) * (v - m);
        }
        yMean = m;
        yStd = n > 1 && s > 0 ? Math.sqrt(s / (n - 1)) : 1.0;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = (y[i] - yMean) / yStd;
        }
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                k[i][j] = kernel(x[i], x[j]);
            }
            k[i][i] += noise;
        }
        chol = cholesky(k);
        alpha = solve(chol, z);
        double ll = 0;
        for (int i = 0; i < n; i++) {
            ll -= 0.5 * z[i] * alpha[i] + Math.log(chol[i][i]);
        }
        logLikelihood = ll - 0.5 * n * Math.log(2 * Math.PI);
    }

    /** Fits hyperparameters by marginal likelihood, starting from {@code warm} (may be null). */
    public static GaussianProcess fit(double[][] x, double[] y, boolean ard, GaussianProcess warm) {
        if (x.length != y.length || x.length < 1) {
            throw new IllegalArgumentException("a GP needs at least one observation, got " + y.length);
        }
        int dim = x[0].length;
        int nLs = ard ? dim : 1;
        double[] start = new double[nLs + 2];
        if (warm != null && warm.d == dim) {
            for (int i = 0; i < nLs; i++) {
                start[i] = Math.log(ard ? warm.lengthScales[i] : warm.lengthScales[0]);
            }
            start[nLs] = Math.log(warm.signal);
            start[nLs + 1] = Math.log(warm.noise);
        } else {
            java.util.Arrays.fill(start, 0, nLs, Math.log(0.3));
            start[nLs] = 0;
            start[nLs + 1] = Math.log(1e-3);
        }
        if (x.length < 3) {
            return build(x, y, start, nLs, dim);
        }
        ObjectiveFunction f = new ObjectiveFunction(p -> {
            try {
                return -build(x, y, p, nLs, dim).logLikelihood + prior(p, nLs);
            } catch (ArithmeticException e) {
                return 1e10;
            }
        });
        double[] best = start;
        double bestValue = f.getObjectiveFunction().value(start);
        // a warm start from the previous iteration needs one local search; a cold start tries two
        // (a session passes no warm start, so a proposal depends on the observations only and a
        // resumed run proposes exactly what the uninterrupted one did)
        double[][] starts = warm != null || x.length > 100 ? new double[][] {start} : new double[][] {start, defaults(nLs)};
        // each likelihood costs a Cholesky factorization, O(n³): fewer iterations for many observations keep
        // a proposal with 200 observations under a second
        int budget = x.length > 100 ? 15 * (nLs + 2) : 40 * (nLs + 2) + 40;
        for (double[] s : starts) {
            try {
                var r = new SimplexOptimizer(1e-6, 1e-8).optimize(new MaxEval(budget), f, GoalType.MINIMIZE,
                        new InitialGuess(s), new NelderMeadSimplex(nLs + 2, 1.0));
                if (r.getValue() < bestValue) {
                    bestValue = r.getValue();
                    best = r.getPoint();
                }
            } catch (org.hipparchus.exception.MathIllegalStateException e) {
                // evaluation budget reached: keep the best found so far
            }
        }
        return build(x, y, best, nLs, dim);
    }

    private static double[] defaults(int nLs) {
        double[] p = new double[nLs + 2];
        java.util.Arrays.fill(p, 0, nLs, Math.log(0.5));
        p[nLs] = 0;
        p[nLs + 1] = Math.log(1e-2);
        return p;
    }

    /** A weak log-normal prior keeps length scales and signal away from the degenerate extremes. */
    private static double prior(double[] p, int nLs) {
        double s = 0;
        for (int i = 0; i < nLs; i++) {
            double z = (p[i] - Math.log(0.5)) / 1.5;
            s += 0.5 * z * z;
        }
        double z = p[nLs] / 2.0;
        return s + 0.5 * z * z;
    }

    private static GaussianProcess build(double[][] x, double[] y, double[] p, int nLs, int dim) {
        double[] ls = new double[dim];
        for (int i = 0; i < dim; i++) {
            ls[i] = Math.exp(clamp(p[nLs == 1 ? 0 : i], MIN_LOG_LS, MAX_LOG_LS));
        }
        return new GaussianProcess(x, y, ls, Math.exp(clamp(p[nLs], -6, 4)),
                Math.exp(clamp(p[nLs + 1], MIN_LOG_NOISE, MAX_LOG_NOISE)));
    }

    /** The same hyperparameters on other data (for fantasies: no refit). */
    public GaussianProcess withData(double[][] newX, double[] newY) {
        return new GaussianProcess(newX, newY, lengthScales, signal, noise);
    }

    /** Posterior mean and standard deviation of the latent function, in the targets' units. */
    public double[] predict(double[] at) {
        int n = x.length;
        double[] ks = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            ks[i] = kernel(at, x[i]);
            mean += ks[i] * alpha[i];
        }
        // v = L⁻¹ k*, variance = k** − vᵀv
        double vv = 0;
        for (int i = 0; i < n; i++) {
            double s = ks[i];
            double[] row = chol[i];
            for (int j = 0; j < i; j++) {
                s -= row[j] * ks[j];
            }
            ks[i] = s / row[i];
            vv += ks[i] * ks[i];
        }
        double var = Math.max(1e-12, signal - vv);
        return new double[] {yMean + yStd * mean, yStd * Math.sqrt(var)};
    }

    public double[] lengthScales() {
        return lengthScales.clone();
    }

    public double noiseVariance() {
        return noise;
    }

    public double signalVariance() {
        return signal;
    }

    public double logMarginalLikelihood() {
        return logLikelihood;
    }

    private double kernel(double[] a, double[] b) {
        double r2 = 0;
        for (int k = 0; k < d; k++) {
            double t = (a[k] - b[k]) / lengthScales[k];
            r2 += t * t;
        }
        double r = Math.sqrt(5 * r2);
        return signal * (1 + r + r * r / 3) * Math.exp(-r);
    }

    private static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][];
        for (int i = 0; i < n; i++) {
            l[i] = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new ArithmeticException("kernel matrix is not positive definite");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    private static double[] solve(double[][] l, double[] b) {
        int n = b.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * z[k];
            }
            z[i] = s / l[i][i];
        }
        return z;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.min(hi, Math.max(lo, v));
    }
}

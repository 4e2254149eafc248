package org.nernst.estimation.health;

import java.util.SplittableRandom;

/**
 * Remaining useful life by Gaussian-process extrapolation of the capacity curve (in the manner of
 * Rasmussen and Williams, <i>Gaussian Processes for Machine Learning</i>, 2006, §2.7: a GP with an
 * explicit polynomial trend). The covariance is a squared-exponential kernel for the wiggles
 * (regeneration after rests) plus a polynomial trend with a vague Gaussian prior on its
 * coefficients plus white noise; a squared-exponential kernel alone would fall back to the mean
 * beyond the data and never predict a crossing. Length scale, signal and noise amplitudes maximize
 * the log marginal likelihood over a fixed grid (deterministic, no local optima to chase).
 * <p>
 * The end-of-life distribution comes from joint posterior samples of the noise-free curve over the
 * horizon: each sample's first crossing of the threshold.
 */
public final class GaussianProcessRul {
    private static final double[] LENGTH = { 0.05, 0.1, 0.2, 0.4, 0.8 };
    private static final double[] SIGNAL = { 0.002, 0.005, 0.01, 0.02, 0.05 };
    private static final double[] NOISE = { 0.002, 0.005, 0.01, 0.02, 0.04 };
    /** Prior standard deviation of the trend coefficients (Ah per unit of x^p): vague. */
    private static final double TREND_PRIOR = 2.0;

    private final int trendDegree;
    private final int samples;
    private final int horizon;
    private final long seed;

    /**
     * @param trendDegree 1 (linear trend) or 2 (quadratic)
     * @param samples posterior curves drawn per prediction
     * @param horizon cycles ahead that a crossing is looked for
     */
    public GaussianProcessRul(int trendDegree, int samples, int horizon, long seed) {
        if (trendDegree < 0 || trendDegree > 2 || samples < 10 || horizon < 1) {
            throw new IllegalArgumentException("trend degree 0..2, ≥ 10 samples and a positive horizon are needed");
        }
        this.trendDegree = trendDegree;
        this.samples = samples;
        this.horizon = horizon;
        this.seed = seed;
    }

    public static GaussianProcessRul defaults(long seed) {
        return new GaussianProcessRul(1, 1000, 500, seed);
    }

    /** The hyperparameters chosen for the data: length scale (cycles), signal and noise σ (Ah). */
    public record Hyper(double lengthCycles, double signal, double noise, double logLikelihood) {
    }

    /** Fits on the first {@code count} cycles and predicts the crossing of {@code thresholdAh}. */
    public EolPrediction predict(double[] cycles, double[] capacity, int count, double thresholdAh) {
        double[] x = new double[count];
        double[] y = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = cycles[i] / DoubleExponentialFade.SCALE;
            y[i] = capacity[i];
        }
        // centred so that the trend prior need not cover the capacity's level as well as its slope
        double level = 0;
        for (double v : y) {
            level += v / count;
        }
        for (int i = 0; i < count; i++) {
            y[i] -= level;
        }
        Hyper h = select(x, y);
        int from = (int) cycles[count - 1];
        double[] xs = new double[horizon];
        for (int j = 0; j < horizon; j++) {
            xs[j] = (from + 1 + j) / DoubleExponentialFade.SCALE;
        }
        double ell = h.lengthCycles / DoubleExponentialFade.SCALE;
        double[][] k = covariance(x, x, ell, h.signal);
        for (int i = 0; i < count; i++) {
            k[i][i] += h.noise * h.noise;
        }
        Cholesky ck = new Cholesky(k);
        double[][] ks = covariance(x, xs, ell, h.signal); // count × horizon
        double[] alpha = ck.solve(y);
        double[] mean = new double[horizon];
        double[][] v = new double[horizon][];
        for (int j = 0; j < horizon; j++) {
            double[] col = new double[count];
            for (int i = 0; i < count; i++) {
                col[i] = ks[i][j];
                mean[j] += ks[i][j] * alpha[i];
            }
            v[j] = ck.forward(col);
        }
        double[][] post = covariance(xs, xs, ell, h.signal);
        for (int a = 0; a < horizon; a++) {
            for (int b = 0; b <= a; b++) {
                double s = 0;
                for (int i = 0; i < count; i++) {
                    s += v[a][i] * v[b][i];
                }
                post[a][b] -= s;
                post[b][a] = post[a][b];
            }
            post[a][a] += 1e-8; // jitter for a numerically positive definite posterior
        }
        Cholesky cp = new Cholesky(post);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] eol = new double[samples];
        double[] z = new double[horizon];
        for (int s = 0; s < samples; s++) {
            for (int j = 0; j < horizon; j++) {
                z[j] = ParticleFilterRul.gaussian(rnd);
            }
            eol[s] = Double.POSITIVE_INFINITY;
            for (int j = 0; j < horizon; j++) {
                double f = mean[j];
                double[] lj = cp.l[j];
                for (int q = 0; q <= j; q++) {
                    f += lj[q] * z[q];
                }
                if (f + level < thresholdAh) {
                    eol[s] = from + 1 + j;
                    break;
                }
            }
        }
        return EolPrediction.of(from, thresholdAh, eol, null);
    }

    /** Grid search of the log marginal likelihood (y centred). */
    Hyper select(double[] x, double[] y) {
        Hyper best = null;
        for (double l : LENGTH) {
            for (double s : SIGNAL) {
                for (double nz : NOISE) {
                    double[][] k = covariance(x, x, l, s);
                    for (int i = 0; i < x.length; i++) {
                        k[i][i] += nz * nz;
                    }
                    Cholesky c;
                    try {
                        c = new Cholesky(k);
                    } catch (ArithmeticException e) {
                        continue;
                    }
                    double[] a = c.solve(y);
                    double fit = 0;
                    for (int i = 0; i < y.length; i++) {
                        fit += y[i] * a[i];
                    }
                    double ll = -0.5 * fit - 0.5 * c.logDet() - 0.5 * y.length * Math.log(2 * Math.PI);
                    if (best == null || ll > best.logLikelihood) {
                        best = new Hyper(l * DoubleExponentialFade.SCALE, s, nz, ll);
                    }
                }
            }
        }
        if (best == null) {
            throw new ArithmeticException("no hyperparameters gave a positive definite covariance");
        }
        return best;
    }

    /** SE kernel plus the polynomial trend's covariance Σ_p σ_β² x^p x'^p. */
    private double[][] covariance(double[] a, double[] b, double ell, double signal) {
        double[][] k = new double[a.length][b.length];
        double s2 = signal * signal;
        double t2 = TREND_PRIOR * TREND_PRIOR;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double d = (a[i] - b[j]) / ell;
                double trend = 0;
                double pa = 1;
                double pb = 1;
                for (int p = 0; p <= trendDegree; p++) {
                    trend += pa * pb;
                    pa *= a[i];
                    pb *= b[j];
                }
                k[i][j] = s2 * Math.exp(-0.5 * d * d) + t2 * trend;
            }
        }
        return k;
    }
}

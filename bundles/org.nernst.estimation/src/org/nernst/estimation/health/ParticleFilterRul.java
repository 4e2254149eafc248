package org.nernst.estimation.health;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Remaining useful life by a particle filter on the parameters of the double-exponential fade
 * model {@link DoubleExponentialFade} (He et al. 2011; the framework of Saha and Goebel's NASA PCoE
 * prognostics, Saha et al., IEEE Trans. Instrum. Meas. 58 (2009) 291).
 * <p>
 * The state is θ = (a, b, c, d). Particles start around a least-squares fit of the cycles up to
 * the first prediction point (an empirical-Bayes start: those cycles then weigh the particles
 * again, which narrows the cloud; the random walk below keeps it from collapsing), are weighted at
 * every measured cycle by a Gaussian likelihood of the capacity, resampled (systematic) when the
 * effective sample size falls below half, and moved by a small random walk (artificial evolution,
 * as in Gordon, Salmond and Smith 1993) so that the cloud follows a fade one static curve does not
 * fit. At a prediction point each particle's noise-free capacity curve is extrapolated to the
 * threshold; the weighted crossing cycles give the end-of-life distribution.
 * Deterministic for a given seed.
 */
public final class ParticleFilterRul {
    private final int particles;
    private final int initCycles;
    private final double priorSpread;
    private final double observationNoise;
    private final double processNoise;
    private final int horizon;
    private final long seed;

    /**
     * @param particles number of particles
     * @param initCycles cycles of the least-squares fit that centres the prior; 0 = all up to the
     *        first prediction point
     * @param priorSpread relative standard deviation of the prior around that fit
     * @param observationNoise capacity noise σ (Ah); 0 takes the fit's residual RMSE (at least 5 mAh)
     * @param processNoise per-cycle random-walk σ of each parameter, relative to its prior scale
     * @param horizon cycles ahead that a crossing is looked for
     */
    public ParticleFilterRul(int particles, int initCycles, double priorSpread, double observationNoise,
            double processNoise, int horizon, long seed) {
        if (particles < 10 || (initCycles != 0 && initCycles < 4) || horizon < 1 || !(processNoise > 0)) {
            throw new IllegalArgumentException("need ≥ 10 particles, 0 or ≥ 4 initial cycles, a positive horizon and"
                    + " a positive process noise");
        }
        this.particles = particles;
        this.initCycles = initCycles;
        this.priorSpread = priorSpread;
        this.observationNoise = observationNoise;
        this.processNoise = processNoise;
        this.horizon = horizon;
        this.seed = seed;
    }

    /**
     * Defaults: 2000 particles, prior ±20 % around the fit up to the first prediction point, σ = 10 mAh,
     * random walk 1 % per cycle, 500 cycles ahead.
     */
    public static ParticleFilterRul defaults(long seed) {
        return new ParticleFilterRul(2000, 0, 0.2, 0.01, 0.01, 500, seed);
    }

    /**
     * Filters the capacity series once and predicts the end of life at each prediction point.
     *
     * @param cycles cycle numbers, increasing
     * @param capacity capacity per cycle (Ah)
     * @param predictAt indices into {@code cycles} after which to predict (increasing)
     * @param thresholdAh end-of-life capacity
     */
    public List<EolPrediction> predict(double[] cycles, double[] capacity, int[] predictAt, double thresholdAh) {
        int n = cycles.length;
        // 0: centre the prior on a fit of everything up to the first prediction point
        int m = Math.min(initCycles == 0 ? predictAt[0] + 1 : initCycles, n);
        double[] c0 = Arrays.copyOf(cycles, m);
        double[] y0 = Arrays.copyOf(capacity, m);
        DoubleExponentialFade fit = DoubleExponentialFade.fit(c0, y0);
        double sigma = observationNoise > 0 ? observationNoise : Math.max(0.005, fit.rmse(c0, y0));
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] centre = fit.toArray();
        // b and d may be near zero: their spread has a floor so the prior never collapses to a point
        double[] scale = { Math.abs(centre[0]), Math.max(Math.abs(centre[1]), 0.05), Math.abs(centre[2]) + 0.01,
                Math.max(Math.abs(centre[3]), 0.05) };
        double[][] theta = new double[particles][4];
        for (double[] p : theta) {
            for (int j = 0; j < 4; j++) {
                p[j] = centre[j] + priorSpread * scale[j] * gaussian(rnd);
            }
        }
        double[] logW = new double[particles];
        double[] w = new double[particles];
        List<EolPrediction> out = new ArrayList<>();
        int next = 0;
        for (int k = 0; k < n && next < predictAt.length; k++) {
            double x = cycles[k];
            for (int i = 0; i < particles; i++) {
                double r = (capacity[k] - DoubleExponentialFade.of(theta[i]).capacity(x)) / sigma;
                logW[i] += -0.5 * r * r;
            }
            normalize(logW, w);
            double ess = 0;
            for (double v : w) {
                ess += v * v;
            }
            ess = 1 / ess;
            if (ess < particles / 2.0) {
                theta = resample(theta, w, rnd);
                Arrays.fill(logW, 0);
                Arrays.fill(w, 1.0 / particles);
            }
            walk(theta, scale, rnd);
            while (next < predictAt.length && predictAt[next] == k) {
                out.add(extrapolate(theta, w, (int) x, thresholdAh));
                next++;
            }
        }
        return out;
    }

    /** Random walk of the parameters: lets the filter follow a fade that one static curve does not fit. */
    private void walk(double[][] theta, double[] scale, SplittableRandom rnd) {
        for (double[] p : theta) {
            for (int j = 0; j < 4; j++) {
                p[j] += processNoise * scale[j] * gaussian(rnd);
            }
        }
    }

    private EolPrediction extrapolate(double[][] theta, double[] w, int from, double threshold) {
        double[] eol = new double[particles];
        for (int i = 0; i < particles; i++) {
            DoubleExponentialFade f = DoubleExponentialFade.of(theta[i]);
            eol[i] = Double.POSITIVE_INFINITY;
            for (int j = from + 1; j <= from + horizon; j++) {
                if (f.capacity(j) < threshold) {
                    eol[i] = j;
                    break;
                }
            }
        }
        return EolPrediction.of(from, threshold, eol, w);
    }

    private double[][] resample(double[][] theta, double[] w, SplittableRandom rnd) {
        double[][] out = new double[particles][];
        double u = rnd.nextDouble() / particles;
        double acc = w[0];
        int i = 0;
        for (int k = 0; k < particles; k++) {
            double target = u + (double) k / particles;
            while (acc < target && i < particles - 1) {
                acc += w[++i];
            }
            out[k] = theta[i].clone();
        }
        return out;
    }

    private static void normalize(double[] logW, double[] w) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logW) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < logW.length; i++) {
            w[i] = Math.exp(logW[i] - max);
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
            logW[i] = Math.log(Math.max(w[i], 1e-300));
        }
    }

    static double gaussian(SplittableRandom rnd) {
        // Box–Muller: SplittableRandom has no nextGaussian on Java 21's contract for every provider
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}

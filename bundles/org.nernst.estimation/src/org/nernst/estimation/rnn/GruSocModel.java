package org.nernst.estimation.rnn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.nernst.core.node.ProgressMonitor;

/**
 * SOC from voltage, current and temperature by a {@link Gru}, after Chemali et al. (J. Power
 * Sources 400 (2018) 242), who ran an LSTM on the same Panasonic 18650PF drive cycles. Inputs per
 * step: voltage, current, temperature and causal moving averages of voltage and current over
 * {@code averageSeconds} (the averages carry the recent load history the voltage sag depends on),
 * each standardized with the training set's mean and standard deviation. Output: SOC.
 */
public final class GruSocModel {

    /**
     * @param hidden hidden units
     * @param epochs passes over the training series
     * @param window truncated BPTT length (steps)
     * @param step resampling step (s)
     * @param learningRate Adam step size at the first epoch; it decays geometrically to a tenth
     * @param averageSeconds span of the moving averages (s)
     * @param seed weights and series order
     */
    public record Settings(int hidden, int epochs, int window, double step, double learningRate,
            double averageSeconds, long seed) {
        public static Settings defaults() {
            return new Settings(32, 40, 100, 1.0, 0.002, 100, 42);
        }
    }

    private static final int FEATURES = 5;
    private final Settings settings;
    private final Gru net;
    private final double[] mean;
    private final double[] std;
    private final List<Double> losses = new ArrayList<>();

    private GruSocModel(Settings settings, Gru net, double[] mean, double[] std) {
        this.settings = settings;
        this.net = net;
        this.mean = mean;
        this.std = std;
    }

    /** Mean squared SOC error of each training epoch. */
    public List<Double> epochLosses() {
        return List.copyOf(losses);
    }

    public Settings settings() {
        return settings;
    }

    /** Trains on the series (their SOC must be known), resampled to the step of the settings. */
    public static GruSocModel train(List<SocSeries> training, Settings s, ProgressMonitor monitor) {
        List<double[][]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        List<double[][]> raw = new ArrayList<>();
        for (SocSeries series : training) {
            SocSeries r = series.resample(s.step());
            raw.add(features(r, s));
            ys.add(r.soc());
        }
        double[] mean = new double[FEATURES];
        double[] std = new double[FEATURES];
        long count = 0;
        for (double[][] f : raw) {
            for (double[] row : f) {
                for (int j = 0; j < FEATURES; j++) {
                    mean[j] += row[j];
                }
                count++;
            }
        }
        for (int j = 0; j < FEATURES; j++) {
            mean[j] /= count;
        }
        for (double[][] f : raw) {
            for (double[] row : f) {
                for (int j = 0; j < FEATURES; j++) {
                    std[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
                }
            }
        }
        for (int j = 0; j < FEATURES; j++) {
            // a constant input (one temperature only) gets unit scale rather than a division by zero
            std[j] = Math.sqrt(std[j] / count) > 1e-9 ? Math.sqrt(std[j] / count) : 1;
        }
        for (double[][] f : raw) {
            xs.add(standardize(f, mean, std));
        }
        Gru net = new Gru(FEATURES, s.hidden(), s.seed());
        GruSocModel model = new GruSocModel(s, net, mean, std);
        SplittableRandom rnd = new SplittableRandom(s.seed() ^ 0x5DEECE66DL);
        double[] grad = new double[net.parameterCount()];
        int longest = ys.stream().mapToInt(a -> a.length).max().orElse(0);
        int k = xs.size();
        monitor.begin("Training GRU", s.epochs());
        Gru.Adam adam = null;
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            monitor.checkCanceled();
            double rate = s.learningRate() * Math.pow(0.1, (double) epoch / Math.max(1, s.epochs() - 1));
            if (adam == null) {
                adam = new Gru.Adam(net.parameterCount(), rate, 1.0);
            }
            adam.rate = rate;
            double[][] h = new double[k][s.hidden()];
            // each series starts at a random offset within the first window so window edges move between epochs
            int[] offset = new int[k];
            for (int i = 0; i < k; i++) {
                offset[i] = epoch == 0 ? 0 : rnd.nextInt(s.window());
            }
            double loss = 0;
            long steps = 0;
            for (int from = 0; from < longest + s.window(); from += s.window()) {
                java.util.Arrays.fill(grad, 0);
                int batchSteps = 0;
                for (int i = 0; i < k; i++) {
                    int a = Math.max(0, from - offset[i]);
                    int b = Math.min(ys.get(i).length, from - offset[i] + s.window());
                    batchSteps += Math.max(0, b - a);
                }
                if (batchSteps == 0) {
                    continue;
                }
                for (int i = 0; i < k; i++) {
                    int a = Math.max(0, from - offset[i]);
                    int b = Math.min(ys.get(i).length, from - offset[i] + s.window());
                    if (b > a) {
                        loss += net.window(xs.get(i), ys.get(i), a, b, h[i], 1.0 / batchSteps, grad) * batchSteps;
                        steps += b - a;
                    }
                }
                adam.update(net.w, grad);
            }
            model.losses.add(loss / steps);
            monitor.worked(1);
        }
        return model;
    }

    /** SOC at each step of the series resampled to the model's step; returns {times, soc}. */
    public double[][] estimate(SocSeries series) {
        SocSeries r = series.resample(settings.step());
        double[][] x = standardize(features(r, settings), mean, std);
        double[] soc = net.run(x, new double[settings.hidden()]);
        return new double[][] { r.time(), soc };
    }

    private static double[][] features(SocSeries r, Settings s) {
        int n = r.length();
        double[][] f = new double[n][FEATURES];
        int span = Math.max(1, (int) Math.round(s.averageSeconds() / s.step()));
        double sv = 0;
        double si = 0;
        for (int t = 0; t < n; t++) {
            sv += r.voltage()[t];
            si += r.current()[t];
            if (t >= span) {
                sv -= r.voltage()[t - span];
                si -= r.current()[t - span];
            }
            int c = Math.min(t + 1, span);
            f[t][0] = r.voltage()[t];
            f[t][1] = r.current()[t];
            f[t][2] = r.temperature()[t];
            f[t][3] = sv / c;
            f[t][4] = si / c;
        }
        return f;
    }

    private static double[][] standardize(double[][] f, double[] mean, double[] std) {
        double[][] out = new double[f.length][FEATURES];
        for (int t = 0; t < f.length; t++) {
            for (int j = 0; j < FEATURES; j++) {
                out[t][j] = (f[t][j] - mean[j]) / std[j];
            }
        }
        return out;
    }
}

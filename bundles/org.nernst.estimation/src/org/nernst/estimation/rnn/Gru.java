package org.nernst.estimation.rnn;

import java.util.SplittableRandom;

/**
 * A single-layer gated recurrent unit (Cho et al. 2014) with a linear read-out, in plain Java:
 * <pre>
 * z = σ(W_z [x; h] + b_z)      r = σ(W_r [x; h] + b_r)
 * n = tanh(W_n [x; r⊙h] + b_n)  h' = (1 − z)⊙n + z⊙h      y = w_y·h' + b_y
 * </pre>
 * Trained by backpropagation through time over windows (truncated BPTT, the state carried across
 * windows of the same series) with Adam (Kingma and Ba 2015) and global-norm gradient clipping.
 * All parameters live in one flat array so Adam updates them in one loop. Not thread-safe; one
 * instance per training run. Deterministic: weights from a seeded generator, no parallel sums.
 */
public final class Gru {
    final int nx;
    final int nh;
    final int m;
    final double[] w;
    private final int oz;
    private final int or;
    private final int on;
    private final int obz;
    private final int obr;
    private final int obn;
    private final int owy;
    private final int oby;

    public Gru(int inputs, int hidden, long seed) {
        this.nx = inputs;
        this.nh = hidden;
        this.m = inputs + hidden;
        oz = 0;
        or = oz + nh * m;
        on = or + nh * m;
        obz = on + nh * m;
        obr = obz + nh;
        obn = obr + nh;
        owy = obn + nh;
        oby = owy + nh;
        w = new double[oby + 1];
        SplittableRandom rnd = new SplittableRandom(seed);
        double a = 1 / Math.sqrt(nh); // PyTorch's default range for recurrent layers
        for (int i = 0; i < w.length; i++) {
            w[i] = (2 * rnd.nextDouble() - 1) * a;
        }
    }

    /** Copy of the parameters (for a trained model to keep). */
    public double[] parameters() {
        return w.clone();
    }

    /** Replaces the parameters (same length as {@link #parameters()}). */
    public void setParameters(double[] values) {
        if (values.length != w.length) {
            throw new IllegalArgumentException(w.length + " parameters expected, got " + values.length);
        }
        System.arraycopy(values, 0, w, 0, w.length);
    }

    /**
     * Σ (y − target)² over a sequence from state {@code h} (updated in place) and its gradient with
     * respect to every parameter, added to {@code grad} (BPTT over the whole sequence).
     */
    public double lossAndGradient(double[][] xs, double[] target, double[] h, double[] grad) {
        return window(xs, target, 0, xs.length, h, 1.0, grad);
    }

    public int parameterCount() {
        return w.length;
    }

    /** Activations of one window, kept for the backward pass. */
    static final class Trace {
        final double[][] x;
        final double[][] hPrev;
        final double[][] z;
        final double[][] r;
        final double[][] n;
        final double[][] h;
        final double[] y;

        Trace(int steps, int nh) {
            x = new double[steps][];
            hPrev = new double[steps][nh];
            z = new double[steps][nh];
            r = new double[steps][nh];
            n = new double[steps][nh];
            h = new double[steps][nh];
            y = new double[steps];
        }
    }

    /** One step: advances {@code h} in place and returns the output. */
    double step(double[] x, double[] h, double[] zOut, double[] rOut, double[] nOut) {
        double[] rh = new double[nh];
        for (int i = 0; i < nh; i++) {
            double sz = w[obz + i];
            double sr = w[obr + i];
            int rowZ = oz + i * m;
            int rowR = or + i * m;
            for (int j = 0; j < nx; j++) {
                sz += w[rowZ + j] * x[j];
                sr += w[rowR + j] * x[j];
            }
            for (int j = 0; j < nh; j++) {
                sz += w[rowZ + nx + j] * h[j];
                sr += w[rowR + nx + j] * h[j];
            }
            zOut[i] = sigmoid(sz);
            rOut[i] = sigmoid(sr);
        }
        for (int j = 0; j < nh; j++) {
            rh[j] = rOut[j] * h[j];
        }
        for (int i = 0; i < nh; i++) {
            double sn = w[obn + i];
            int row = on + i * m;
            for (int j = 0; j < nx; j++) {
                sn += w[row + j] * x[j];
            }
            for (int j = 0; j < nh; j++) {
                sn += w[row + nx + j] * rh[j];
            }
            nOut[i] = Math.tanh(sn);
        }
        double y = w[oby];
        for (int i = 0; i < nh; i++) {
            h[i] = (1 - zOut[i]) * nOut[i] + zOut[i] * h[i];
            y += w[owy + i] * h[i];
        }
        return y;
    }

    /** Runs a sequence from state {@code h} (updated in place) and returns the outputs. */
    public double[] run(double[][] xs, double[] h) {
        double[] z = new double[nh];
        double[] r = new double[nh];
        double[] n = new double[nh];
        double[] y = new double[xs.length];
        for (int t = 0; t < xs.length; t++) {
            y[t] = step(xs[t], h, z, r, n);
        }
        return y;
    }

    /**
     * Forward and backward over one window from state {@code h} (updated in place to the window's
     * last state); adds the gradient of Σ weight·(y − target)² to {@code grad}, returns that sum.
     */
    double window(double[][] xs, double[] target, int from, int to, double[] h, double weight, double[] grad) {
        int steps = to - from;
        Trace tr = new Trace(steps, nh);
        double loss = 0;
        for (int t = 0; t < steps; t++) {
            tr.x[t] = xs[from + t];
            System.arraycopy(h, 0, tr.hPrev[t], 0, nh);
            tr.y[t] = step(tr.x[t], h, tr.z[t], tr.r[t], tr.n[t]);
            System.arraycopy(h, 0, tr.h[t], 0, nh);
            double e = tr.y[t] - target[from + t];
            loss += weight * e * e;
        }
        double[] dh = new double[nh];
        double[] dPrev = new double[nh];
        double[] dan = new double[nh];
        double[] daz = new double[nh];
        double[] dar = new double[nh];
        double[] drh = new double[nh];
        for (int t = steps - 1; t >= 0; t--) {
            double dy = 2 * weight * (tr.y[t] - target[from + t]);
            grad[oby] += dy;
            double[] hp = tr.hPrev[t];
            double[] x = tr.x[t];
            for (int i = 0; i < nh; i++) {
                grad[owy + i] += dy * tr.h[t][i];
                dh[i] += dy * w[owy + i];
            }
            for (int i = 0; i < nh; i++) {
                double z = tr.z[t][i];
                double n = tr.n[t][i];
                dPrev[i] = dh[i] * z;
                dan[i] = dh[i] * (1 - z) * (1 - n * n);
                daz[i] = dh[i] * (hp[i] - n) * z * (1 - z);
            }
            java.util.Arrays.fill(drh, 0);
            for (int i = 0; i < nh; i++) {
                int row = on + i * m;
                double g = dan[i];
                grad[obn + i] += g;
                for (int j = 0; j < nx; j++) {
                    grad[row + j] += g * x[j];
                }
                for (int j = 0; j < nh; j++) {
                    grad[row + nx + j] += g * tr.r[t][j] * hp[j];
                    drh[j] += w[row + nx + j] * g;
                }
            }
            for (int j = 0; j < nh; j++) {
                double r = tr.r[t][j];
                dPrev[j] += drh[j] * r;
                dar[j] = drh[j] * hp[j] * r * (1 - r);
            }
            for (int i = 0; i < nh; i++) {
                int rowZ = oz + i * m;
                int rowR = or + i * m;
                grad[obz + i] += daz[i];
                grad[obr + i] += dar[i];
                for (int j = 0; j < nx; j++) {
                    grad[rowZ + j] += daz[i] * x[j];
                    grad[rowR + j] += dar[i] * x[j];
                }
                for (int j = 0; j < nh; j++) {
                    grad[rowZ + nx + j] += daz[i] * hp[j];
                    grad[rowR + nx + j] += dar[i] * hp[j];
                    dPrev[j] += w[rowZ + nx + j] * daz[i] + w[rowR + nx + j] * dar[i];
                }
            }
            double[] swap = dh;
            dh = dPrev;
            dPrev = swap;
        }
        return loss;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /** Adam with bias correction and global-norm clipping of the gradient. */
    static final class Adam {
        private final double[] mom;
        private final double[] vel;
        double rate;
        private final double clip;
        private int t;

        Adam(int size, double rate, double clip) {
            mom = new double[size];
            vel = new double[size];
            this.rate = rate;
            this.clip = clip;
        }

        void update(double[] w, double[] g) {
            double norm = 0;
            for (double v : g) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            double scale = norm > clip ? clip / norm : 1;
            t++;
            double b1 = 0.9;
            double b2 = 0.999;
            double c1 = 1 - Math.pow(b1, t);
            double c2 = 1 - Math.pow(b2, t);
            for (int i = 0; i < w.length; i++) {
                double gi = g[i] * scale;
                mom[i] = b1 * mom[i] + (1 - b1) * gi;
                vel[i] = b2 * vel[i] + (1 - b2) * gi * gi;
                w[i] -= rate * (mom[i] / c1) / (Math.sqrt(vel[i] / c2) + 1e-8);
            }
        }
    }
}

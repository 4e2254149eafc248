package org.nernst.ml.smile.internal;

import java.io.Serializable;

/**
 * A fully connected network with one linear output: weights per layer stored row-major
 * ({@code w[l][o * in + i]}), hidden units ReLU or tanh. Works on standardized inputs and target;
 * {@link MlpEstimator} does the scaling.
 */
final class MlpNetwork implements Serializable {
    private static final long serialVersionUID = 1L;

    final int[] sizes;
    final double[][] w;
    final double[][] b;
    final boolean tanh;

    MlpNetwork(int[] sizes, double[][] w, double[][] b, boolean tanh) {
        this.sizes = sizes;
        this.w = w;
        this.b = b;
        this.tanh = tanh;
    }

    int layers() {
        return sizes.length - 1;
    }

    /** Allocates the activations of every layer, {@code acts[0]} being the input. */
    double[][] newActivations() {
        double[][] acts = new double[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
            acts[l] = new double[sizes[l]];
        }
        return acts;
    }

    /** Forward pass into {@code acts} (input already in {@code acts[0]}); returns the output. */
    double forward(double[][] acts) {
        int last = layers() - 1;
        for (int l = 0; l <= last; l++) {
            int in = sizes[l], out = sizes[l + 1];
            double[] a = acts[l], z = acts[l + 1], wl = w[l], bl = b[l];
            for (int o = 0; o < out; o++) {
                double s = bl[o];
                int base = o * in;
                for (int i = 0; i < in; i++) {
                    s += wl[base + i] * a[i];
                }
                z[o] = l == last ? s : tanh ? Math.tanh(s) : Math.max(0, s);
            }
        }
        return acts[layers()][0];
    }

    /** Derivative of the hidden activation, from its output value. */
    double slope(double activation) {
        return tanh ? 1 - activation * activation : activation > 0 ? 1 : 0;
    }

    MlpNetwork copy() {
        double[][] cw = new double[w.length][], cb = new double[b.length][];
        for (int l = 0; l < w.length; l++) {
            cw[l] = w[l].clone();
            cb[l] = b[l].clone();
        }
        return new MlpNetwork(sizes.clone(), cw, cb, tanh);
    }
}

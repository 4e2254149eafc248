package org.nernst.ml.smile.internal;

import java.util.SplittableRandom;

import org.nernst.core.node.ProgressMonitor;

/**
 * Mini-batch Adam (Kingma and Ba 2015) on half the mean squared error plus an L2 penalty on the
 * weights, with early stopping: the network of the epoch with the lowest validation error is kept,
 * and training stops after {@code patience} epochs without improvement. Single-threaded and driven
 * by one seeded generator, so a seed always gives the same network.
 */
final class MlpTrainer {
    private static final double BETA1 = 0.9, BETA2 = 0.999, EPS = 1e-8;

    int epochs = 500;
    int batchSize = 32;
    double learningRate = 1e-3;
    double l2 = 1e-4;
    int patience = 20;
    /** Epochs actually run and the epoch whose weights were kept (for reports and tests). */
    int epochsRun, bestEpoch;

    /**
     * @param z standardized training inputs
     * @param t standardized training targets
     * @param validation row indices held out for early stopping (empty: train all epochs, keep the last)
     * @param training the other rows
     */
    MlpNetwork train(int[] sizes, boolean tanh, double[][] z, double[] t, int[] training, int[] validation,
            SplittableRandom random, ProgressMonitor monitor) {
        MlpNetwork net = initial(sizes, tanh, random);
        int layers = net.layers();
        double[][] gw = zerosLike(net.w), gb = zerosLike(net.b);
        double[][] mw = zerosLike(net.w), vw = zerosLike(net.w), mb = zerosLike(net.b), vb = zerosLike(net.b);
        double[][] acts = net.newActivations(), deltas = net.newActivations();
        int[] order = training.clone();
        MlpNetwork best = net.copy();
        double bestLoss = Double.POSITIVE_INFINITY;
        int step = 0, sinceBest = 0;
        epochsRun = 0;
        bestEpoch = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            monitor.checkCanceled();
            shuffle(order, random);
            for (int from = 0; from < order.length; from += batchSize) {
                int to = Math.min(order.length, from + batchSize);
                zero(gw);
                zero(gb);
                for (int k = from; k < to; k++) {
                    int r = order[k];
                    System.arraycopy(z[r], 0, acts[0], 0, sizes[0]);
                    deltas[layers][0] = net.forward(acts) - t[r];
                    for (int l = layers - 1; l >= 0; l--) {
                        int in = sizes[l], out = sizes[l + 1];
                        double[] a = acts[l], d = deltas[l + 1], wl = net.w[l], g = gw[l];
                        for (int o = 0; o < out; o++) {
                            double dO = d[o];
                            gb[l][o] += dO;
                            int base = o * in;
                            for (int i = 0; i < in; i++) {
                                g[base + i] += dO * a[i];
                            }
                        }
                        if (l > 0) { // the input layer needs no delta
                            double[] dp = deltas[l];
                            for (int i = 0; i < in; i++) {
                                double s = 0;
                                for (int o = 0; o < out; o++) {
                                    s += wl[o * in + i] * d[o];
                                }
                                dp[i] = s * net.slope(a[i]);
                            }
                        }
                    }
                }
                step++;
                double scale = 1.0 / (to - from);
                double c1 = 1 - Math.pow(BETA1, step), c2 = 1 - Math.pow(BETA2, step);
                for (int l = 0; l < layers; l++) {
                    adam(net.w[l], gw[l], mw[l], vw[l], scale, l2, c1, c2);
                    adam(net.b[l], gb[l], mb[l], vb[l], scale, 0, c1, c2);
                }
            }
            epochsRun = epoch;
            if (validation.length == 0) {
                continue;
            }
            double loss = 0;
            for (int r : validation) {
                System.arraycopy(z[r], 0, acts[0], 0, sizes[0]);
                double e = net.forward(acts) - t[r];
                loss += e * e;
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = net.copy();
                bestEpoch = epoch;
                sinceBest = 0;
            } else if (++sinceBest >= patience) {
                break;
            }
        }
        if (validation.length == 0) {
            bestEpoch = epochsRun;
            return net;
        }
        return best;
    }

    private void adam(double[] p, double[] g, double[] m, double[] v, double scale, double decay, double c1, double c2) {
        for (int k = 0; k < p.length; k++) {
            double grad = g[k] * scale + decay * p[k];
            m[k] = BETA1 * m[k] + (1 - BETA1) * grad;
            v[k] = BETA2 * v[k] + (1 - BETA2) * grad * grad;
            p[k] -= learningRate * (m[k] / c1) / (Math.sqrt(v[k] / c2) + EPS);
        }
    }

    /** He initialization for ReLU, Glorot for tanh; biases zero. */
    private static MlpNetwork initial(int[] sizes, boolean tanh, SplittableRandom random) {
        int layers = sizes.length - 1;
        double[][] w = new double[layers][], b = new double[layers][];
        for (int l = 0; l < layers; l++) {
            int in = sizes[l], out = sizes[l + 1];
            double sd = tanh ? Math.sqrt(2.0 / (in + out)) : Math.sqrt(2.0 / in);
            w[l] = new double[in * out];
            for (int k = 0; k < w[l].length; k++) {
                w[l][k] = random.nextGaussian() * sd;
            }
            b[l] = new double[out];
        }
        return new MlpNetwork(sizes, w, b, tanh);
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int s = a[i];
            a[i] = a[j];
            a[j] = s;
        }
    }

    private static double[][] zerosLike(double[][] a) {
        double[][] z = new double[a.length][];
        for (int l = 0; l < a.length; l++) {
            z[l] = new double[a[l].length];
        }
        return z;
    }

    private static void zero(double[][] a) {
        for (double[] row : a) {
            java.util.Arrays.fill(row, 0);
        }
    }
}

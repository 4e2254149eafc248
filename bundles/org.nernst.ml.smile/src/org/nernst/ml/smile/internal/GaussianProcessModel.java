package org.nernst.ml.smile.internal;

import java.util.stream.IntStream;

import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.Prediction;

import smile.math.kernel.GaussianKernel;
import smile.regression.GaussianProcessRegression;
import smile.tensor.Cholesky;
import smile.tensor.DenseMatrix;

/**
 * A fitted Gaussian process. Smile computes the weights and the Cholesky factor of the kernel
 * matrix; prediction is done here in plain Java from those numbers, because Smile's own variance
 * goes through native BLAS, whose last digits change with memory layout, so a model read back from
 * disk would not reproduce its predictions exactly.
 */
public final class GaussianProcessModel implements FittedModel {
    private static final long serialVersionUID = 1L;
    /** Test rows predicted together (see {@link #predictBlock}). */
    private static final int BLOCK = 64;
    /** Rows of the triangular factor solved together (see {@link #predictBlock}). */
    private static final int PANEL = 64;

    private final Standardizer xScale;
    private final Standardizer yScale;
    private final GaussianKernel kernel;
    private final double noise;
    /** Standardized training rows (a copy made by the estimator, never the caller's arrays). */
    private final double[][] regressors;
    /** (K + noise I)^-1 y. */
    private final double[] weights;
    /** Lower Cholesky factor L of K + noise I, row by row: L[i][j] at i(i+1)/2 + j. */
    private final double[] factor;

    private GaussianProcessModel(Standardizer xScale, Standardizer yScale, GaussianKernel kernel, double noise,
            double[][] regressors, double[] weights, double[] factor) {
        this.xScale = xScale;
        this.yScale = yScale;
        this.kernel = kernel;
        this.noise = noise;
        this.regressors = regressors;
        this.weights = weights;
        this.factor = factor;
    }

    /**
     * @param z standardized features, owned by the model from now on
     * @param t standardized target
     * @throws ArithmeticException if K + noise I is not positive definite
     */
    static GaussianProcessModel fit(double[][] z, double[] t, double lengthScale, double noise, Standardizer xScale,
            Standardizer yScale) {
        GaussianKernel kernel = new GaussianKernel(lengthScale);
        GaussianProcessRegression<double[]> gp = GaussianProcessRegression.fit(z, t, kernel,
                new GaussianProcessRegression.Options(noise, false, 1e-5, 0));
        DenseMatrix k = kernel.K(z);
        for (int i = 0; i < z.length; i++) {
            k.add(i, i, noise);
        }
        Cholesky cholesky = k.cholesky();
        DenseMatrix l = cholesky.lu();
        double[] factor = new double[z.length * (z.length + 1) / 2];
        for (int i = 0, at = 0; i < z.length; i++) {
            for (int j = 0; j <= i; j++) {
                factor[at++] = l.get(i, j);
            }
        }
        return new GaussianProcessModel(xScale, yScale, kernel, noise, z, gp.w.toArray(new double[0]), factor);
    }

    @Override
    public Prediction predict(double[][] x) {
        double[] mean = new double[x.length];
        double[] std = new double[x.length];
        int blocks = (x.length + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> predictBlock(x, b * BLOCK, Math.min(x.length, (b + 1) * BLOCK),
                mean, std));
        return new Prediction(mean, std);
    }

    /**
     * Rows {@code from..to)} together. Per row the numbers are those of the textbook loop (kept as
     * {@link #predictRowByRow}, the tests' reference): the kernel vector k*, the mean w·k*, and the
     * latent variance k(z,z) - |L⁻¹k*|² by forward substitution with the same operations in the
     * same order. Doing a block of rows at once reads the triangular factor once per block instead
     * of once per row, and the innermost loop runs over the block's rows, which the JIT vectorizes.
     */
    private void predictBlock(double[][] x, int from, int to, double[] mean, double[] std) {
        int n = regressors.length, b = to - from;
        double ySd = yScale.constant(0) ? 1 : yScale.sd()[0];
        double[] v = new double[n * b]; // v[i * b + r]: k* of row r, overwritten by (L⁻¹k*) in place
        double[] mu = new double[b];
        double[][] z = new double[b][];
        for (int r = 0; r < b; r++) {
            z[r] = standardized(x[from + r]);
            double m = 0;
            for (int i = 0; i < n; i++) {
                double k = kernel.k(z[r], regressors[i]);
                v[i * b + r] = k;
                m += weights[i] * k;
            }
            mu[r] = m;
        }
        // Forward substitution in panels of PANEL rows of L: a panel's sums first take the terms of
        // all earlier panels (whose solved values stay in cache while the panel's rows use them),
        // then its own. For every row and every i the terms are still subtracted for j = 0, 1, ...
        // in order, so the result is the same as the plain loop's.
        double[] explained = new double[b];
        double[] s = new double[PANEL * b];
        for (int i0 = 0; i0 < n; i0 += PANEL) {
            int i1 = Math.min(n, i0 + PANEL);
            System.arraycopy(v, i0 * b, s, 0, (i1 - i0) * b);
            for (int j0 = 0; j0 < i0; j0 += PANEL) {
                int j1 = j0 + PANEL; // earlier panels are full
                for (int i = i0; i < i1; i++) {
                    int row = i * (i + 1) / 2, si = (i - i0) * b;
                    for (int j = j0; j < j1; j++) {
                        double l = factor[row + j];
                        int at = j * b;
                        for (int r = 0; r < b; r++) {
                            s[si + r] -= l * v[at + r];
                        }
                    }
                }
            }
            for (int i = i0; i < i1; i++) {
                int row = i * (i + 1) / 2, si = (i - i0) * b;
                for (int j = i0; j < i; j++) {
                    double l = factor[row + j];
                    int at = j * b;
                    for (int r = 0; r < b; r++) {
                        s[si + r] -= l * v[at + r];
                    }
                }
                double d = factor[row + i];
                int at = i * b;
                for (int r = 0; r < b; r++) {
                    double e = s[si + r] / d;
                    v[at + r] = e;
                    explained[r] += e * e;
                }
            }
        }
        for (int r = 0; r < b; r++) {
            double latent = Math.max(0, kernel.k(z[r], z[r]) - explained[r]);
            mean[from + r] = yScale.restore(0, mu[r]);
            // Predictive spread of a new measurement: the model's uncertainty plus the noise.
            std[from + r] = ySd * Math.sqrt(latent + noise);
        }
    }

    private double[] standardized(double[] row) {
        double[] z = new double[xScale.mean().length];
        for (int j = 0; j < z.length; j++) {
            z[j] = xScale.apply(j, row[j]);
        }
        return z;
    }

    /** The same prediction one row at a time: the reference the blocked prediction is tested against. */
    public Prediction predictRowByRow(double[][] x) {
        int n = regressors.length;
        double ySd = yScale.constant(0) ? 1 : yScale.sd()[0];
        double[] mean = new double[x.length];
        double[] std = new double[x.length];
        double[] kStar = new double[n];
        for (int r = 0; r < x.length; r++) {
            double[] z = standardized(x[r]);
            double mu = 0;
            for (int i = 0; i < n; i++) {
                kStar[i] = kernel.k(z, regressors[i]);
                mu += weights[i] * kStar[i];
            }
            // Latent variance k(z,z) - |L^-1 k*|^2 by forward substitution, in place in kStar.
            double explained = 0;
            int row = 0; // where row i of L starts: i(i+1)/2
            for (int i = 0; i < n; i++) {
                double s = kStar[i];
                for (int j = 0; j < i; j++) {
                    s -= factor[row + j] * kStar[j];
                }
                kStar[i] = s / factor[row + i];
                explained += kStar[i] * kStar[i];
                row += i + 1;
            }
            double latent = Math.max(0, kernel.k(z, z) - explained);
            mean[r] = yScale.restore(0, mu);
            std[r] = ySd * Math.sqrt(latent + noise);
        }
        return new Prediction(mean, std);
    }
}

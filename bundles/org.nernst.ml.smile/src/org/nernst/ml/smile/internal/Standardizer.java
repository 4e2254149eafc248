package org.nernst.ml.smile.internal;

import java.io.Serializable;

/**
 * Column means and standard deviations of the training data. Kernels and penalties depend on the
 * scale of each feature, so models see unit-free columns; the fitted model keeps these numbers to
 * transform new rows the same way.
 *
 * @param mean column means
 * @param sd sample standard deviations; 0 for a constant column
 */
record Standardizer(double[] mean, double[] sd) implements Serializable {
    private static final long serialVersionUID = 1L;

    static Standardizer fit(double[][] x, int columns) {
        int n = x.length;
        double[] mean = new double[columns];
        double[] sd = new double[columns];
        for (double[] row : x) {
            for (int j = 0; j < columns; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < columns; j++) {
            mean[j] /= n;
        }
        for (double[] row : x) {
            for (int j = 0; j < columns; j++) {
                double d = row[j] - mean[j];
                sd[j] += d * d;
            }
        }
        for (int j = 0; j < columns; j++) {
            sd[j] = n < 2 ? 0 : Math.sqrt(sd[j] / (n - 1));
            // A spread at rounding level is no spread: dividing by it would amplify noise.
            if (sd[j] <= 1e-12 * Math.max(1, Math.abs(mean[j]))) {
                sd[j] = 0;
            }
        }
        return new Standardizer(mean, sd);
    }

    /** For a single column such as the target. */
    static Standardizer fit(double[] v) {
        double[][] x = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            x[i] = new double[] { v[i] };
        }
        return fit(x, 1);
    }

    boolean constant(int j) {
        return sd[j] == 0;
    }

    /** A constant column is only centred, so it becomes all zeros instead of NaN. */
    double apply(int j, double v) {
        return sd[j] == 0 ? v - mean[j] : (v - mean[j]) / sd[j];
    }

    double restore(int j, double z) {
        return sd[j] == 0 ? z + mean[j] : z * sd[j] + mean[j];
    }

    /** New standardized rows; {@code x} is left untouched. */
    double[][] apply(double[][] x) {
        double[][] out = new double[x.length][mean.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < mean.length; j++) {
                out[i][j] = apply(j, x[i][j]);
            }
        }
        return out;
    }
}

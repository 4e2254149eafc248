package com.example.nernst.extras.internal;

import java.io.Serializable;

/** Centres and scales features to unit variance; a constant feature keeps scale 1. */
record Standardizer(double[] mean, double[] scale) implements Serializable {

    static Standardizer of(double[][] x) {
        int n = x.length, p = x[0].length;
        double[] mean = new double[p], scale = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < p; j++) {
            scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 1.0;
        }
        return new Standardizer(mean, scale);
    }

    double[] apply(double[] row) {
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = (row[j] - mean[j]) / scale[j];
        }
        return z;
    }

    /** A new matrix: the caller's rows are never touched. */
    double[][] apply(double[][] x) {
        double[][] z = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            z[i] = apply(x[i]);
        }
        return z;
    }
}

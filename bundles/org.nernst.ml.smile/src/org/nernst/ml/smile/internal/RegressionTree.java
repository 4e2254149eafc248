package org.nernst.ml.smile.internal;

import java.io.Serializable;

/**
 * A fitted binary regression tree in flat arrays (node 0 is the root): compact to serialize and
 * quick to walk. A node with {@code feature[k] < 0} is a leaf predicting {@code value[k]}; an
 * inner node sends a row left when {@code x[feature] <= value[k]} (its threshold).
 */
final class RegressionTree implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] feature;
    private final double[] value;
    private final int[] left;
    private final int[] right;

    RegressionTree(int[] feature, double[] value, int[] left, int[] right) {
        this.feature = feature;
        this.value = value;
        this.left = left;
        this.right = right;
    }

    double predict(double[] x) {
        int k = 0;
        while (feature[k] >= 0) {
            k = x[feature[k]] <= value[k] ? left[k] : right[k];
        }
        return value[k];
    }

    /** Split feature per node, negative at a leaf (shared, not copied: callers only read). */
    int[] featureArray() {
        return feature;
    }

    /** Threshold per inner node, prediction per leaf. */
    double[] valueArray() {
        return value;
    }

    int[] leftArray() {
        return left;
    }

    int[] rightArray() {
        return right;
    }

    int nodes() {
        return feature.length;
    }

    int leaves() {
        int n = 0;
        for (int f : feature) {
            if (f < 0) {
                n++;
            }
        }
        return n;
    }
}

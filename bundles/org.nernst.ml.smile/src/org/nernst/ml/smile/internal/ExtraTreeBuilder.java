package org.nernst.ml.smile.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.SplittableRandom;

/**
 * Grows one extremely randomized regression tree (Geurts, Ernst and Wehenkel 2006, Machine Learning
 * 63, 3): at each node it draws {@code mtry} of the features that are not constant in the node, one
 * threshold per drawn feature uniformly between the node's minimum and maximum of that feature, and
 * keeps the candidate with the largest decrease of the squared error. Splitting stops when a node
 * has fewer than {@code nodeSize} rows, its target is constant, all its features are constant, or
 * the depth limit is reached. Smile's trees cannot draw random thresholds, hence this class.
 */
final class ExtraTreeBuilder {
    /** The features column by column ([feature][row]): a node scans one feature over its rows. */
    private final double[][] columns;
    private final double[] y;
    private final int mtry;
    private final int nodeSize;
    private final int maxDepth;

    /** Growing arrays of the tree under construction. */
    private int[] feature = new int[64];
    private double[] value = new double[64];
    private int[] left = new int[64];
    private int[] right = new int[64];
    private int size;

    /**
     * @param columns features × rows, read only
     * @param mtry features drawn at each node (1..features)
     * @param nodeSize nodes with fewer rows are leaves (at least 2)
     * @param maxDepth depth limit, 0 for none
     */
    ExtraTreeBuilder(double[][] columns, double[] y, int mtry, int nodeSize, int maxDepth) {
        this.columns = columns;
        this.y = y;
        this.mtry = mtry;
        this.nodeSize = Math.max(2, nodeSize);
        this.maxDepth = maxDepth <= 0 ? Integer.MAX_VALUE : maxDepth;
    }

    /** A node still to be split: its rows are {@code rows[from, to)}. */
    private record Pending(int node, int from, int to, int depth) {
    }

    /**
     * Grows a tree on the given rows (row indices; repeats allowed for a bootstrap sample) and
     * adds each split's squared-error decrease to {@code importance}.
     */
    RegressionTree grow(int[] rows, SplittableRandom random, double[] importance) {
        size = 0;
        int p = columns.length;
        int[] candidates = new int[p];
        for (int j = 0; j < p; j++) {
            candidates[j] = j;
        }
        Deque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(newNode(), 0, rows.length, 0));
        while (!stack.isEmpty()) {
            Pending node = stack.pop();
            int from = node.from(), to = node.to(), n = to - from;
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += y[rows[i]];
            }
            value[node.node()] = sum / n;
            if (n < nodeSize || node.depth() >= maxDepth || constantTarget(rows, from, to)) {
                continue;
            }
            // Draw features without replacement until mtry of them vary in this node; constant ones
            // are skipped (not counted), so the draw is uniform over the varying features, and a
            // node's range is computed only for the features drawn.
            int bestFeature = -1, found = 0;
            double bestThreshold = 0, bestGain = 0;
            for (int d = 0; d < p && found < mtry; d++) {
                int pick = d + random.nextInt(p - d); // partial Fisher-Yates over the candidates
                int j = candidates[pick];
                candidates[pick] = candidates[d];
                candidates[d] = j;
                double[] column = columns[j];
                double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                for (int i = from; i < to; i++) {
                    double v = column[rows[i]];
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                if (!(hi > lo)) {
                    continue;
                }
                found++;
                double t = lo + random.nextDouble() * (hi - lo);
                if (t >= hi) {
                    t = lo; // rounding at the top end: keep the split proper
                }
                double sumLeft = 0;
                int nLeft = 0;
                for (int i = from; i < to; i++) {
                    if (column[rows[i]] <= t) {
                        sumLeft += y[rows[i]];
                        nLeft++;
                    }
                }
                int nRight = n - nLeft;
                double sumRight = sum - sumLeft;
                // decrease of the node's sum of squared errors
                double gain = sumLeft * sumLeft / nLeft + sumRight * sumRight / nRight - sum * sum / n;
                if (bestFeature < 0 || gain > bestGain) {
                    bestFeature = j;
                    bestThreshold = t;
                    bestGain = gain;
                }
            }
            if (bestFeature < 0) {
                continue; // every feature is constant here
            }
            importance[bestFeature] += Math.max(0, bestGain);
            int mid = partition(rows, from, to, bestFeature, bestThreshold);
            int k = node.node();
            feature[k] = bestFeature;
            value[k] = bestThreshold;
            int l = newNode(), r = newNode();
            left[k] = l;
            right[k] = r;
            stack.push(new Pending(r, mid, to, node.depth() + 1));
            stack.push(new Pending(l, from, mid, node.depth() + 1));
        }
        return new RegressionTree(Arrays.copyOf(feature, size), Arrays.copyOf(value, size), Arrays.copyOf(left, size),
                Arrays.copyOf(right, size));
    }

    private boolean constantTarget(int[] rows, int from, int to) {
        double first = y[rows[from]];
        for (int i = from + 1; i < to; i++) {
            if (y[rows[i]] != first) {
                return false;
            }
        }
        return true;
    }

    /** Moves the rows going left to the front of the range; returns where the right ones start. */
    private int partition(int[] rows, int from, int to, int j, double t) {
        int i = from, k = to - 1;
        while (i <= k) {
            if (columns[j][rows[i]] <= t) {
                i++;
            } else {
                int swap = rows[i];
                rows[i] = rows[k];
                rows[k] = swap;
                k--;
            }
        }
        return i;
    }

    private int newNode() {
        if (size == feature.length) {
            int grown = size * 2;
            feature = Arrays.copyOf(feature, grown);
            value = Arrays.copyOf(value, grown);
            left = Arrays.copyOf(left, grown);
            right = Arrays.copyOf(right, grown);
        }
        feature[size] = -1;
        left[size] = -1;
        right[size] = -1;
        return size++;
    }
}

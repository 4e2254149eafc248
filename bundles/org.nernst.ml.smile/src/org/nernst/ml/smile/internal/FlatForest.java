package org.nernst.ml.smile.internal;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Regression trees in one set of flat arrays, for fast batch prediction. Smile predicts one row at a
 * time through a data frame and a tuple per row; here a block of rows is transposed once into
 * columns and each tree is walked for the whole block while it sits in cache.
 * <p>
 * Layout: the trees one after another, each breadth-first, the two children of an inner node
 * adjacent (the first when {@code x <= threshold}, the second otherwise — also for NaN, as in
 * Smile), so a step of the walk is arithmetic rather than a branch on the data. A leaf links to
 * itself; its prediction is {@code value[k]}.
 * <p>
 * The trees' outputs are combined in tree order with exactly the operations Smile uses (mean of
 * the trees for a forest, {@code b + shrinkage * tree} for boosting), so predictions are the same
 * bits as Smile's.
 */
final class FlatForest {
    /**
     * Rows per transposed block: block and tree together should fit the first-level cache (with 20
     * features a block is 10 kB; a tree of 600 nodes 10 kB). Measured on the screening benchmark:
     * 64 rows beat 128 and 256 by 20–100 %.
     */
    private static final int BLOCK = 64;
    /** Rows per parallel task; smaller batches run on the calling thread. */
    private static final int CHUNK = 32 * BLOCK;

    private enum Combination { MEAN, BOOSTED }

    /** Per node: first child's index in the high 32 bits (its own at a leaf), split feature in the low 32 (0 at a leaf). */
    private final long[] link;
    /** Per node: the threshold, +infinity at a leaf. */
    private final double[] threshold;
    /** Per node: the prediction at a leaf. */
    private final double[] value;
    private final int[] roots;
    /** Per tree: the depth of its deepest leaf, the number of steps that brings every row to a leaf. */
    private final int[] depth;
    /** False if a split threshold is infinite or NaN (infinite training values): then no sign trick. */
    private final boolean finiteThresholds;
    private final int features;
    private final Combination combination;
    private final double intercept;
    private final double shrinkage;

    private FlatForest(List<RegressionTree> trees, int features, Combination combination, double intercept,
            double shrinkage) {
        if (trees.isEmpty()) {
            throw new IllegalArgumentException("a forest needs at least one tree");
        }
        int total = 0;
        for (RegressionTree t : trees) {
            total += t.nodes();
        }
        this.link = new long[total];
        this.threshold = new double[total];
        this.value = new double[total];
        this.roots = new int[trees.size()];
        this.depth = new int[trees.size()];
        this.features = features;
        this.combination = combination;
        this.intercept = intercept;
        this.shrinkage = shrinkage;
        int next = 0;
        for (int t = 0; t < trees.size(); t++) {
            roots[t] = next;
            int end = append(trees.get(t), next);
            depth[t] = maxDepth(next, end);
            next = end;
        }
        boolean finite = true;
        for (int k = 0; k < total; k++) {
            finite &= (int) (link[k] >> 32) == k || Double.isFinite(threshold[k]);
        }
        this.finiteThresholds = finite;
    }

    /** The mean of the trees' predictions (random forest, extra trees, one decision tree). */
    static FlatForest average(List<RegressionTree> trees, int features) {
        return new FlatForest(trees, features, Combination.MEAN, 0, 1);
    }

    /** {@code intercept + sum of shrinkage * tree}, summed in tree order as Smile's gradient boosting does. */
    static FlatForest boosted(List<RegressionTree> trees, int features, double intercept, double shrinkage) {
        return new FlatForest(trees, features, Combination.BOOSTED, intercept, shrinkage);
    }

    /**
     * Copies one tree breadth-first from {@code at}, children adjacent; returns the next free index.
     * A leaf links to itself with an infinite threshold, so a finite value's step stays there.
     */
    private int append(RegressionTree tree, int at) {
        int[] f = tree.featureArray(), l = tree.leftArray(), r = tree.rightArray();
        double[] v = tree.valueArray();
        int[] queue = new int[f.length]; // old index of the node placed at at + position
        int head = 0, tail = 0;
        queue[tail++] = 0;
        while (head < tail) {
            int old = queue[head];
            int k = at + head;
            head++;
            if (f[old] >= 0) {
                link[k] = pack(at + tail, f[old]);
                threshold[k] = v[old];
                queue[tail++] = l[old];
                queue[tail++] = r[old];
            } else {
                link[k] = pack(k, 0);
                threshold[k] = Double.POSITIVE_INFINITY;
                value[k] = v[old];
            }
        }
        return at + tail;
    }

    private static long pack(int child, int feature) {
        return ((long) child << 32) | (feature & 0xffffffffL);
    }

    private int maxDepth(int from, int to) {
        int[] d = new int[to - from];
        int max = 0;
        for (int k = from; k < to; k++) {
            if ((int) (link[k] >> 32) != k) { // an inner node
                int c = (int) (link[k] >> 32) - from;
                d[c] = d[c + 1] = d[k - from] + 1;
                max = Math.max(max, d[c]);
            }
        }
        return max;
    }

    int trees() {
        return roots.length;
    }

    /** One prediction per row of {@code x}; rows are split over the cores when there are many. */
    double[] predict(double[][] x) {
        double[] out = new double[x.length];
        run(x, (from, to) -> predictRange(x, from, to, out, null));
        return out;
    }

    /**
     * The mean of the trees and the standard deviation of their predictions (two passes, as the
     * extra trees model computes it), for forests that report their spread.
     *
     * @return {mean, std}
     */
    double[][] predictWithSpread(double[][] x) {
        if (combination != Combination.MEAN) {
            throw new IllegalStateException("a spread is defined for averaged trees only");
        }
        double[] mean = new double[x.length], std = new double[x.length];
        run(x, (from, to) -> predictRange(x, from, to, mean, std));
        return new double[][] { mean, std };
    }

    private interface Range {
        void run(int from, int to);
    }

    private void run(double[][] x, Range range) {
        for (double[] row : x) {
            if (row.length < features) {
                throw new IllegalArgumentException(
                        "a row has only " + row.length + " values but the model was fitted on " + features + " features");
            }
        }
        int chunks = (x.length + CHUNK - 1) / CHUNK;
        if (chunks <= 1) {
            range.run(0, x.length);
        } else {
            IntStream.range(0, chunks).parallel().forEach(c -> range.run(c * CHUNK, Math.min(x.length, (c + 1) * CHUNK)));
        }
    }

    /** Fills {@code mean[from..to)} (and {@code std} if not null) block by block. */
    private void predictRange(double[][] x, int from, int to, double[] mean, double[] std) {
        int t = roots.length;
        double[] columns = new double[features * BLOCK];
        double[] leaf = new double[BLOCK];
        double[] acc = new double[BLOCK];
        double[] perTree = std == null ? null : new double[t * BLOCK];
        for (int start = from; start < to; start += BLOCK) {
            int n = Math.min(BLOCK, to - start);
            double check = 0; // stays 0 unless a value is infinite or NaN (v * 0 is NaN then)
            for (int i = 0; i < n; i++) {
                double[] row = x[start + i];
                for (int j = 0; j < features; j++) {
                    columns[j * BLOCK + i] = row[j];
                    check += row[j] * 0.0;
                }
            }
            boolean finite = check == 0 && finiteThresholds;
            java.util.Arrays.fill(acc, 0, n, combination == Combination.BOOSTED ? intercept : 0.0);
            for (int tree = 0; tree < t; tree++) {
                if (finite) {
                    walk(tree, columns, n, leaf);
                } else {
                    walkAnyValues(roots[tree], columns, n, leaf);
                }
                if (combination == Combination.BOOSTED) {
                    for (int i = 0; i < n; i++) {
                        acc[i] += shrinkage * leaf[i];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        acc[i] += leaf[i];
                    }
                    if (perTree != null) {
                        System.arraycopy(leaf, 0, perTree, tree * BLOCK, n);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                double m = combination == Combination.BOOSTED ? acc[i] : acc[i] / t;
                mean[start + i] = m;
                if (perTree != null) {
                    double ss = 0;
                    for (int tree = 0; tree < t; tree++) {
                        double d = perTree[tree * BLOCK + i] - m;
                        ss += d * d;
                    }
                    std[start + i] = Math.sqrt(ss / t);
                }
            }
        }
    }

    /**
     * The leaf value of one tree for rows {@code 0..n)} of a transposed block of finite values. Eight
     * rows are walked side by side for the tree's full depth, without a branch on the data: their
     * loads overlap, and a row that reached its leaf stays there. (Stopping when all eight rows sit
     * on leaves measured slower than the extra steps.)
     */
    private void walk(int tree, double[] columns, int n, double[] out) {
        int root = roots[tree], steps = depth[tree];
        long[] link = this.link;
        double[] threshold = this.threshold;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            int k0 = root, k1 = root, k2 = root, k3 = root, k4 = root, k5 = root, k6 = root, k7 = root;
            for (int s = 0; s < steps; s++) {
                k0 = step(link[k0], threshold[k0], columns, i);
                k1 = step(link[k1], threshold[k1], columns, i + 1);
                k2 = step(link[k2], threshold[k2], columns, i + 2);
                k3 = step(link[k3], threshold[k3], columns, i + 3);
                k4 = step(link[k4], threshold[k4], columns, i + 4);
                k5 = step(link[k5], threshold[k5], columns, i + 5);
                k6 = step(link[k6], threshold[k6], columns, i + 6);
                k7 = step(link[k7], threshold[k7], columns, i + 7);
            }
            out[i] = value[k0];
            out[i + 1] = value[k1];
            out[i + 2] = value[k2];
            out[i + 3] = value[k3];
            out[i + 4] = value[k4];
            out[i + 5] = value[k5];
            out[i + 6] = value[k6];
            out[i + 7] = value[k7];
        }
        for (; i < n; i++) {
            int k = root;
            for (int s = 0; s < steps; s++) {
                k = step(link[k], threshold[k], columns, i);
            }
            out[i] = value[k];
        }
    }

    /**
     * The leaf value of one tree for blocks holding NaN or infinite values (or trees with infinite
     * thresholds), where the sign trick of
     * {@link #step} does not hold: a plain comparison per level (NaN goes to the second child, as in
     * Smile), until the node that links to itself, the leaf.
     */
    private void walkAnyValues(int root, double[] columns, int n, double[] out) {
        for (int i = 0; i < n; i++) {
            int k = root, child;
            while ((child = (int) (link[k] >> 32)) != k) {
                k = columns[(int) link[k] * BLOCK + i] <= threshold[k] ? child : child + 1;
            }
            out[i] = value[k];
        }
    }

    /** One step down for a finite value: {@code x <= threshold} to the first child, otherwise the second. */
    private static int step(long link, double threshold, double[] columns, int row) {
        int child = (int) (link >> 32);
        int feature = (int) link;
        // Finite x: threshold - x is negative (sign bit 1) exactly when x > threshold (two different
        // doubles never subtract to zero, and overflow keeps the sign); at a leaf the threshold is
        // +infinity, so the difference is +infinity and the walk stays on the leaf's self-link.
        return child + (int) (Double.doubleToRawLongBits(threshold - columns[feature * BLOCK + row]) >>> 63);
    }
}

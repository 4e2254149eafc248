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
    /**
     * Rows per block of the walk on ranks (fewer with more than {@value #WIDE} features, see
     * {@link #qblock}). Measured on 100-tree forests and extra trees: 64 and 128 rows about equal,
     * 32 close; with the ranks in columns (Nov 2026) 64, 128 and 256 rows were within the noise.
     */
    private static final int QBLOCK = 64;
    /** Features up to which a block of ranks holds {@value #QBLOCK} rows: a node's 16-bit column offset reaches 1023 × 64. */
    private static final int WIDE = 0x10000 / QBLOCK;
    /** Rows per parallel task; smaller batches run on the calling thread. */
    private static final int CHUNK = 32 * BLOCK;
    /** Most distinct thresholds of one feature for the quantized walk: ranks 0..MAX_BINS stay below LEAF_BIN. */
    static final int MAX_BINS = 0xfffe;
    private static final int LEAF_BIN = 0xffff;
    /**
     * The walk on ranks is chosen when the trees' depths add up to at least this many times the
     * features split on: ranking a value costs about as much as a few steps save (measured: ranks
     * faster from a 10-tree forest of depth 20 on 20 features up; about even at 3 trees).
     */
    private static final int STEPS_PER_RANKED_FEATURE = 8;
    /** Thresholds compared without a branch when a row's value is ranked; a fuller bucket is searched. */
    private static final int PROBES = 3;

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
    /**
     * The trees again with quantized thresholds, or null when a feature has more distinct thresholds
     * than a node can hold ({@value #MAX_BINS}), a threshold is NaN or there are more than 8 192
     * features. Per node one long: first child's index in the high 32 bits, the split feature's
     * column in a block of ranks ({@code feature * qblock}) in bits 16–31, the threshold's bin (its rank
     * among the feature's distinct thresholds) in the low 16; a leaf links to itself with bin
     * {@value #LEAF_BIN}, above every rank.
     */
    private final long[] packed;
    /**
     * Per feature the sorted distinct thresholds of its splits, {@code cuts[j]} empty if never split
     * on; followed by {@value #PROBES} times +infinity, so that a rank can probe past the last one.
     */
    private final double[][] cuts;
    /** Per feature the number of distinct thresholds (without the padding). */
    private final int[] cutCount;
    /** Per feature the index into {@link #cuts} where each bucket of {@link #bucket} starts, one more at the end. */
    private final int[][] bucketStart;
    /** Per feature the lowest threshold and the buckets per unit above it (0: one bucket). */
    private final double[] bucketOrigin, bucketScale;
    private final int features;
    /**
     * Rows per block of the walk on ranks: {@value #QBLOCK}, or with more than {@value #WIDE}
     * features the most rows (a multiple of 8) that keep {@code features * qblock} within a node's
     * 16-bit column offset.
     */
    private final int qblock;
    private final Combination combination;
    private final double intercept;
    private final double shrinkage;

    private FlatForest(List<RegressionTree> trees, int features, Combination combination, double intercept,
            double shrinkage, Walk walk) {
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
        double[][] cuts = walk == Walk.THRESHOLDS ? null : cuts(link, threshold, features);
        if (cuts != null && walk == Walk.AUTO) {
            long steps = 0;
            for (int d : depth) {
                steps += d;
            }
            int used = 0;
            for (double[] c : cuts) {
                used += c.length > 0 ? 1 : 0;
            }
            if (steps < (long) STEPS_PER_RANKED_FEATURE * used) {
                cuts = null; // ranking the rows would cost more than the cheaper steps save
            }
        }
        this.cuts = cuts;
        this.qblock = features <= WIDE ? QBLOCK : (0x10000 / features) & ~7;
        this.packed = cuts == null ? null : pack(link, threshold, cuts, qblock);
        this.cutCount = new int[features];
        this.bucketStart = new int[features][];
        this.bucketOrigin = new double[features];
        this.bucketScale = new double[features];
        for (int j = 0; cuts != null && j < features; j++) {
            double[] t = cuts[j];
            int m = t.length;
            double span = m == 0 ? 0 : t[m - 1] - t[0];
            int buckets = m > 2 && span > 0 && Double.isFinite(span) ? 4 * m : 1;
            cutCount[j] = m;
            bucketOrigin[j] = m == 0 ? 0 : t[0];
            bucketScale[j] = buckets == 1 ? 0 : buckets / span;
            int[] start = new int[buckets + 1];
            for (double c : t) { // the same function as for a row's value: the buckets split the sorted cuts
                start[bucket(c, bucketOrigin[j], bucketScale[j], buckets) + 1]++;
            }
            for (int b = 0; b < buckets; b++) {
                start[b + 1] += start[b];
            }
            bucketStart[j] = start;
            cuts[j] = java.util.Arrays.copyOf(t, m + PROBES);
            java.util.Arrays.fill(cuts[j], m, m + PROBES, Double.POSITIVE_INFINITY);
        }
    }

    /**
     * The bucket of a value that is not NaN: {@code (v - origin) * scale} truncated and clamped to
     * {@code 0..buckets-1}. Every operation rounds monotonically, so {@code v <= w} implies
     * {@code bucket(v) <= bucket(w)}: a threshold in a lower bucket than {@code v} is below {@code v},
     * one in a higher bucket above it, whatever the rounding.
     */
    private static int bucket(double v, double origin, double scale, int buckets) {
        int b = (int) ((v - origin) * scale); // NaN (infinity times 0) casts to 0; infinities saturate
        return Math.min(Math.max(b, 0), buckets - 1);
    }

    /**
     * Per feature the sorted distinct split thresholds (0.0 for −0.0: they compare equal), or null
     * when the quantized walk cannot represent the trees: too many features (a block of ranks would
     * hold fewer than 8 rows) or thresholds, or a NaN threshold.
     */
    private static double[][] cuts(long[] link, double[] threshold, int features) {
        if (features > 0x10000 / 8) {
            return null;
        }
        int[] count = new int[features];
        for (int k = 0; k < link.length; k++) {
            if ((int) (link[k] >> 32) != k) {
                if (Double.isNaN(threshold[k])) {
                    return null;
                }
                count[(int) link[k]]++;
            }
        }
        double[][] all = new double[features][];
        for (int j = 0; j < features; j++) {
            all[j] = new double[count[j]];
        }
        java.util.Arrays.fill(count, 0);
        for (int k = 0; k < link.length; k++) {
            if ((int) (link[k] >> 32) != k) {
                int j = (int) link[k];
                all[j][count[j]++] = threshold[k] + 0.0; // -0.0 + 0.0 is 0.0
            }
        }
        for (int j = 0; j < features; j++) {
            double[] t = java.util.Arrays.stream(all[j]).sorted().distinct().toArray();
            if (t.length > MAX_BINS) {
                return null;
            }
            all[j] = t;
        }
        return all;
    }

    /**
     * The nodes as longs: child, the feature's column in a block of {@code qblock} ranks and the
     * threshold's index in {@code cuts[feature]}.
     */
    private static long[] pack(long[] link, double[] threshold, double[][] cuts, int qblock) {
        long[] out = new long[link.length];
        for (int k = 0; k < link.length; k++) {
            int child = (int) (link[k] >> 32);
            if (child == k) {
                out[k] = ((long) k << 32) | LEAF_BIN;
            } else {
                int j = (int) link[k];
                int bin = java.util.Arrays.binarySearch(cuts[j], threshold[k] + 0.0);
                out[k] = ((long) child << 32) | ((long) (j * qblock) << 16) | bin;
            }
        }
        return out;
    }

    /**
     * How many of the sorted {@code t[from..from+n)} are below {@code v} (not NaN): a binary search
     * with the same number of halvings for every value.
     */
    private static int rank(double[] t, int from, int n, double v) {
        if (n == 0) {
            return 0;
        }
        int base = from;
        while (n > 1) {
            int half = n >>> 1;
            base = t[base + half] < v ? base + half : base;
            n -= half;
        }
        return base - from + (t[base] < v ? 1 : 0);
    }

    /**
     * How the trees are walked: on the rows' ranks among the split thresholds, on the values
     * themselves, or (AUTO) on ranks when the trees are deep and many enough to repay the ranking.
     * RANKS falls back to THRESHOLDS where ranks cannot represent the trees (see {@link #usesRanks}).
     */
    enum Walk { AUTO, RANKS, THRESHOLDS }

    /** The mean of the trees' predictions (random forest, extra trees, one decision tree). */
    static FlatForest average(List<RegressionTree> trees, int features) {
        return average(trees, features, Walk.AUTO);
    }

    static FlatForest average(List<RegressionTree> trees, int features, Walk walk) {
        return new FlatForest(trees, features, Combination.MEAN, 0, 1, walk);
    }

    /** {@code intercept + sum of shrinkage * tree}, summed in tree order as Smile's gradient boosting does. */
    static FlatForest boosted(List<RegressionTree> trees, int features, double intercept, double shrinkage, Walk walk) {
        return new FlatForest(trees, features, Combination.BOOSTED, intercept, shrinkage, walk);
    }

    /** True if rows are walked on their ranks among the thresholds (the quantized walk). */
    boolean usesRanks() {
        return packed != null;
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
        if (packed != null) {
            run(x, (from, to) -> predictRangeRanks(x, from, to, out, null));
        } else {
            run(x, (from, to) -> predictRange(x, from, to, out, null));
        }
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
        if (packed != null) {
            run(x, (from, to) -> predictRangeRanks(x, from, to, mean, std));
        } else {
            run(x, (from, to) -> predictRange(x, from, to, mean, std));
        }
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

    /** {@link #predictRange} on ranks: blocks of {@link #qblock} rows, any values (NaN and infinities too). */
    private void predictRangeRanks(double[][] x, int from, int to, double[] mean, double[] std) {
        int t = roots.length;
        int block = qblock;
        double[] columns = new double[features * block];
        char[] ranks = new char[features * block];
        double[] leaf = new double[block];
        double[] acc = new double[block];
        double[] perTree = std == null ? null : new double[t * block];
        for (int start = from; start < to; start += block) {
            int n = Math.min(block, to - start);
            for (int i = 0; i < n; i++) {
                double[] row = x[start + i];
                for (int j = 0; j < features; j++) {
                    columns[j * block + i] = row[j];
                }
            }
            rank(columns, n, ranks);
            java.util.Arrays.fill(acc, 0, n, combination == Combination.BOOSTED ? intercept : 0.0);
            for (int tree = 0; tree < t; tree++) {
                walkRanks(tree, ranks, n, leaf);
                combine(tree, leaf, n, acc, perTree, block);
            }
            finish(start, n, acc, perTree, block, mean, std);
        }
    }

    /** Adds one tree's leaf values to the sums as Smile does (and keeps them for the spread). */
    private void combine(int tree, double[] leaf, int n, double[] acc, double[] perTree, int block) {
        if (combination == Combination.BOOSTED) {
            for (int i = 0; i < n; i++) {
                acc[i] += shrinkage * leaf[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                acc[i] += leaf[i];
            }
            if (perTree != null) {
                System.arraycopy(leaf, 0, perTree, tree * block, n);
            }
        }
    }

    /** The block's predictions from the sums: the mean (or the boosted sum), and the trees' spread. */
    private void finish(int start, int n, double[] acc, double[] perTree, int block, double[] mean, double[] std) {
        int t = roots.length;
        for (int i = 0; i < n; i++) {
            double m = combination == Combination.BOOSTED ? acc[i] : acc[i] / t;
            mean[start + i] = m;
            if (perTree != null) {
                double ss = 0;
                for (int tree = 0; tree < t; tree++) {
                    double d = perTree[tree * block + i] - m;
                    ss += d * d;
                }
                std[start + i] = Math.sqrt(ss / t);
            }
        }
    }

    /**
     * Ranks of the {@code n} rows of a transposed block of values, in columns as the values:
     * {@code ranks[j * qblock + i]}.
     * A value's bucket holds the thresholds between those below and those above it; with four
     * buckets per threshold mostly none or one is left to compare. The first {@value #PROBES} from the
     * bucket's start are compared without a branch (beyond the bucket they are above the value, or
     * the +infinity padding); a fuller bucket is binary-searched.
     */
    private void rank(double[] columns, int n, char[] ranks) {
        for (int j = 0; j < features; j++) {
            int m = cutCount[j];
            if (m == 0) {
                continue; // no node reads this feature
            }
            double[] t = cuts[j];
            int[] bucketStart = this.bucketStart[j];
            int buckets = bucketStart.length - 1;
            double origin = bucketOrigin[j], scale = bucketScale[j];
            int at = j * qblock;
            for (int i = 0; i < n; i++) {
                double v = columns[at + i];
                int b = bucket(v, origin, scale, buckets);
                int s = bucketStart[b];
                int r;
                if (bucketStart[b + 1] - s <= PROBES) {
                    r = s + (t[s] < v ? 1 : 0) + (t[s + 1] < v ? 1 : 0) + (t[s + 2] < v ? 1 : 0);
                } else {
                    r = s + rank(t, s, bucketStart[b + 1] - s, v);
                }
                ranks[at + i] = (char) (v != v ? m : r); // NaN: above every threshold
            }
        }
    }

    /**
     * The leaf value of one tree for rows {@code 0..n)} of a block of ranks: as {@link #walk}, eight
     * rows side by side, but a step compares two small integers and reads one long per node, and
     * the eight stop after a pass that found all of them on leaves (a leaf's step is its
     * self-link, so the pass changed nothing; every row is on its leaf after the tree's depth).
     * Each node is stepped as soon as it is read and folded into one AND, so only the eight node
     * indices stay live across the pass. With the ranks in columns this measured 8–13 % faster on a
     * 100-tree forest than reading all eight nodes first with a per-row offset in a register (the
     * columns alone ≈ 5 %); 16, 12 or 4 rows side by side were slower than 8.
     */
    private void walkRanks(int tree, char[] ranks, int n, double[] out) {
        int root = roots[tree], steps = depth[tree];
        long[] packed = this.packed;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            int k0 = root, k1 = root, k2 = root, k3 = root, k4 = root, k5 = root, k6 = root, k7 = root;
            long all;
            do {
                long node;
                all = -1;
                node = packed[k0];
                all &= node;
                k0 = step(node, ranks, i + 0);
                node = packed[k1];
                all &= node;
                k1 = step(node, ranks, i + 1);
                node = packed[k2];
                all &= node;
                k2 = step(node, ranks, i + 2);
                node = packed[k3];
                all &= node;
                k3 = step(node, ranks, i + 3);
                node = packed[k4];
                all &= node;
                k4 = step(node, ranks, i + 4);
                node = packed[k5];
                all &= node;
                k5 = step(node, ranks, i + 5);
                node = packed[k6];
                all &= node;
                k6 = step(node, ranks, i + 6);
                node = packed[k7];
                all &= node;
                k7 = step(node, ranks, i + 7);
            } while (((int) all & LEAF_BIN) != LEAF_BIN); // until a pass found all 8 on leaves
            out[i + 0] = value[k0];
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
                k = step(packed[k], ranks, i);
            }
            out[i] = value[k];
        }
    }

    /**
     * One step down on ranks, {@code row} the row's index in the block (the node holds the offset of
     * its feature's column, so {@code i + lane} is all a walk adds): rank {@code <=} bin to the
     * first child, otherwise the second (bin minus rank is negative). A leaf's bin is above every rank, so the walk stays on its self-link.
     */
    private static int step(long node, char[] ranks, int row) {
        int bin = (int) node & 0xffff;
        int column = (int) node >>> 16;
        return (int) (node >>> 32) + ((bin - ranks[column + row]) >>> 31);
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

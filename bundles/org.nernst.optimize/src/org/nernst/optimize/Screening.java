package org.nernst.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ranking helpers for screening: non-dominated sorting (Pareto fronts) for several objectives and
 * the fraction of a true top set recovered by a ranking.
 *
 * @since 0.1
 */
public final class Screening {
    private Screening() {
    }

    /**
     * Pareto front number (1 = non-dominated) of every row, all objectives <b>maximized</b> (negate
     * an objective to minimize it). Each point is checked against the members of the front being
     * built only, so the cost is about n × front size per front.
     */
    public static int[] paretoFronts(double[][] objectives) {
        int n = objectives.length;
        int[] front = new int[n];
        // lexicographic order, best first: a point can only be dominated by points before it
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            for (int k = 0; k < objectives[a].length; k++) {
                int c = Double.compare(objectives[b][k], objectives[a][k]);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a, b);
        });
        List<Integer> remaining = new ArrayList<>(Arrays.asList(order));
        int f = 1;
        while (!remaining.isEmpty()) {
            List<Integer> members = new ArrayList<>();
            List<Integer> rest = new ArrayList<>();
            for (int i : remaining) {
                boolean dominated = false;
                for (int m : members) {
                    if (compare(objectives[m], objectives[i]) > 0) {
                        dominated = true;
                        break;
                    }
                }
                if (dominated) {
                    rest.add(i);
                } else {
                    members.add(i);
                    front[i] = f;
                }
            }
            remaining = rest;
            f++;
        }
        return front;
    }

    /** +1 if a dominates b, −1 if b dominates a, 0 otherwise. */
    private static int compare(double[] a, double[] b) {
        boolean aBetter = false;
        boolean bBetter = false;
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k]) {
                aBetter = true;
            } else if (b[k] > a[k]) {
                bBetter = true;
            }
        }
        return aBetter == bBetter ? 0 : aBetter ? 1 : -1;
    }

    /** Bits per digit of {@link #order}'s radix sort: 6 passes over a 64-bit key, 2048 buckets each. */
    private static final int RADIX_BITS = 11;

    /**
     * Row indices ordered by score, largest first as {@link Double#compare} orders (NaN before
     * +infinity, 0.0 before −0.0), ties by index, so the order is stable.
     * <p>
     * A least-significant-digit radix sort of the scores' bits, mapped so that their unsigned order
     * is the descending {@code Double.compare} order, with the row index carried along: linear in
     * the number of rows and free of boxing (a million scores sort in tens of milliseconds, where a
     * comparator over {@code Integer}s took more than half a second). Each pass is stable, so equal
     * scores keep ascending indices.
     */
    public static int[] order(double[] score) {
        int n = score.length;
        long[] key = new long[n];
        int passes = (Long.SIZE + RADIX_BITS - 1) / RADIX_BITS;
        int buckets = 1 << RADIX_BITS;
        int[][] count = new int[passes][buckets + 1];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToLongBits(score[i]); // one NaN, as Double.compare sees it
            // ascending as unsigned: flip all bits of a negative value, only the sign of a positive one;
            // then complemented for descending
            long k = ~(bits ^ ((bits >> 63) | Long.MIN_VALUE));
            key[i] = k;
            for (int p = 0; p < passes; p++) {
                count[p][(int) ((k >>> (p * RADIX_BITS)) & (buckets - 1)) + 1]++;
            }
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        long[] keyTo = new long[n];
        int[] idxTo = new int[n];
        for (int p = 0; p < passes && n > 1; p++) {
            int shift = p * RADIX_BITS;
            int[] start = count[p];
            if (start[(int) ((key[0] >>> shift) & (buckets - 1)) + 1] == n) {
                continue; // every key has this digit: the pass would not move anything
            }
            for (int b = 0; b < buckets; b++) {
                start[b + 1] += start[b];
            }
            for (int i = 0; i < n; i++) {
                long k = key[i];
                int at = start[(int) ((k >>> shift) & (buckets - 1))]++;
                keyTo[at] = k;
                idxTo[at] = idx[i];
            }
            long[] kt = key;
            key = keyTo;
            keyTo = kt;
            int[] it = idx;
            idx = idxTo;
            idxTo = it;
        }
        return idx;
    }

    /**
     * Fraction of the true top {@code fraction} of rows (by {@code truth}, largest best) found among the
     * first {@code n} rows of {@code ranking}.
     */
    public static double recall(double[] truth, int[] ranking, double fraction, int n) {
        int k = Math.max(1, (int) Math.round(truth.length * fraction));
        int[] byTruth = order(truth);
        boolean[] top = new boolean[truth.length];
        for (int i = 0; i < k; i++) {
            top[byTruth[i]] = true;
        }
        int found = 0;
        for (int i = 0; i < Math.min(n, ranking.length); i++) {
            if (top[ranking[i]]) {
                found++;
            }
        }
        return (double) found / k;
    }
}

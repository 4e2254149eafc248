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

    /** Row indices ordered by score, largest first (ties by index, so the order is stable). */
    public static int[] order(double[] score) {
        Integer[] idx = new Integer[score.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(score[b], score[a]));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
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

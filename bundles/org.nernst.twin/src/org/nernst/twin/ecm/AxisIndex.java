package org.nernst.twin.ecm;

/**
 * Constant-time segment search on a strictly increasing axis without per-call state: the range is
 * cut into equal buckets, each remembering the first segment it touches, so a search is one
 * division and at most a short forward scan (none on an equally spaced axis). Immutable, so a
 * model shared by many threads stays safe; this replaces a binary search in the lookups every
 * ECM step and every Kalman-filter sample make.
 */
final class AxisIndex {
    private final double[] axis;
    private final double lo;
    private final double inverseBucket;
    private final int[] first;

    AxisIndex(double[] axis) {
        this.axis = axis;
        int n = axis.length;
        this.lo = axis[0];
        int buckets = Math.max(1, 4 * (n - 1));
        double span = axis[n - 1] - axis[0];
        this.inverseBucket = n > 1 && span > 0 ? buckets / span : 0;
        this.first = new int[buckets + 1];
        int seg = 0;
        for (int b = 0; b <= buckets; b++) {
            double x = lo + b / Math.max(inverseBucket, Double.MIN_VALUE);
            while (seg < n - 2 && axis[seg + 1] <= x) {
                seg++;
            }
            first[b] = seg;
        }
    }

    /**
     * Index i of the segment [axis[i], axis[i+1]] holding x, clamped to [0, n−2] (end segments
     * extended); 0 for a one-point axis.
     */
    int segment(double x) {
        int n = axis.length;
        if (n < 2 || !(x > lo)) {
            return 0;
        }
        int b = (int) ((x - lo) * inverseBucket);
        if (b >= first.length) {
            return n - 2;
        }
        int i = first[b];
        while (i < n - 2 && axis[i + 1] <= x) {
            i++;
        }
        return i;
    }
}

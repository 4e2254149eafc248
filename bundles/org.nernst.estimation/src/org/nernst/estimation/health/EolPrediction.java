package org.nernst.estimation.health;

/**
 * The predicted end of life seen from one cycle: the distribution of the first cycle at which
 * capacity falls below the threshold, summarized by its median and 5 % and 95 % quantiles.
 * A quantile that lies beyond the prediction horizon is {@code +∞} (the threshold was not reached
 * in that share of the samples).
 *
 * @param fromCycle last cycle whose capacity the prediction used
 * @param thresholdAh end-of-life capacity (Ah)
 * @param median median end-of-life cycle
 * @param p05 5 % quantile
 * @param p95 95 % quantile
 * @param reachedShare share of samples that cross the threshold within the horizon
 */
public record EolPrediction(int fromCycle, double thresholdAh, double median, double p05, double p95,
        double reachedShare) {

    /** Remaining useful life in cycles, by the median. */
    public double rulMedian() {
        return median - fromCycle;
    }

    /** Whether {@code cycle} lies within the 5–95 % interval. */
    public boolean covers(double cycle) {
        return cycle >= p05 && cycle <= p95;
    }

    /** Summarizes crossing cycles ({@code +∞} for none) with weights (null = equal). */
    static EolPrediction of(int fromCycle, double threshold, double[] eol, double[] weights) {
        int n = eol.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(eol[x], eol[y]));
        double total = 0;
        double reached = 0;
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1 : weights[i];
            total += w;
            if (Double.isFinite(eol[i])) {
                reached += w;
            }
        }
        return new EolPrediction(fromCycle, threshold, quantile(eol, weights, order, total, 0.5),
                quantile(eol, weights, order, total, 0.05), quantile(eol, weights, order, total, 0.95),
                reached / total);
    }

    private static double quantile(double[] v, double[] w, Integer[] order, double total, double q) {
        double acc = 0;
        for (Integer i : order) {
            acc += w == null ? 1 : w[i];
            if (acc >= q * total) {
                return v[i];
            }
        }
        return v[order[order.length - 1]];
    }
}

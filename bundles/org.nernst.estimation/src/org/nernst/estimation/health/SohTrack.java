package org.nernst.estimation.health;

/**
 * Capacity-based state of health per cycle: SOH = C / C_nominal and its smoothed trend, a local
 * linear regression with tricube weights over a window of cycles (Cleveland's LOESS, one pass),
 * which follows the fade without the jumps of capacity regeneration after rests.
 *
 * @param cycle cycle numbers
 * @param capacity capacity per cycle (Ah)
 * @param soh capacity over nominal
 * @param trend smoothed SOH
 * @param nominalAh the nominal capacity used
 */
public record SohTrack(double[] cycle, double[] capacity, double[] soh, double[] trend, double nominalAh) {

    /**
     * @param nominalAh nominal capacity; 0 or less takes the first cycle's capacity
     * @param halfWindow cycles on each side of a point that its trend weighs
     */
    public static SohTrack of(double[] cycle, double[] capacity, double nominalAh, double halfWindow) {
        int n = cycle.length;
        if (n == 0 || capacity.length != n) {
            throw new IllegalArgumentException("one capacity per cycle is needed (" + n + " cycles, "
                    + capacity.length + " capacities)");
        }
        double nominal = nominalAh > 0 ? nominalAh : capacity[0];
        double[] soh = new double[n];
        for (int i = 0; i < n; i++) {
            soh[i] = capacity[i] / nominal;
        }
        return new SohTrack(cycle.clone(), capacity.clone(), soh, loess(cycle, soh, halfWindow), nominal);
    }

    /** One-pass local linear regression with tricube weights within ±h of each point. */
    static double[] loess(double[] x, double[] y, double h) {
        int n = x.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double sw = 0;
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            for (int j = 0; j < n; j++) {
                double u = Math.abs(x[j] - x[i]) / h;
                if (u >= 1) {
                    continue;
                }
                double w = Math.pow(1 - u * u * u, 3);
                double dx = x[j] - x[i];
                sw += w;
                sx += w * dx;
                sy += w * y[j];
                sxx += w * dx * dx;
                sxy += w * dx * y[j];
            }
            double det = sw * sxx - sx * sx;
            // value of the local line at x[i] (dx = 0): its intercept; a single point gives itself
            out[i] = det > 1e-12 * sw * sw ? (sxx * sy - sx * sxy) / det : sy / sw;
        }
        return out;
    }
}

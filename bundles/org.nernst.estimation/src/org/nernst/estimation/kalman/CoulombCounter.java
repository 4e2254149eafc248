package org.nernst.estimation.kalman;

/**
 * SOC by integrating current from an initial SOC: soc = soc0 + ∫ I dt / (3600·Q), trapezoidal.
 * Exact when soc0, Q and the current sensor are, and uncorrectable when any is wrong — the baseline
 * the Kalman filters are judged against.
 */
public final class CoulombCounter {
    private final double capacityAh;

    public CoulombCounter(double capacityAh) {
        if (!(capacityAh > 0)) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacityAh);
        }
        this.capacityAh = capacityAh;
    }

    /**
     * @param currentCharge A, <b>positive while charging</b> (tables' sign)
     */
    public double[] run(double[] time, double[] currentCharge, double initialSoc) {
        double[] soc = new double[time.length];
        double s = initialSoc;
        for (int k = 0; k < time.length; k++) {
            if (k > 0) {
                s += 0.5 * (currentCharge[k] + currentCharge[k - 1]) * (time[k] - time[k - 1]) / (3600 * capacityAh);
            }
            soc[k] = s;
        }
        return soc;
    }
}

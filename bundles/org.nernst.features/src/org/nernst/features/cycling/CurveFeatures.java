package org.nernst.features.cycling;

/**
 * Features of one discharge curve (time, voltage, temperature samples), as used for capacity/SOH
 * regression on the NASA PCoE cells: the time the voltage takes to fall below a threshold, voltage
 * slopes, the temperature peak and when it is reached.
 *
 * @since 0.1
 */
public final class CurveFeatures {
    private CurveFeatures() {
    }

    /** Result of {@link #of}; times in s from the start of the cycle, slopes per second. */
    public record Values(double timeToThreshold, double voltageSlope, double initialVoltageSlope,
            double maxTemperature, double timeToMaxTemperature, double temperatureSlope, double duration) {

        public boolean allFinite() {
            return undefined().isEmpty();
        }

        /** The names of the features that are NaN or infinite. */
        public java.util.List<String> undefined() {
            java.util.List<String> out = new java.util.ArrayList<>();
            String[] names = { "time_to_threshold", "voltage_slope", "initial_voltage_slope", "max_temperature",
                    "time_to_max_temperature", "temperature_slope", "duration" };
            double[] v = { timeToThreshold, voltageSlope, initialVoltageSlope, maxTemperature, timeToMaxTemperature,
                    temperatureSlope, duration };
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i])) {
                    out.add(names[i]);
                }
            }
            return out;
        }
    }

    /**
     * @param t sample times (s), increasing
     * @param v voltage (V)
     * @param temp temperature (°C)
     * @param threshold voltage threshold (V)
     * @param initialWindow length of the start window for the initial slope (s)
     */
    public static Values of(double[] t, double[] v, double[] temp, double threshold, double initialWindow) {
        int n = t.length;
        double t0 = t[0];
        double cross = Double.NaN;
        for (int i = 1; i < n; i++) {
            if (v[i] < threshold && v[i - 1] >= threshold) {
                double f = (v[i - 1] - threshold) / (v[i - 1] - v[i]);
                cross = t[i - 1] + f * (t[i] - t[i - 1]) - t0;
                break;
            }
        }
        int iMax = 0;
        for (int i = 1; i < n; i++) {
            if (temp[i] > temp[iMax]) {
                iMax = i;
            }
        }
        double slopeEnd = Double.isNaN(cross) ? t[n - 1] - t0 : cross;
        return new Values(cross, slope(t, v, t0, t0 + slopeEnd), slope(t, v, t0, t0 + initialWindow), temp[iMax],
                t[iMax] - t0, slope(t, temp, t0, t[iMax]), t[n - 1] - t0);
    }

    /** Least-squares slope of y(t) over samples with from ≤ t ≤ to; NaN with fewer than 2 samples. */
    static double slope(double[] t, double[] y, double from, double to) {
        double st = 0, sy = 0, stt = 0, sty = 0;
        int k = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= from && t[i] <= to) {
                st += t[i];
                sy += y[i];
                stt += t[i] * t[i];
                sty += t[i] * y[i];
                k++;
            }
        }
        double den = k * stt - st * st;
        return k < 2 || den == 0 ? Double.NaN : (k * sty - st * sy) / den;
    }
}

package org.nernst.estimation.kalman;

/**
 * Noise model of the Kalman filters. Process noise is given per second (variance grows with the
 * step length, so irregular sampling such as the 60 s rests of the Panasonic files is handled).
 *
 * @param socPerSqrtSecond standard deviation of the SOC random walk (1/√s)
 * @param rcPerSqrtSecond standard deviation of each RC voltage's random walk (V/√s)
 * @param measurement standard deviation of the voltage measurement and model error (V)
 * @param initialSoc standard deviation of the initial SOC guess
 */
public record Noise(double socPerSqrtSecond, double rcPerSqrtSecond, double measurement, double initialSoc) {
    public Noise {
        if (!(socPerSqrtSecond >= 0 && rcPerSqrtSecond >= 0 && measurement > 0 && initialSoc > 0)) {
            throw new IllegalArgumentException("noise levels must be non-negative, measurement and initial SOC positive");
        }
    }

    /**
     * Starts a filter: state [SOC, RC voltages...] = [initialSoc, 0...] in {@code x}, covariance
     * (4×4, row-major) diagonal with the initial-SOC variance and 1e-6 V² for each RC voltage.
     */
    void start(double[] x, double[] pm, int n, double soc) {
        java.util.Arrays.fill(x, 0);
        java.util.Arrays.fill(pm, 0);
        x[0] = soc;
        pm[0] = initialSoc * initialSoc;
        for (int i = 1; i < n; i++) {
            pm[i * 4 + i] = 1e-6;
        }
    }

    double measurementVariance() {
        return measurement * measurement;
    }

    double socVariancePerSecond() {
        return socPerSqrtSecond * socPerSqrtSecond;
    }

    double rcVariancePerSecond() {
        return rcPerSqrtSecond * rcPerSqrtSecond;
    }

    public static Noise defaults() {
        return new Noise(1e-6, 1e-4, 0.03, 0.2);
    }
}

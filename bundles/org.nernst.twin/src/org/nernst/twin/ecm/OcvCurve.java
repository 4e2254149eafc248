package org.nernst.twin.ecm;

import java.util.Arrays;

/**
 * Open-circuit voltage as a function of SOC (and optionally temperature), piecewise linear between
 * measured points. Beyond the table the curve continues with the slope of its end segment, so an
 * estimator that strays slightly outside 0..1 still sees a monotone, informative voltage.
 */
public final class OcvCurve {
    private final double[] soc;
    private final double[] temperature;
    private final double[][] voltage;
    private final AxisIndex socIndex;

    public OcvCurve(double[] soc, double[] voltage) {
        this(soc, new double[] {25}, new double[][] {voltage});
    }

    /** {@code voltage[t][s]}: OCV at temperature t and SOC s; SOC breakpoints strictly increasing. */
    public OcvCurve(double[] soc, double[] temperature, double[][] voltage) {
        if (soc.length < 2) {
            throw new IllegalArgumentException("an OCV curve needs at least two points");
        }
        for (int i = 1; i < soc.length; i++) {
            if (!(soc[i] > soc[i - 1])) {
                throw new IllegalArgumentException("OCV SOC points must increase strictly (at index " + i + ")");
            }
        }
        for (int i = 1; i < temperature.length; i++) {
            if (!(temperature[i] > temperature[i - 1])) {
                throw new IllegalArgumentException("OCV temperatures must increase strictly");
            }
        }
        if (voltage.length != temperature.length) {
            throw new IllegalArgumentException("one OCV row per temperature is needed");
        }
        for (double[] row : voltage) {
            if (row.length != soc.length) {
                throw new IllegalArgumentException("every OCV row needs " + soc.length + " values");
            }
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("OCV values must be finite");
                }
            }
        }
        this.soc = soc.clone();
        this.temperature = temperature.clone();
        this.voltage = Arrays.stream(voltage).map(double[]::clone).toArray(double[][]::new);
        this.socIndex = new AxisIndex(this.soc);
    }

    public double[] socPoints() {
        return soc.clone();
    }

    public double[] temperatures() {
        return temperature.clone();
    }

    public double[] voltages(int temperatureIndex) {
        return voltage[temperatureIndex].clone();
    }

    public double voltage(double s, double t) {
        if (temperature.length == 1 || t <= temperature[0]) {
            return along(voltage[0], s);
        }
        int last = temperature.length - 1;
        if (t >= temperature[last]) {
            return along(voltage[last], s);
        }
        int k = 0;
        while (t >= temperature[k + 1]) {
            k++;
        }
        double w = (t - temperature[k]) / (temperature[k + 1] - temperature[k]);
        return (1 - w) * along(voltage[k], s) + w * along(voltage[k + 1], s);
    }

    /**
     * dOCV/dSOC at this point (V per unit SOC): the slope of the segment it falls in (at a
     * breakpoint, the segment above it), blended across temperature like the voltage. Exact for the
     * piecewise-linear curve and one table search, so an EKF can call it every sample.
     */
    public double slope(double s, double t) {
        if (temperature.length == 1 || t <= temperature[0]) {
            return slopeAlong(voltage[0], s);
        }
        int last = temperature.length - 1;
        if (t >= temperature[last]) {
            return slopeAlong(voltage[last], s);
        }
        int k = 0;
        while (t >= temperature[k + 1]) {
            k++;
        }
        double w = (t - temperature[k]) / (temperature[k + 1] - temperature[k]);
        return (1 - w) * slopeAlong(voltage[k], s) + w * slopeAlong(voltage[k + 1], s);
    }

    private double slopeAlong(double[] v, double s) {
        int i = segment(s);
        return (v[i + 1] - v[i]) / (soc[i + 1] - soc[i]);
    }

    /** Index i of the segment [soc[i], soc[i+1]] used for s (end segments extended). */
    private int segment(double s) {
        return socIndex.segment(s);
    }

    private double along(double[] v, double s) {
        int i = segment(s);
        double w = (s - soc[i]) / (soc[i + 1] - soc[i]);
        return v[i] + w * (v[i + 1] - v[i]);
    }
}

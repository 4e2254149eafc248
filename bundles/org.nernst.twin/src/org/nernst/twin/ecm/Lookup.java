package org.nernst.twin.ecm;

import java.util.Arrays;

/**
 * A parameter that is a constant, a table over SOC, or a table over SOC × temperature, evaluated
 * by (bi)linear interpolation and held constant beyond the table's edges. Immutable.
 */
public final class Lookup {
    private final double[] soc;
    private final double[] temperature;
    private final double[] values; // row-major [temperature][soc]
    private final AxisIndex socIndex;

    private Lookup(double[] soc, double[] temperature, double[] values) {
        this.soc = soc;
        this.temperature = temperature;
        this.values = values;
        this.socIndex = new AxisIndex(soc);
    }

    /** The same value everywhere. */
    public static Lookup constant(double value) {
        return new Lookup(new double[] {0}, new double[] {25}, new double[] {value});
    }

    /** A table over SOC (strictly increasing breakpoints), the same at every temperature. */
    public static Lookup ofSoc(double[] soc, double[] values) {
        checkAxis("soc", soc);
        if (values.length != soc.length) {
            throw new IllegalArgumentException("a table over " + soc.length + " SOC points needs as many values, got " + values.length);
        }
        return new Lookup(soc.clone(), new double[] {25}, values.clone());
    }

    /** A table over SOC × temperature; {@code values[t][s]} belongs to temperature t and SOC s. */
    public static Lookup ofSocAndTemperature(double[] soc, double[] temperature, double[][] values) {
        checkAxis("soc", soc);
        checkAxis("temperature", temperature);
        if (values.length != temperature.length) {
            throw new IllegalArgumentException("need one row per temperature (" + temperature.length + "), got " + values.length);
        }
        double[] flat = new double[soc.length * temperature.length];
        for (int t = 0; t < temperature.length; t++) {
            if (values[t].length != soc.length) {
                throw new IllegalArgumentException("row " + t + " has " + values[t].length + " values for " + soc.length + " SOC points");
            }
            System.arraycopy(values[t], 0, flat, t * soc.length, soc.length);
        }
        return new Lookup(soc.clone(), temperature.clone(), flat);
    }

    private static void checkAxis(String name, double[] axis) {
        if (axis.length == 0) {
            throw new IllegalArgumentException(name + " axis is empty");
        }
        for (int i = 0; i < axis.length; i++) {
            if (!Double.isFinite(axis[i]) || (i > 0 && axis[i] <= axis[i - 1])) {
                throw new IllegalArgumentException(name + " breakpoints must be finite and strictly increasing: " + Arrays.toString(axis));
            }
        }
    }

    /** This lookup with every value multiplied by {@code factor} (ageing, cell-to-cell spread). */
    public Lookup scaled(double factor) {
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return new Lookup(soc, temperature, v);
    }

    public boolean isConstant() {
        return values.length == 1;
    }

    public double value(double s, double t) {
        if (values.length == 1) {
            return values[0];
        }
        int ns = soc.length;
        if (temperature.length == 1) {
            return interpolate(values, 0, ns, s);
        }
        int k = segment(temperature, t);
        if (k < 0) {
            return interpolate(values, 0, ns, s);
        }
        if (k >= temperature.length - 1) {
            return interpolate(values, (temperature.length - 1) * ns, ns, s);
        }
        double w = (t - temperature[k]) / (temperature[k + 1] - temperature[k]);
        double lo = interpolate(values, k * ns, ns, s);
        double hi = interpolate(values, (k + 1) * ns, ns, s);
        return lo + w * (hi - lo);
    }

    /** Index i with axis[i] <= x < axis[i+1]; -1 below the first point, length-1 at or above the last. */
    private static int segment(double[] axis, double x) {
        if (x < axis[0]) {
            return -1;
        }
        int i = Arrays.binarySearch(axis, x);
        return i >= 0 ? i : -i - 2;
    }

    private double interpolate(double[] v, int offset, int n, double x) {
        if (n == 1 || x <= soc[0]) {
            return v[offset];
        }
        if (x >= soc[n - 1]) {
            return v[offset + n - 1];
        }
        int i = socIndex.segment(x);
        double w = (x - soc[i]) / (soc[i + 1] - soc[i]);
        return v[offset + i] + w * (v[offset + i + 1] - v[offset + i]);
    }
}

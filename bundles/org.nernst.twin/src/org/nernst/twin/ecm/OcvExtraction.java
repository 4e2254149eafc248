package org.nernst.twin.ecm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Open-circuit voltage from measurements, as a function of the charge taken out of a full cell
 * ({@code depth}, Ah); {@link #toSoc} turns it into OCV(SOC) for a chosen capacity.
 * <p>
 * <b>C/20 test</b> ({@link #fromSlowDischarge}): the discharge branch, corrected by R·|I|. The
 * average of the charge and discharge branches is the textbook choice (it cancels the IR drop and a
 * symmetric hysteresis), but it needs both branches on one Coulomb-counted axis. In the Panasonic
 * 18650PF C/20 file the charge stops at 4.2 V (constant current, no hold) after 2.62 Ah when 3.00 Ah
 * were taken out, so the branches aligned at empty sit about 0.38 Ah (≈ 0.1 V) apart and aligned at
 * full they nearly coincide — neither alignment is trustworthy, while the discharge branch starts
 * from a rested full cell and needs only the small, well-identified R·I correction (a few mV at C/20).
 * <p>
 * <b>HPPC rests</b> ({@link #restedPoints}): the last sample of the rest that precedes each pulse
 * set (after the hour-long rest that follows each 5 % or 10 % discharge). At 10 and 0 °C, which
 * have no C/20 test, {@link #shiftedTo} bends the 25 °C C/20 curve through these points (linear
 * interpolation of the offsets), keeping the C/20 curve's shape between the rest points.
 */
public final class OcvExtraction {

    /** OCV against depth of discharge (Ah out of a full cell), depth strictly increasing. */
    public record OcvPoints(double[] depthAh, double[] voltage) {
        public OcvPoints {
            if (depthAh.length != voltage.length || depthAh.length < 2) {
                throw new IllegalArgumentException("an OCV curve needs at least two (depth, voltage) points");
            }
        }

        /** Linear interpolation, end segments extended. */
        public double at(double depth) {
            int n = depthAh.length;
            int i;
            if (depth <= depthAh[0]) {
                i = 0;
            } else if (depth >= depthAh[n - 1]) {
                i = n - 2;
            } else {
                i = Arrays.binarySearch(depthAh, depth);
                i = i >= 0 ? Math.min(i, n - 2) : -i - 2;
            }
            double w = (depth - depthAh[i]) / (depthAh[i + 1] - depthAh[i]);
            return voltage[i] + w * (voltage[i + 1] - voltage[i]);
        }

        public int size() {
            return depthAh.length;
        }
    }

    private OcvExtraction() {
    }

    /**
     * OCV from a slow constant-current discharge that starts from a rested full cell.
     *
     * @param current A, positive while charging (the tables' convention)
     * @param ah net Ah counter (positive while charging)
     * @param resistance Ω added back as R·|I| to the discharge branch
     * @param binAh width of the depth bins the samples are averaged in
     */
    public static OcvPoints fromSlowDischarge(double[] current, double[] voltage, double[] ah, double resistance,
            double binAh) {
        double iMin = 0;
        for (double c : current) {
            iMin = Math.min(iMin, c);
        }
        if (!(iMin < 0)) {
            throw new IllegalArgumentException("the slow test has no discharge");
        }
        // the discharge branch: the first run of samples at (about) the test's discharge current
        int start = -1;
        int end = -1;
        for (int k = 0; k < current.length; k++) {
            boolean dis = current[k] < 0.5 * iMin;
            if (dis && start < 0) {
                start = k;
            }
            if (start >= 0 && !dis) {
                end = k;
                break;
            }
        }
        if (end < 0) {
            end = current.length;
        }
        // the rested sample before the discharge is full (depth 0)
        double ah0 = start > 0 ? ah[start - 1] : ah[start];
        List<double[]> pts = new ArrayList<>();
        if (start > 0) {
            pts.add(new double[] { 0, voltage[start - 1] });
        }
        double binStart = 0;
        double sumD = 0;
        double sumV = 0;
        int count = 0;
        for (int k = start; k < end; k++) {
            double d = ah0 - ah[k];
            double v = voltage[k] + resistance * Math.abs(current[k]);
            if (d >= binStart + binAh && count > 0) {
                pts.add(new double[] { sumD / count, sumV / count });
                binStart = d;
                sumD = sumV = 0;
                count = 0;
            }
            sumD += d;
            sumV += v;
            count++;
        }
        if (count > 0) {
            pts.add(new double[] { sumD / count, sumV / count });
        }
        return monotone(pts);
    }

    /**
     * The rested voltage before each pulse set of an HPPC test: the last sample of each rest that
     * is followed by a discharge pulse after a gap in the log or at the start of the file (the
     * Panasonic HPPC files log the pulses, not the 5/10 % discharges in between).
     *
     * @param gapSeconds a jump in time at least this long separates pulse sets
     */
    public static OcvPoints restedPoints(double[] time, double[] current, double[] voltage, double[] ah,
            double gapSeconds) {
        List<double[]> pts = new ArrayList<>();
        double ah0 = ah[0];
        boolean setStart = true;
        for (int k = 0; k < current.length; k++) {
            if (k > 0 && time[k] - time[k - 1] >= gapSeconds) {
                setStart = true;
            }
            if (setStart && current[k] < -0.05 && k > 0 && Math.abs(current[k - 1]) <= 0.05) {
                pts.add(new double[] { ah0 - ah[k - 1], voltage[k - 1] });
                setStart = false;
            }
        }
        // the rest after the last set (end of the file) is the empty point, when the file ends at rest
        int last = current.length - 1;
        if (Math.abs(current[last]) <= 0.05) {
            pts.add(new double[] { ah0 - ah[last], voltage[last] });
        }
        return monotone(pts);
    }

    /**
     * {@code base} bent through {@code rested}: base + offsets (rested − base at each rest point),
     * interpolated linearly in depth and held beyond the first and last rest point.
     */
    public static OcvPoints shiftedTo(OcvPoints base, OcvPoints rested) {
        double[] off = new double[rested.size()];
        for (int j = 0; j < off.length; j++) {
            off[j] = rested.voltage()[j] - base.at(rested.depthAh()[j]);
        }
        OcvPoints offsets = new OcvPoints(rested.depthAh(), off);
        double[] v = new double[base.size()];
        for (int k = 0; k < v.length; k++) {
            double d = base.depthAh()[k];
            double o = d <= rested.depthAh()[0] ? off[0]
                    : d >= rested.depthAh()[off.length - 1] ? off[off.length - 1] : offsets.at(d);
            v[k] = base.voltage()[k] + o;
        }
        return new OcvPoints(base.depthAh(), v);
    }

    /** OCV(SOC) with SOC = 1 − depth / capacity, on {@code grid} SOC points (increasing). */
    public static double[] toSoc(OcvPoints p, double capacityAh, double[] grid) {
        double[] v = new double[grid.length];
        for (int s = 0; s < grid.length; s++) {
            v[s] = p.at((1 - grid[s]) * capacityAh);
        }
        return v;
    }

    /** Equally spaced SOC points from {@code lo} to {@code hi}. */
    public static double[] grid(double lo, double hi, int points) {
        double[] g = new double[points];
        for (int i = 0; i < points; i++) {
            g[i] = lo + (hi - lo) * i / (points - 1);
        }
        return g;
    }

    /** Sorted by depth, duplicates (within 1e-6 Ah) averaged. */
    private static OcvPoints monotone(List<double[]> pts) {
        pts.sort((a, b) -> Double.compare(a[0], b[0]));
        List<double[]> out = new ArrayList<>();
        for (double[] p : pts) {
            if (!out.isEmpty() && p[0] - out.get(out.size() - 1)[0] < 1e-6) {
                double[] q = out.get(out.size() - 1);
                q[1] = (q[1] + p[1]) / 2;
            } else {
                out.add(p.clone());
            }
        }
        return new OcvPoints(out.stream().mapToDouble(p -> p[0]).toArray(),
                out.stream().mapToDouble(p -> p[1]).toArray());
    }
}

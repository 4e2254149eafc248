package org.nernst.twin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nernst.twin.ecm.Lookup;
import org.nernst.twin.ecm.OcvCurve;

/** The constant-time segment search of Lookup and OcvCurve agrees with plain interpolation. */
class LookupSearchTest {

    private static double reference(double[] x, double[] y, double s, boolean extend) {
        int n = x.length;
        if (!extend && s <= x[0]) {
            return y[0];
        }
        if (!extend && s >= x[n - 1]) {
            return y[n - 1];
        }
        int i = 0;
        while (i < n - 2 && x[i + 1] <= s) {
            i++;
        }
        return y[i] + (s - x[i]) / (x[i + 1] - x[i]) * (y[i + 1] - y[i]);
    }

    @Test
    void unequallySpacedTablesInterpolateLikeALinearScan() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + rnd.nextInt(30);
            double[] x = new double[n];
            double[] y = new double[n];
            double at = -0.2 * rnd.nextDouble();
            for (int i = 0; i < n; i++) {
                at += 1e-3 + rnd.nextDouble() * (rnd.nextBoolean() ? 0.01 : 0.3);
                x[i] = at;
                y[i] = rnd.nextGaussian();
            }
            Lookup l = Lookup.ofSoc(x, y);
            OcvCurve c = new OcvCurve(x, y);
            for (int k = 0; k < 2000; k++) {
                double s = x[0] - 0.1 + (x[n - 1] - x[0] + 0.2) * rnd.nextDouble();
                assertEquals(reference(x, y, s, false), l.value(s, 25), 1e-12);
                assertEquals(reference(x, y, s, true), c.voltage(s, 25), 1e-9);
            }
            for (int i = 0; i < n; i++) {
                assertEquals(y[i], l.value(x[i], 25), 1e-12, "at breakpoint " + i);
            }
        }
    }

    @Test
    void ocvSlopeIsTheSlopeOfTheSegment() {
        OcvCurve c = new OcvCurve(new double[] { 0, 0.1, 0.5, 1 }, new double[] { 3.0, 3.4, 3.7, 4.2 });
        assertEquals(4.0, c.slope(0.05, 25), 1e-12);
        assertEquals(0.75, c.slope(0.3, 25), 1e-12);
        assertEquals(1.0, c.slope(0.9, 25), 1e-12);
        assertEquals(4.0, c.slope(-0.2, 25), 1e-12, "extended below the table");
        assertEquals(1.0, c.slope(1.3, 25), 1e-12, "extended above the table");
        assertEquals(0.75, c.slope(0.1, 25), 1e-12, "at a breakpoint, the segment above");
    }
}

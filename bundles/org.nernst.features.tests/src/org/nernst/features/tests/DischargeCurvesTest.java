package org.nernst.features.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nernst.core.node.DataException;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;
import org.nernst.features.lifetime.DischargeCurves;
import org.nernst.features.lifetime.EarlyLifeFeatures;

/**
 * Q(V) from a time series whose discharge follows V = 3.6 − k·Q at 1 A (so Q(V) = (3.6 − V)/k
 * exactly, and linear interpolation of it is exact), then the Severson features on those curves.
 */
class DischargeCurvesTest {
    /** One cell, cycles 10 and 100: a rest sample, then a 1 A discharge to just below 2.0 V; k = 0.8 V/Ah at 10, 0.82 at 100. */
    private static Table series(boolean withCapacity) {
        List<Double> cycle = new ArrayList<>(), time = new ArrayList<>(), current = new ArrayList<>(), voltage = new ArrayList<>(),
                qd = new ArrayList<>();
        double t = 0;
        for (int c : new int[] { 10, 100 }) {
            double k = c == 10 ? 0.8 : 0.82;
            cycle.add((double) c);
            time.add(t);
            current.add(0.0);
            voltage.add(3.65);
            qd.add(0.0);
            for (double q = 0; 3.6 - k * q >= 1.99; q += 0.01) {
                cycle.add((double) c);
                time.add(t + q * 3600);
                current.add(-1.0);
                voltage.add(3.6 - k * q);
                qd.add(q);
            }
            t += 10_000;
        }
        List<org.nernst.core.table.Column> cols = new ArrayList<>(List.of(
                new StringColumn("cell", Role.GROUP, cycle.stream().map(x -> "A").toArray(String[]::new)),
                col("cycle", cycle), col("test_time", time), col("current", current), col("voltage", voltage)));
        if (withCapacity) {
            cols.add(col("discharge_capacity", qd));
        }
        return new Table("ts", cols);
    }

    private static DoubleColumn col(String name, List<Double> v) {
        return new DoubleColumn(name, "", Role.NONE, v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void capacityOnTheGridIsExactForALinearCurve() throws Exception {
        for (boolean measured : new boolean[] { true, false }) {
            Table curves = new DischargeCurves(3.6, 2.0, 1000).compute(series(measured), List.of(10, 100));
            assertEquals(1000, curves.rowCount());
            double[] v = curves.doubles("voltage"), q10 = curves.doubles("q_10"), q100 = curves.doubles("q_100");
            for (int r = 0; r < 1000; r++) {
                assertEquals((3.6 - v[r]) / 0.8, q10[r], 1e-9, "cycle 10 at " + v[r] + " V, measured " + measured);
                assertEquals((3.6 - v[r]) / 0.82, q100[r], 1e-9);
            }
        }
    }

    @Test
    void seversonFeaturesRunOnCurvesFromATimeSeries() throws Exception {
        Table curves = new DischargeCurves(3.6, 2.0, 1000).compute(series(true), List.of(10, 100));
        Table f = new EarlyLifeFeatures(10, 100, 0.1, "variance").compute(curves, null);
        // ΔQ(V) = (3.6 − V)(1/0.82 − 1/0.8) is linear in V on a uniform grid: its variance is c²·Var(V)
        double c = 1 / 0.82 - 1 / 0.8;
        double[] v = curves.doubles("voltage");
        double mean = 0, var = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        for (double x : v) {
            var += (x - mean) * (x - mean) / v.length;
        }
        assertEquals(Math.log10(c * c * var), f.doubles("dq_log_var")[0], 1e-9);
    }

    @Test
    void noDischargeInTheCyclesIsNamed() {
        DataException e = assertThrows(DataException.class,
                () -> new DischargeCurves(3.6, 2.0, 100).compute(series(true), List.of(5)));
        assertEquals(true, e.getMessage().contains("[5]"), e.getMessage());
    }
}

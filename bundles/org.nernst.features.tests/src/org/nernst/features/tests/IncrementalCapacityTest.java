package org.nernst.features.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.features.lifetime.IncrementalCapacity;

/**
 * dQ/dV of a discharge built from two logistic plateaus, Q(V) = Σ Qᵢ / (1 + e^((V − Vᵢ)/wᵢ)), whose
 * −dQ/dV peaks sit exactly at Vᵢ with height Qᵢ / (4 wᵢ): 3.3 V / 5.0 Ah/V and 2.6 V / 4.1667 Ah/V.
 */
class IncrementalCapacityTest {
    private static double q(double v) {
        return 1.0 / (1 + Math.exp((v - 3.3) / 0.05)) + 0.5 / (1 + Math.exp((v - 2.6) / 0.03));
    }

    @Test
    void peaksSitAtThePlateausWithTheirAnalyticHeights() throws Exception {
        List<Double> cycle = new ArrayList<>(), time = new ArrayList<>(), current = new ArrayList<>(), voltage = new ArrayList<>(),
                qd = new ArrayList<>();
        for (double v = 3.6; v >= 1.99; v -= 0.001) {
            cycle.add(1.0);
            time.add(q(v) * 3600);
            current.add(-1.0);
            voltage.add(v);
            qd.add(q(v));
        }
        Table ts = new Table("cell", List.of(col("cycle", cycle), col("test_time", time), col("current", current),
                col("voltage", voltage), col("discharge_capacity", qd)));
        IncrementalCapacity.Result r = new IncrementalCapacity(3.6, 2.0, 1601, 0, 2).compute(ts, List.of(1));
        Table f = r.features();
        assertEquals(1, f.rowCount());
        assertEquals(3.3, f.doubles("peak1_voltage")[0], 0.001 + 1e-9);
        assertEquals(5.0, f.doubles("peak1_height")[0], 5.0 * 0.005);
        assertEquals(2.6, f.doubles("peak2_voltage")[0], 0.001 + 1e-9);
        assertEquals(0.5 / 0.12, f.doubles("peak2_height")[0], 0.5 / 0.12 * 0.005);
        assertEquals(f.doubles("peak1_height")[0], f.doubles("ic_max")[0]);
        assertEquals(1601, r.curves().rowCount());

        // smoothing lowers and keeps the peaks in place
        Table smoothed = new IncrementalCapacity(3.6, 2.0, 1601, 0.02, 2).compute(ts, List.of(1)).features();
        assertEquals(3.3, smoothed.doubles("peak1_voltage")[0], 0.002);
        assertEquals(true, smoothed.doubles("peak1_height")[0] < f.doubles("peak1_height")[0]);
    }

    private static DoubleColumn col(String name, List<Double> v) {
        return new DoubleColumn(name, "", Role.NONE, v.stream().mapToDouble(Double::doubleValue).toArray());
    }
}

package org.nernst.estimation.tests;

import org.nernst.conformance.TestData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Table;
import org.nernst.data.mat.NasaCellReader;
import org.nernst.estimation.health.SohEstimator;
import org.nernst.estimation.health.SohTrack;

/** SOH and resistance tracking on NASA B0025 (24 °C, 4 A square-wave discharges sampled every ~10 s). */
class SohNasaTest {

    @Test
    void capacityIntegratedFromTheTimeSeriesMatchesNasasCapacityPerDischarge() throws Exception {
        NasaCellReader.Cell cell = new NasaCellReader().read(TestData.folder("nasa-pcoe").resolve("B0025.mat"),
                Set.of("discharge"), ProgressMonitor.none());
        Table states = new SohEstimator().estimate(cell.timeseries(), Parameters.of(Map.of("minStep", 2.0)),
                ProgressMonitor.none());
        Table reported = cell.cycles().filter(i -> cell.cycles().column("type").format(i).equals("discharge"));
        assertEquals(28, reported.rowCount());
        assertEquals(28, states.rowCount(), "one row per discharge cycle");
        double[] mine = states.doubles("capacity");
        double[] nasa = reported.doubles("capacity");
        double[] myCycles = states.doubles("cycle");
        double[] nasaCycles = reported.doubles("cycle");
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int i = 0; i < 28; i++) {
            assertEquals(nasaCycles[i], myCycles[i], 0);
            double rel = mine[i] / nasa[i] - 1;
            lo = Math.min(lo, rel);
            hi = Math.max(hi, rel);
        }
        System.out.printf("B0025: integrated discharge charge exceeds NASA's Capacity by %.2f–%.2f %%%n", 100 * lo,
                100 * hi);
        // NASA's Capacity stops short of the whole discharge (by 1.7–2.9 %, whichever rectangle or trapezoid
        // rule integrates the 10 s samples); the fade it shows is the same
        assertTrue(lo > 0.01 && hi < 0.035, "integrated/reported − 1 within [" + lo + ", " + hi + "]");
        assertEquals(nasa[27] / nasa[0], mine[27] / mine[0], 0.01, "fade over the test");
        assertEquals(1.0, states.doubles("soh")[0], 0);
        double[] r = states.doubles("resistance");
        double[] growth = states.doubles("resistance_growth");
        double rMin = Double.MAX_VALUE;
        double rMax = 0;
        for (double v : r) {
            rMin = Math.min(rMin, v);
            rMax = Math.max(rMax, v);
        }
        System.out.printf("B0025 10 s step resistance: %.4f Ω first, %.4f Ω last (growth %.3f), range %.4f–%.4f Ω%n",
                r[0], r[27], growth[27], rMin, rMax);
        // the 10 s step holds R0 (EIS Re of B0025 is 0.048–0.051 Ω) plus ten seconds of polarization
        assertTrue(rMin > 0.05 && rMax < 0.3, "step resistances between " + rMin + " and " + rMax + " Ω");
        double[] trend = states.doubles("soh_trend");
        assertTrue(trend[27] < trend[0], "SOH trend falls over the test");
    }

    @Test
    void perCycleTableSkipsRowsWithoutCapacity() throws Exception {
        NasaCellReader.Cell cell = new NasaCellReader().read(TestData.folder("nasa-pcoe").resolve("B0029.mat"),
                Set.of(), ProgressMonitor.none());
        assertEquals(97, cell.cycles().rowCount());
        Table s = new SohEstimator().estimate(cell.cycles(), Parameters.of(Map.of("nominalCapacity", 2.0)),
                ProgressMonitor.none());
        assertEquals(40, s.rowCount());
        double[] soh = s.doubles("soh");
        assertEquals(cell.cycles().doubles("capacity")[firstDischarge(cell.cycles())] / 2.0, soh[0], 1e-15);
        assertTrue(Double.isNaN(s.doubles("resistance")[0]), "a per-cycle table carries no step resistance");
    }

    @Test
    void loessTrendOfAStraightLineIsTheLine() {
        double[] k = new double[50];
        double[] c = new double[50];
        for (int i = 0; i < 50; i++) {
            k[i] = i + 1;
            c[i] = 2.0 - 0.004 * i;
        }
        SohTrack t = SohTrack.of(k, c, 2.0, 7);
        for (int i = 0; i < 50; i++) {
            assertEquals(c[i] / 2.0, t.trend()[i], 1e-12);
        }
    }

    @Test
    void tableWithoutCapacityOrTimeSeriesColumnsIsADataError() {
        Table t = new Table("bad", List.of(new DoubleColumn("x", "", new double[] { 1, 2 })));
        DataException e = assertThrows(DataException.class,
                () -> new SohEstimator().estimate(t, Parameters.of(Map.of()), ProgressMonitor.none()));
        assertTrue(e.getMessage().contains("time"), e.getMessage());
    }

    private static int firstDischarge(Table cycles) {
        for (int i = 0; i < cycles.rowCount(); i++) {
            if (cycles.column("type").format(i).equals("discharge")) {
                return i;
            }
        }
        return -1;
    }
}

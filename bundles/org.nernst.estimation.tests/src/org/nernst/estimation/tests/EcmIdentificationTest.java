package org.nernst.estimation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.nernst.core.table.Table;
import org.nernst.twin.ecm.EcmIdentification;
import org.nernst.twin.ecm.EcmParameterTable;
import org.nernst.twin.ecm.EcmParameters;
import org.nernst.twin.ecm.EquivalentCircuitModel;
import org.nernst.twin.ecm.OcvExtraction;

/** ECM identification on the Panasonic 18650PF HPPC tests, validated on the drive cycles. */
class EcmIdentificationTest {

    @Test
    void hppcRestsGiveOneOcvPointPerPulseSetFromFullToEmpty() {
        Table h = Panasonic.read(Panasonic.files("25degC", "*HPPC*").get(0));
        OcvExtraction.OcvPoints rests = OcvExtraction.restedPoints(h.doubles("test_time"), h.doubles("current"),
                h.doubles("voltage"), h.doubles("ah"), 100);
        // 100, 95, 90, 80 … 30, 25, 20, 15, 10, 5, 0 % of 2.9 Ah, then the rest at the end of the file
        assertEquals(15, rests.size());
        assertEquals(0.0, rests.depthAh()[0], 1e-9);
        assertEquals(4.17497, rests.voltage()[0], 1e-4);
        assertEquals(0.145, rests.depthAh()[1], 1e-3);
        for (int k = 1; k < rests.size(); k++) {
            assertTrue(rests.voltage()[k] < rests.voltage()[k - 1], "OCV falls with depth at point " + k);
        }
    }

    @Test
    void pulseFitsReproduceEachPulseSetWithBoundedParametersAndIntervals() {
        for (String temp : Panasonic.TEMPERATURES) {
            var m = Panasonic.model(temp);
            var b = EcmIdentification.Bounds.defaults().forPairs(2);
            System.out.printf(Locale.ROOT, "%n%s HPPC fits (capacity %.4f Ah)%n%-8s %8s %26s %26s %22s %26s %22s%n", temp,
                    m.capacity(), "soc", "rmse mV", "R0 mΩ [95 % CI]", "R1 mΩ [95 % CI]", "τ1 s [CI]", "R2 mΩ [95 % CI]", "τ2 s [CI]");
            for (EcmIdentification.Fit f : m.fits()) {
                System.out.printf(Locale.ROOT, "%-8.3f %8.2f %26s %26s %22s %26s %22s%n", f.soc(), f.rmse() * 1e3,
                        ci(f.r0(), 1e3), ci(f.r()[0], 1e3), ci(f.tau()[0], 1), ci(f.r()[1], 1e3), ci(f.tau()[1], 1));
                for (int q = 0; q < 2; q++) {
                    // inside the bounds up to rounding of exp(log(bound))
                    assertTrue(f.r()[q].value() >= b.rMin() * (1 - 1e-9) && f.r()[q].value() <= b.rMax() * (1 + 1e-9),
                            "R" + (q + 1) + " " + f.r()[q].value());
                    assertTrue(f.tau()[q].value() >= b.tauMin()[q] * (1 - 1e-9)
                            && f.tau()[q].value() <= b.tauMax()[q] * (1 + 1e-9), "tau" + (q + 1) + " " + f.tau()[q].value());
                }
                assertTrue(f.r0().low() <= f.r0().value() && f.r0().value() <= f.r0().high(), "R0 interval " + f.r0());
                if (f.soc() > 0.15 && f.soc() < 0.9 && Panasonic.degrees(temp) >= 10) {
                    assertTrue(f.rmse() < 0.010, temp + " set at SOC " + f.soc() + ": " + f.rmse());
                }
            }
            assertEquals(Panasonic.degrees(temp) == 25 ? 14 : Panasonic.degrees(temp) == 10 ? 13 : 12, m.fits().size());
        }
        // resistance rises as the cell gets colder (mid-SOC R0)
        double r25 = Panasonic.model("25degC").parameters().r0().value(0.5, 25);
        double r10 = Panasonic.model("10degC").parameters().r0().value(0.5, 10);
        double r0 = Panasonic.model("0degC").parameters().r0().value(0.5, 0);
        assertTrue(r25 < r10 && r10 < r0, r25 + " " + r10 + " " + r0);
    }

    private static String ci(EcmIdentification.Estimate e, double scale) {
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", e.value() * scale, e.low() * scale, e.high() * scale);
    }

    @Test
    void theParameterTableRoundTripsTheIdentifiedModel() throws Exception {
        var m = Panasonic.model("25degC");
        Table t = EcmParameterTable.toTable("ecm", 25, m.parameters(), m.fits());
        assertEquals(List.of("name", "soc", "temperature", "value", "ci_low", "ci_high", "unit"), t.columnNames());
        // capacity, min/max voltage, 116 OCV points, 14 breakpoints × (r0, r1, tau1, r2, tau2)
        assertEquals(3 + 116 + 14 * 5, t.rowCount());
        EcmParameters back = EcmParameterTable.fromTable(t, 25);
        assertEquals(m.capacity(), back.capacityAh(), 1e-12);
        for (double s = 0.05; s < 1; s += 0.1) {
            assertEquals(m.parameters().r0().value(s, 25), back.r0().value(s, 25), 1e-12);
            assertEquals(m.parameters().tau()[1].value(s, 25), back.tau()[1].value(s, 25), 1e-9);
            assertEquals(m.parameters().ocv().voltage(s, 25), back.ocv().voltage(s, 25), 1e-12);
        }
    }

    @Test
    void stackedTemperaturesGiveSocByTemperatureTables() throws Exception {
        List<Table> parts = new ArrayList<>();
        for (String temp : Panasonic.TEMPERATURES) {
            var m = Panasonic.model(temp);
            parts.add(EcmParameterTable.toTable("ecm", m.temperature(), m.parameters(), m.fits()));
        }
        Table all = Table.concat("ecm", parts);
        var m10 = Panasonic.model("10degC");
        var m0 = Panasonic.model("0degC");
        EcmParameters at10 = EcmParameterTable.fromTable(all, 10);
        assertEquals(m10.capacity(), at10.capacityAh(), 1e-12);
        assertEquals((m10.capacity() + Panasonic.model("25degC").capacity()) / 2,
                EcmParameterTable.fromTable(all, 17.5).capacityAh(), 1e-12);
        // the tables share the 0 °C breakpoints; at them every temperature's own table is reproduced
        for (EcmIdentification.Fit f : m0.fits()) {
            {
                double s = f.soc();
                assertEquals(m10.parameters().r0().value(s, 10), at10.r0().value(s, 10), 1e-12);
                assertEquals(m0.parameters().r()[0].value(s, 0), at10.r()[0].value(s, 0), 1e-12);
                assertEquals(m10.parameters().ocv().voltage(s, 10), at10.ocv().voltage(s, 10), 1e-12);
            }
        }
        double mid = at10.r0().value(0.5, 5);
        assertEquals((m0.parameters().r0().value(0.5, 0) + at10.r0().value(0.5, 10)) / 2, mid, 1e-12,
                "linear in temperature between the tables");
    }

    /** Voltage RMSE of the HPPC-identified ECM on every drive cycle (none was used for fitting). */
    @Test
    void hppcModelReproducesTheDriveCyclesItWasNotFittedOn() {
        List<Double> rmse25 = new ArrayList<>();
        List<Double> full25 = new ArrayList<>();
        for (String temp : Panasonic.TEMPERATURES) {
            var m = Panasonic.model(temp);
            System.out.printf(Locale.ROOT, "%n%s drive cycles, ECM (2 RC, fitted on HPPC) voltage error; capacity %.4f Ah%n"
                    + "%-14s %8s %12s %16s %10s%n", temp, m.capacity(), "cycle", "samples", "RMSE mV", "RMSE mV soc>10%", "max mV");
            for (Path f : Panasonic.driveCycles(temp)) {
                Table d = Panasonic.read(f);
                double[] e = errors(m.parameters(), m.temperature(), d);
                double[] ah = d.doubles("ah");
                double all = 0;
                double mid = 0;
                int nMid = 0;
                double max = 0;
                for (int k = 0; k < e.length; k++) {
                    all += e[k] * e[k];
                    max = Math.max(max, Math.abs(e[k]));
                    if (1 + ah[k] / m.capacity() > 0.1) {
                        mid += e[k] * e[k];
                        nMid++;
                    }
                }
                double rAll = Math.sqrt(all / e.length);
                double rMid = Math.sqrt(mid / nMid);
                System.out.printf(Locale.ROOT, "%-14s %8d %12.2f %16.2f %10.0f%n", Panasonic.cycleName(f), e.length,
                        rAll * 1e3, rMid * 1e3, max * 1e3);
                if (m.temperature() == 25) {
                    rmse25.add(rMid);
                    full25.add(rAll);
                    assertTrue(rMid < 0.030, Panasonic.cycleName(f) + " " + rMid);
                }
                if (m.temperature() == 10) {
                    assertTrue(rMid < 0.040, Panasonic.cycleName(f) + " " + rMid);
                }
            }
        }
        assertEquals(9, rmse25.size());
        // target < 20 mV at 25 °C: met above 10 % SOC on 8 of 9 cycles (US06 ≈ 28 mV); over the whole cycle, down
        // to 2.5 V, on 4 of 9 (the cycles that go deepest miss the knee of the aged cell)
        assertEquals(8, rmse25.stream().filter(r -> r < 0.020).count());
        assertEquals(4, full25.stream().filter(r -> r < 0.020).count());
    }

    /** The drive-cycle option: one constant set (R0 included) fitted to the 25 °C NN cycle, tried on the others. */
    @Test
    void aDriveCycleFitReproducesTheOtherCycles() {
        var m = Panasonic.model("25degC");
        Path nn = Panasonic.driveCycles("25degC").stream().filter(p -> p.getFileName().toString().contains("_NN_"))
                .findFirst().orElseThrow();
        Table d = Panasonic.read(nn);
        EcmIdentification.Segment seg = EcmIdentification.wholeTest("NN", d.doubles("test_time"), d.doubles("current"),
                d.doubles("voltage"), d.doubles("ah"), m.ocv());
        EcmIdentification.Fit fit = new EcmIdentification(2, EcmIdentification.Bounds.defaults(), true).fit(seg);
        System.out.printf(Locale.ROOT, "%n25degC drive-cycle fit on NN: RMSE %.2f mV, R0 %s mΩ, R1 %s mΩ, τ1 %s s, R2 %s mΩ, "
                + "τ2 %s s%n", fit.rmse() * 1e3, ci(fit.r0(), 1e3), ci(fit.r()[0], 1e3), ci(fit.tau()[0], 1),
                ci(fit.r()[1], 1e3), ci(fit.tau()[1], 1));
        assertTrue(fit.rmse() < 0.020, "fit RMSE " + fit.rmse());
        assertTrue(fit.r0().low() < fit.r0().value() && fit.r0().value() < fit.r0().high(), "finite R0 interval");
        EcmParameters p = EcmIdentification.parameters(List.of(fit), m.ocv(), m.capacity(), 2.5, 4.2);
        for (Path f : Panasonic.driveCycles("25degC")) {
            if (f.equals(nn)) {
                continue;
            }
            Table c = Panasonic.read(f);
            double[] e = errors(p, 25, c);
            double[] ah = c.doubles("ah");
            double all = 0;
            double mid = 0;
            int nMid = 0;
            for (int k = 0; k < e.length; k++) {
                all += e[k] * e[k];
                if (1 + ah[k] / m.capacity() > 0.1) {
                    mid += e[k] * e[k];
                    nMid++;
                }
            }
            System.out.printf(Locale.ROOT, "  %-14s RMSE %6.2f mV, above 10 %% SOC %6.2f mV%n", Panasonic.cycleName(f),
                    Math.sqrt(all / e.length) * 1e3, Math.sqrt(mid / nMid) * 1e3);
            assertTrue(Math.sqrt(mid / nMid) < 0.030, Panasonic.cycleName(f));
        }
    }

    static double[] errors(EcmParameters p, double temperature, Table d) {
        EquivalentCircuitModel model = new EquivalentCircuitModel(p, temperature);
        double[] t = d.doubles("test_time");
        double[] i = d.doubles("current");
        double[] v = d.doubles("voltage");
        double[] e = new double[t.length];
        double[] y = model.initialState(1.0, temperature);
        for (int k = 0; k < t.length; k++) {
            e[k] = model.voltage(y, -i[k]) - v[k];
            if (k + 1 < t.length) {
                model.advance(y, -i[k], temperature, t[k + 1] - t[k]);
            }
        }
        return e;
    }
}

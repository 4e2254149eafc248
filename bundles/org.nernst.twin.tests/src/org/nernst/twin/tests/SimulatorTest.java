package org.nernst.twin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.twin.ecm.EcmParameters;
import org.nernst.twin.ecm.EquivalentCircuitModel;
import org.nernst.twin.ecm.OcvCurve;
import org.nernst.twin.experiment.ExperimentParser;
import org.nernst.twin.sim.CellModelTwin;
import org.nernst.twin.sim.DriveCycle;
import org.nernst.twin.sim.Simulation;
import org.nernst.twin.sim.Simulator;
import org.nernst.twin.sim.Simulator.Options;

class SimulatorTest {
    /** A 2 Ah cell, linear OCV 3.0 → 4.2 V, R0 = 20 mΩ, one RC pair (10 mΩ, 30 s), cut-offs 3.0 and 4.25 V. */
    static final EquivalentCircuitModel CELL = new EquivalentCircuitModel(EcmParameters.simple(2.0,
            new OcvCurve(new double[] {0, 1}, new double[] {3.0, 4.2}), 0.02, new double[] {0.01},
            new double[] {30}, 3.0, 4.25));

    static Table run(String experiment, Options options) throws DataException {
        return Simulator.run(CELL, ExperimentParser.parse(experiment), options, null, ProgressMonitor.none()).table();
    }

    static long[] longs(Table t, String column) {
        org.nernst.core.table.LongColumn c = (org.nernst.core.table.LongColumn) t.column(column);
        long[] out = new long[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.get(i);
        }
        return out;
    }

    static double last(Table t, String column) {
        double[] v = t.doubles(column);
        return v[v.length - 1];
    }

    @Test
    void constantCurrentDischargeEndsExactlyAtTheCutOffInsideAStep() throws DataException {
        Table t = run("Discharge at 1C until 3.1234 V", Options.defaults());
        assertEquals(3.1234, last(t, "voltage"), 1e-7);
        double end = last(t, "test_time");
        assertTrue(Math.abs(end - Math.rint(end)) > 1e-6, "the end lies between two 1 s samples: " + end);
        // independent check: V(t) = OCV(1 - I t / 3600 Q) - I R0 - I R1 (1 - exp(-t/τ)) crosses 3.1 V at `end`
        double v = 3.0 + 1.2 * (1 - 2.0 * end / 7200) - 2.0 * 0.02 - 2.0 * 0.01 * (1 - Math.exp(-end / 30));
        assertEquals(3.1234, v, 1e-7);
        assertEquals(2.0 * end / 3600, last(t, "discharge_capacity"), 1e-9);
        assertEquals(-2.0, last(t, "current"), 0, "tables carry + = charge");
    }

    @Test
    void constantVoltageHoldStaysOnTargetAndEndsAtItsCurrentLimit() throws DataException {
        Table t = run("Charge at 1C until 4.1 V\nHold at 4.1 V until C/20", Options.defaults().withInitialSoc(0.3));
        double[] v = t.doubles("voltage");
        double[] i = t.doubles("current");
        long[] step = longs(t, "step");
        int holdSamples = 0;
        double previous = Double.MAX_VALUE;
        for (int k = 0; k < v.length; k++) {
            if (step[k] == 2) {
                holdSamples++;
                assertEquals(4.1, v[k], 1e-9, "sample " + k);
                assertTrue(i[k] > 0 && i[k] <= previous + 1e-12, "charge current decays monotonically");
                previous = i[k];
            }
        }
        assertTrue(holdSamples > 10, "the hold lasts: " + holdSamples);
        assertEquals(0.1, last(t, "current"), 0.1 * 0.02, "ends at C/20 = 0.1 A");
    }

    @Test
    void constantPowerIsHeldEverySample() throws DataException {
        Table t = run("Discharge at 5 W for 10 minutes", Options.defaults());
        double[] v = t.doubles("voltage");
        double[] i = t.doubles("current");
        for (int k = 1; k < v.length; k++) {
            assertEquals(-5.0, i[k] * v[k], 1e-6, "sample " + k);
        }
        assertEquals(600.0, last(t, "test_time"), 1e-9);
    }

    @Test
    void anInfeasibleStepFailsWithItsLineOrStopsKeepingTheResult() throws DataException {
        DataException e = assertThrows(DataException.class,
                () -> run("Rest for 1 minute\nCharge at 1C until 4.1 V", Options.defaults()));
        assertEquals("line 2", e.location());
        assertTrue(e.getMessage().contains("'Charge at 1C until 4.1 V' is infeasible: the voltage is already"), e.getMessage());
        Simulation s = Simulator.run(CELL, ExperimentParser.parse("Rest for 1 minute\nCharge at 1C until 4.1 V"),
                Options.defaults().stoppingOnInfeasible(true), null, ProgressMonitor.none());
        assertEquals(61, s.table().rowCount(), "the rest was kept");
        assertTrue(s.stoppedEarly().orElseThrow().startsWith("line 2"));
    }

    @Test
    void reachingTheCellsCutOffBeforeTheStepsOwnEndIsInfeasible() {
        DataException e = assertThrows(DataException.class, () -> run("Discharge at 1C for 2 hours", Options.defaults()));
        assertTrue(e.getMessage().contains("lower cut-off 3.0000 V after 3420.0 s of the step"), e.getMessage());
        DataException hold = assertThrows(DataException.class,
                () -> run("Hold at 4.2 V for 1 hour", Options.defaults().withInitialSoc(0.1)));
        assertTrue(hold.getMessage().contains("above the 40.0 A (20.0C)"), hold.getMessage());
    }

    @Test
    void aPlainDischargeRunsToTheCutOff() throws DataException {
        Table t = run("Discharge at 1C", Options.defaults());
        assertEquals(3.0, last(t, "voltage"), 1e-7);
    }

    @Test
    void repeatedCyclesAreNumberedAndTheirCapacitiesReset() throws DataException {
        Table t = run("Rest for 1 minute\nRepeat 3 times:\n  Discharge at 1C until 3.2 V\n  Charge at 1C until 4.0 V",
                Options.defaults());
        long[] cycle = longs(t, "cycle");
        assertEquals(1, cycle[0]);
        assertEquals(4, cycle[cycle.length - 1], "the rest is cycle 1, then one cycle per repetition");
        double[] qd = t.doubles("discharge_capacity");
        double[] qc = t.doubles("charge_capacity");
        for (int k = 1; k < cycle.length; k++) {
            if (cycle[k] != cycle[k - 1]) {
                assertTrue(qd[k] <= 2.0 / 3600 + 1e-12, "discharge capacity restarts with the cycle");
            }
        }
        assertTrue(last(t, "charge_capacity") > 0.5 && Math.abs(qc[qc.length - 1] - qd[qd.length - 1]) < 0.25);
    }

    @Test
    void aDriveCycleFileIsReplayedWithItsSignConvention(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pulses.csv"), "time,current\n0,-4\n10,0\n20,2\n30,0\n");
        Simulator.DriveCycles cycles = CellModelTwin.driveCycles(org.nernst.core.node.Parameters.of(
                java.util.Map.of("driveCycles", dir.toString())), ProgressMonitor.none());
        Table t = Simulator.run(CELL, ExperimentParser.parse("Run drive cycle pulses.csv\nRest for 5 s"),
                Options.defaults().withInitialSoc(0.5), cycles, ProgressMonitor.none()).table();
        // 10 s at 4 A discharge, 10 s at 2 A charge, 10 s rest (the last sample holds 0), then 5 s rest
        assertEquals(35.0, last(t, "test_time"), 1e-9);
        assertEquals(0.5 - (4 * 10 - 2 * 10) / 7200.0, last(t, "soc"), 1e-12);
        assertEquals(4 * 10 / 3600.0, last(t, "discharge_capacity"), 1e-12);
        DataException missing = assertThrows(DataException.class, () -> Simulator.run(CELL,
                ExperimentParser.parse("Rest for 1 s\nRun nowhere.csv"), Options.defaults(), cycles, ProgressMonitor.none()));
        assertEquals("line 2", missing.location());
    }

    @Test
    void replayingASimulationAsALogReproducesItSampleForSample() throws DataException {
        Table first = run("Discharge at 1C for 10 minutes\nRest for 5 minutes\nCharge at 0.5C for 7 minutes", Options.defaults());
        Table again = Simulator.replay(CELL, DriveCycle.log(first, "first run"), Options.defaults(), ProgressMonitor.none())
                .table();
        assertEquals(first.rowCount(), again.rowCount());
        double[] a = first.doubles("voltage");
        double[] b = again.doubles("voltage");
        for (int k = 0; k < a.length; k++) {
            assertEquals(a[k], b[k], 1e-12, "sample " + k);
        }
    }

    @Test
    void aMeasuredTimeSeriesIsReplayedSampleBySample() throws DataException {
        Table profile = new Table("profile", List.of(
                new DoubleColumn("test_time", "s", Role.TIME, new double[] {0, 0.5, 1.5, 3.0}),
                new DoubleColumn("current", "A", Role.NONE, new double[] {-1, -3, 0, 0})));
        Table t = Simulator.replay(CELL, DriveCycle.of(profile, "profile"), Options.defaults(), ProgressMonitor.none()).table();
        assertEquals(5, t.rowCount(), "0, 0.5, 1.5, then the 1.5 s interval in steps of at most 1 s: 2.5, 3.0");
        assertEquals(1.0 - (0.5 * 1 + 1.0 * 3) / 7200, last(t, "soc"), 1e-12);
        DataException e = assertThrows(DataException.class, () -> DriveCycle.of(new Table("bad", List.of(
                new DoubleColumn("time", "s", Role.TIME, new double[] {0, 2, 1}),
                new DoubleColumn("current", "A", Role.NONE, new double[] {0, 0, 0}))), "bad.csv"));
        assertEquals("row 3, column time", e.location());
    }
}

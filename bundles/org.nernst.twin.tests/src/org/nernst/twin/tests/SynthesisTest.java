package org.nernst.twin.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nernst.core.exec.CancelToken;
import org.nernst.core.exec.ExecutionListener;
import org.nernst.core.exec.RunResult;
import org.nernst.core.exec.WorkflowExecutor;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.Column;
import org.nernst.core.table.Table;
import org.nernst.core.workflow.PortRef;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowNode;
import org.nernst.twin.ecm.EcmParameters;
import org.nernst.twin.ecm.OcvCurve;
import org.nernst.twin.experiment.ExperimentParser;
import org.nernst.twin.sim.Simulator.Options;
import org.nernst.twin.synthesis.Fault;
import org.nernst.twin.synthesis.Population;
import org.nernst.twin.synthesis.PopulationSynthesizer;
import org.nernst.twin.synthesis.PopulationSynthesizer.Result;

class SynthesisTest {
    static final EcmParameters CELL = EcmParameters.simple(2.0,
            new OcvCurve(new double[] {0, 0.1, 0.9, 1}, new double[] {3.0, 3.45, 4.0, 4.2}), 0.02,
            new double[] {0.01}, new double[] {30}, 2.8, 4.25);
    static final String CYCLE = "Discharge at 1C until 3.0 V\nRest for 20 minutes\nCharge at 1C until 4.1 V\nRest for 20 minutes";

    static Population healthy(int n, double voltageNoise) {
        return new Population(n, 0.02, 0.05, 0, 500, 0.1, 0.3, voltageNoise, 0.0, 0.0, 0.0,
                new double[Fault.values().length], 0, 0, 20, 0);
    }

    static Population only(Fault f, double onset) {
        double[] fr = new double[Fault.values().length];
        fr[f.ordinal()] = 1.0;
        return new Population(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, fr, onset, onset, 5, 0.02);
    }

    static Result synth(String experiment, Population pop, long seed, double initialSoc) throws DataException {
        return PopulationSynthesizer.synthesize(CELL, 25, ExperimentParser.parse(experiment), null,
                Options.defaults().withInitialSoc(initialSoc).withPeriod(5).withMaxStepSeconds(4 * 3600), pop, seed, null,
                ProgressMonitor.none());
    }

    static double[] col(Table t, String name) {
        return t.doubles(name);
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() throws DataException {
        Result a = synth(CYCLE, healthy(12, 0.002), 7, 1.0);
        Result b = synth(CYCLE, healthy(12, 0.002), 7, 1.0);
        Result c = synth(CYCLE, healthy(12, 0.002), 8, 1.0);
        assertArrayEquals(col(a.samples(), "voltage"), col(b.samples(), "voltage"));
        assertArrayEquals(col(a.cells(), "capacity"), col(b.cells(), "capacity"));
        assertFalse(java.util.Arrays.equals(col(a.cells(), "capacity"), col(c.cells(), "capacity")));
        assertEquals(12, a.cells().rowCount());
        assertEquals(a.samples().rowCount(), java.util.Arrays.stream(((org.nernst.core.table.LongColumn) a.cells()
                .column("samples")).size() == 12 ? sampleCounts(a.cells()) : new long[0]).sum());
    }

    static long[] sampleCounts(Table cells) {
        Column c = cells.column("samples");
        long[] out = new long[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (long) c.asDouble(i);
        }
        return out;
    }

    @Test
    void spreadAndAgeingShowInTheCellsTable() throws DataException {
        Result r = synth("Rest for 1 minute", healthy(400, 0), 3, 1.0);
        double[] cap = col(r.cells(), "capacity");
        double[] age = col(r.cells(), "age");
        double mean = java.util.Arrays.stream(cap).average().orElseThrow();
        // expected mean: 2.0 × (1 − 0.1 × mean age 250 / 1000) = 1.95; spread 2 % + fade range ±2.5 %
        assertEquals(1.95, mean, 0.01);
        double cov = 0;
        double ma = java.util.Arrays.stream(age).average().orElseThrow();
        for (int i = 0; i < cap.length; i++) {
            cov += (cap[i] - mean) * (age[i] - ma);
        }
        assertTrue(cov < 0, "older cells have less capacity");
    }

    @Test
    void faultCountsAreExactAndLabelled() throws DataException {
        double[] fr = new double[Fault.values().length];
        fr[Fault.INTERNAL_SHORT.ordinal()] = 0.25;
        fr[Fault.SENSOR_DRIFT.ordinal()] = 0.1;
        Population pop = new Population(20, 0.02, 0.05, 0, 0, 0, 0, 0.001, 0.001, 0.1, 0.001, fr, 600, 1200, 20, 0.01);
        Result r = synth(CYCLE, pop, 11, 1.0);
        Map<String, Integer> counts = new HashMap<>();
        Column f = r.cells().column("fault");
        for (int i = 0; i < f.size(); i++) {
            counts.merge(f.format(i), 1, Integer::sum);
        }
        assertEquals(Map.of("none", 13, "internal_short", 5, "sensor_drift", 2), counts);
        double[] active = col(r.samples(), "fault_active");
        double[] t = col(r.samples(), "test_time");
        Column fs = r.samples().column("fault");
        for (int k = 0; k < active.length; k++) {
            if (fs.format(k).equals("none")) {
                assertEquals(0, active[k]);
            } else if (t[k] > 1200) {
                assertEquals(1, active[k], "every fault has started by 1200 s");
            }
        }
    }

    @Test
    void anInternalShortDrainsTheCellDuringARestWhileTheCyclerSeesNoCurrent() throws DataException {
        String rest = "Rest for 2 hours";
        Table shorted = synth(rest, only(Fault.INTERNAL_SHORT, 600), 1, 0.8).samples();
        Table healthy = synth(rest, only(Fault.NONE, 600), 1, 0.8).samples();
        double[] soc = col(shorted, "soc_true");
        double[] v = col(shorted, "voltage");
        double[] i = col(shorted, "current");
        int last = soc.length - 1;
        // ~3.9 V across 5 Ω drains ~0.78 A for 6600 s ≈ 1.43 Ah of a 2 Ah cell
        assertTrue(soc[last] < 0.8 - 0.5, "SOC fell to " + soc[last]);
        assertTrue(v[last] < col(healthy, "voltage")[last] - 0.2, "the voltage sags");
        for (double x : i) {
            assertEquals(0.0, x, 0.0, "the cycler sees no current");
        }
        assertEquals(0.8, col(healthy, "soc_true")[last], 1e-12);
    }

    @Test
    void anOpenCircuitCutsTheCurrentAndTheVoltageRelaxesToOpenCircuit() throws DataException {
        Result r = synth("Discharge at 1C until 3.0 V", only(Fault.OPEN_CIRCUIT, 900), 1, 1.0);
        Table s = r.samples();
        double[] t = col(s, "test_time");
        double[] i = col(s, "current");
        double[] v = col(s, "voltage");
        double[] soc = col(s, "soc_true");
        int k = s.rowCount() - 1;
        assertEquals(0.0, i[k], 0.0);
        assertEquals(1.0 - 900.0 / 3600, soc[k], 1e-9, "no charge left the cell after the onset");
        assertEquals(4.0 + (0.75 - 0.9) / 0.8 * 0.55, v[k], 1e-3, "open-circuit voltage at the frozen SOC");
        assertTrue(t[k] > 3 * 3600, "the discharge never reached 3.0 V and ran to the step limit");
        assertNotEquals("", r.cells().column("stopped").format(0));
    }

    @Test
    void aDriftingSensorReadsHighByTheRateTimesTheTimeSinceOnset() throws DataException {
        Table s = synth("Rest for 2 hours", only(Fault.SENSOR_DRIFT, 600), 1, 0.5).samples();
        double[] v = col(s, "voltage");
        double[] t = col(s, "test_time");
        int k = v.length - 1;
        double ocv = 3.45 + (0.5 - 0.1) / 0.8 * 0.55;
        assertEquals(ocv + 0.02 * (t[k] - 600) / 3600, v[k], 1e-9);
        assertEquals(ocv, v[10], 1e-9, "before the onset the reading is right");
    }

    @Test
    void platingShowsARelaxationPlateauAndLosesCapacity() throws DataException {
        // the same charge into both cells: 2C for 6 minutes from 75 % SOC, the last part above 70 % SOC plating
        String fast = "Charge at 2C for 6 minutes\nRest for 1 hour";
        Table plated = synth(fast, only(Fault.LITHIUM_PLATING, 0), 1, 0.75).samples();
        Table clean = synth(fast, only(Fault.NONE, 0), 1, 0.75).samples();
        double[] socP = col(plated, "soc_true");
        double[] socC = col(clean, "soc_true");
        assertEquals(0.95, socC[socC.length - 1], 1e-9);
        // the 1C (2 A) above the threshold plates for 360 s = 0.2 Ah; 30 % of it is lost for good = 0.06 Ah = 3 % SOC
        // (after the hour's rest e^-6 of the plated lithium has yet to strip: 2e-4 of SOC)
        assertEquals(0.95 - 0.03, socP[socP.length - 1], 5e-4, "plated lithium partly lost");
        // during the rest the clean cell relaxes and is flat after a few RC time constants; the plated cell's
        // voltage climbs as lithium strips back, then drops when the stripping overpotential fades: a hump
        double[] vP = col(plated, "voltage");
        double[] vC = col(clean, "voltage");
        double[] step = col(plated, "step");
        int rest = 0;
        while (step[rest] < 2) {
            rest++;
        }
        int early = rest + 180 / 5;
        int late = rest + 1200 / 5;
        assertEquals(vC[early], vC[late], 1e-3, "the clean cell is flat from 180 s (6 RC time constants) to 1200 s of rest");
        assertTrue(vP[late] - vP[early] > 0.01, "the plated cell's voltage climbs during the rest: "
                + vP[early] + " → " + vP[late]);
        assertTrue(vP[late] - vP[vP.length - 1] > 0.02, "then falls as the plateau fades");
    }

    @Test
    void voltageNoiseHasTheRequestedLevel() throws DataException {
        Table noisy = synth("Rest for 2 hours", healthy(1, 0.005), 5, 0.5).samples();
        Table clean = synth("Rest for 2 hours", healthy(1, 0.0), 5, 0.5).samples();
        double[] a = col(noisy, "voltage");
        double[] b = col(clean, "voltage");
        double ss = 0;
        for (int k = 0; k < a.length; k++) {
            ss += (a[k] - b[k]) * (a[k] - b[k]);
        }
        assertEquals(0.005, Math.sqrt(ss / a.length), 0.0005);
    }

    @Test
    void theNodeRunsInAWorkflow() throws Exception {
        Map<String, Object> p = new HashMap<>(TwinNodesTest.ecm());
        p.put("cells", 8L);
        p.put("internalShortFraction", 0.25);
        p.put("period", 10.0);
        Workflow wf = new Workflow("synth", "", 1, List.of(
                new WorkflowNode("exp", "org.nernst.twin.experiment", Map.of("steps", CYCLE), Map.of()),
                new WorkflowNode("pop", "org.nernst.twin.synthesize", p, Map.of("experiment", PortRef.parse("exp.experiment")))));
        RunResult r = new WorkflowExecutor(NodeRegistry.platform(), 2).run(wf, new ExecutionListener() {
        }, new CancelToken());
        Table cells = (Table) r.get("pop", "cells").orElseThrow().value();
        Table samples = (Table) r.get("pop", "samples").orElseThrow().value();
        assertEquals(8, cells.rowCount());
        assertTrue(samples.columnNames().containsAll(List.of("cell", "cycle", "step", "test_time", "current", "voltage",
                "charge_capacity", "discharge_capacity", "temperature", "soc_true", "fault", "fault_active")));
        int shorts = 0;
        for (int i = 0; i < 8; i++) {
            shorts += cells.column("fault").format(i).equals("internal_short") ? 1 : 0;
        }
        assertEquals(2, shorts);
    }
}

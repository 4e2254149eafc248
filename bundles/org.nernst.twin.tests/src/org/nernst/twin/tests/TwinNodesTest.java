package org.nernst.twin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nernst.core.exec.CancelToken;
import org.nernst.core.exec.ExecutionListener;
import org.nernst.core.exec.NodeExecutionException;
import org.nernst.core.exec.RunResult;
import org.nernst.core.exec.WorkflowExecutor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.Table;
import org.nernst.core.workflow.PortRef;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowException;
import org.nernst.core.workflow.WorkflowNode;

/** The experiment node and the ECM twin through the real registry and executor, as a workflow runs them. */
class TwinNodesTest {
    static final String CCCV = """
            Rest for 10 minutes
            Repeat 2 times:
                Discharge at 1C until 3.0 V
                Rest for 30 minutes
                Charge at 0.5C until 4.1 V
                Hold at 4.1 V until C/20
            """;

    static Map<String, Object> ecm() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("capacity", 2.9);
        p.put("ocvSoc", List.of("0", "0.1", "0.5", "0.9", "1"));
        p.put("ocvVoltage", List.of("2.9", "3.45", "3.7", "4.05", "4.2"));
        p.put("r0", 0.025);
        p.put("rcResistances", List.of("0.01", "0.02"));
        p.put("rcTimeConstants", List.of("8", "150"));
        return p;
    }

    static RunResult run(String steps, Map<String, Object> twin) throws Exception {
        return run(steps, "org.nernst.twin.ecm", twin);
    }

    static RunResult run(String steps, String type, Map<String, Object> twin) throws Exception {
        Workflow wf = new Workflow("twin", "", 1, List.of(
                new WorkflowNode("exp", "org.nernst.twin.experiment", Map.of("steps", steps), Map.of()),
                new WorkflowNode("cell", type, twin, Map.of("experiment", PortRef.parse("exp.experiment")))));
        return new WorkflowExecutor(NodeRegistry.platform(), 2).run(wf, new ExecutionListener() {
        }, new CancelToken());
    }

    @Test
    void anExperimentRunsOnTheEquivalentCircuitTwin() throws Exception {
        Map<String, Object> p = ecm();
        p.put("initialSoc", 0.9);
        RunResult r = run(CCCV, p);
        Table sim = (Table) r.get("cell", "simulation").orElseThrow().value();
        assertTrue(sim.columnNames().containsAll(List.of("cycle", "step", "test_time", "current", "voltage",
                "charge_capacity", "discharge_capacity", "temperature", "soc", "v_rc1", "v_rc2")), sim.columnNames().toString());
        double[] v = sim.doubles("voltage");
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        assertEquals(3.0, min, 1e-7, "discharges end on their limit");
        assertEquals(4.1, max, 1e-7, "charges end on their limit and the hold keeps it");
        double[] step = sim.doubles("step");
        assertEquals(9, (int) step[step.length - 1], "1 rest + 2 × 4 steps");
        Table steps = (Table) r.get("exp", "experiment").orElseThrow().value();
        assertEquals(6, steps.rowCount());
        assertEquals("    Hold at 4.1 V until C/20", steps.column("instruction").format(5));
    }

    @Test
    void aBadExperimentIsRefusedBeforeAnythingRuns() {
        NodeRegistry reg = NodeRegistry.platform();
        WorkflowExecutor ex = new WorkflowExecutor(reg, 1);
        Workflow wf = new Workflow("bad", "", 1, List.of(new WorkflowNode("exp", "org.nernst.twin.experiment",
                Map.of("steps", "Rest for 1 hour\nCharge at lots until 4.2 V"), Map.of())));
        WorkflowException e = assertThrows(WorkflowException.class, () -> ex.check(wf));
        assertTrue(e.getMessage().contains("parameter 'steps': experiment: line 2, column 1"), e.getMessage());
    }

    @Test
    void badCircuitParametersAreRefusedBeforeAnythingRuns() {
        Map<String, Object> p = ecm();
        p.put("rcTimeConstants", List.of("8"));
        WorkflowExecutor ex = new WorkflowExecutor(NodeRegistry.platform(), 1);
        Workflow wf = new Workflow("bad", "", 1, List.of(
                new WorkflowNode("exp", "org.nernst.twin.experiment", Map.of("steps", "Rest for 1 s"), Map.of()),
                new WorkflowNode("cell", "org.nernst.twin.ecm", p, Map.of("experiment", PortRef.parse("exp.experiment")))));
        WorkflowException e = assertThrows(WorkflowException.class, () -> ex.check(wf));
        assertTrue(e.getMessage().contains("'rcResistances' and 'rcTimeConstants' need one value per RC pair"), e.getMessage());
    }

    @Test
    void anInfeasibleStepNamesItsLineOrStopsTheRunWhenAskedTo() throws Exception {
        NodeExecutionException e = assertThrows(NodeExecutionException.class,
                () -> run("Rest for 1 minute\nCharge at 1C until 4.1 V", ecm()));
        assertTrue(e.getCause().getMessage().contains("line 2: 'Charge at 1C until 4.1 V' is infeasible"),
                e.getCause().getMessage());
        Map<String, Object> stop = ecm();
        stop.put("onInfeasible", "stop");
        Table sim = (Table) run("Rest for 1 minute\nCharge at 1C until 4.1 V", stop).get("cell", "simulation")
                .orElseThrow().value();
        assertEquals(61, sim.rowCount());
    }

    @Test
    void everyTwinNodeIsDescribedCompletelyInTheRegistry() {
        NodeRegistry reg = NodeRegistry.platform();
        assertEquals(List.of(), reg.problems().stream().filter(p -> p.contains("org.nernst.twin")).toList());
        for (String id : List.of("org.nernst.twin.experiment", "org.nernst.twin.synthesize", "org.nernst.twin.ecm",
                "org.nernst.twin.surrogate", "org.nernst.twin.spm", "org.nernst.twin.spme")) {
            var d = reg.find(id).orElseThrow(() -> new AssertionError(id + " is not registered"));
            assertTrue(d.description().length() > 80, id);
            for (var p : d.parameters()) {
                assertTrue(!p.description().isBlank() && (p.defaultValue() != null || p.required()), id + " " + p.name());
            }
        }
        assertEquals(List.of("experiment", "training", "estimator"),
                reg.find("org.nernst.twin.surrogate").orElseThrow().inputs().stream().map(p -> p.name()).toList());
    }

    @Test
    void theSingleParticleTwinsRunACycleOfTheExperimentLanguage() throws Exception {
        String cycle = "Discharge at 1C until 2.5 V\nRest for 30 minutes\nCharge at 0.5C until 4.2 V\nHold at 4.2 V until C/20";
        for (String type : List.of("org.nernst.twin.spm", "org.nernst.twin.spme")) {
            Table sim = (Table) run(cycle, type, new LinkedHashMap<>(Map.of("period", 10.0))).get("cell", "simulation")
                    .orElseThrow().value();
            double[] qd = sim.doubles("discharge_capacity");
            double[] qc = sim.doubles("charge_capacity");
            double[] v = sim.doubles("voltage");
            double[] step = sim.doubles("step");
            double discharged = 0;
            for (int k = 0; k < v.length; k++) {
                discharged = Math.max(discharged, qd[k]);
                if (step[k] == 4) {
                    assertEquals(4.2, v[k], 1e-6, type + " holds 4.2 V");
                }
            }
            System.out.printf(java.util.Locale.ROOT, "%s: 1C discharge %.3f Ah, recharge %.3f Ah%n", type, discharged,
                    qc[qc.length - 1]);
            assertTrue(discharged > 4.3 && discharged < 5.1, type + " 1C capacity of the 5 Ah LG M50: " + discharged);
            assertEquals(discharged, qc[qc.length - 1], 0.05 * discharged, type + " charge returns what was taken");
        }
    }
}

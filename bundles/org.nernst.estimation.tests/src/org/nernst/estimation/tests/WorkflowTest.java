package org.nernst.estimation.tests;

import org.nernst.conformance.TestData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nernst.core.exec.CancelToken;
import org.nernst.core.exec.ExecutionListener;
import org.nernst.core.exec.RunResult;
import org.nernst.core.exec.WorkflowExecutor;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.NodeKind;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.Table;
import org.nernst.core.workflow.PortRef;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowNode;

/** The contributions as a workflow sees them: through the platform registry and the executor. */
class WorkflowTest {

    @Test
    void registryListsTheThreeStateEstimatorsWithTheirPorts() {
        NodeRegistry reg = NodeRegistry.platform();
        assertTrue(reg.problems().stream().noneMatch(p -> p.contains("org.nernst.estimation")), reg.problems().toString());
        for (String id : List.of("org.nernst.estimation.soh", "org.nernst.estimation.rul", "org.nernst.estimation.gru")) {
            NodeDescriptor d = reg.find(id).orElseThrow(() -> new AssertionError(id + " not registered"));
            assertEquals(NodeKind.STATE_ESTIMATOR, d.kind(), id);
            assertTrue(d.input("measurements").isPresent() && d.output("states").isPresent(), id);
        }
        assertTrue(reg.find("org.nernst.estimation.gru").orElseThrow().input("training").isPresent());
        assertEquals("particleFilter", reg.find("org.nernst.estimation.rul").orElseThrow().parameter("method")
                .orElseThrow().defaultValue());
    }

    /** NASA cells B0025 (28 discharges) and B0029 (40) → SOH per cell → RUL per cell from cycle 20. */
    @Test
    void nasaCellsThroughSohAndRulPerCell() throws Exception {
        Workflow w = new Workflow("health", "", 1, List.of(
                new WorkflowNode("cells", "org.nernst.data.nasaPcoe", Map.of("folder",
                        TestData.folder("nasa-pcoe").toString(), "cells", List.of("B0025", "B0029"), "series",
                        List.of("discharge")), Map.of()),
                new WorkflowNode("soh", "org.nernst.estimation.soh", Map.of(),
                        Map.of("measurements", PortRef.parse("cells.cycles"))),
                new WorkflowNode("rul", "org.nernst.estimation.rul", Map.of("particles", 300L, "threshold", 0.9),
                        Map.of("measurements", PortRef.parse("soh.states")))));
        RunResult r = new WorkflowExecutor(NodeRegistry.platform(), 2).run(w, new ExecutionListener() {
        }, new CancelToken());
        Table soh = r.value("soh", "states", Table.class);
        assertEquals(28 + 40, soh.rowCount());
        assertEquals("cell", soh.columnNames().get(0));
        assertEquals("B0025", soh.column("cell").format(0));
        assertEquals("B0029", soh.column("cell").format(28));
        assertEquals(1.0, soh.doubles("soh")[0], 0);
        assertEquals(1.0, soh.doubles("soh")[28], 0);
        Table rul = r.value("rul", "states", Table.class);
        assertEquals((28 - 19) + (40 - 19), rul.rowCount(), "one prediction per cycle from the 20th of each cell");
        assertEquals("B0029", rul.column("cell").format(rul.rowCount() - 1));
    }
}

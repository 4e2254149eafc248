package org.nernst.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.workflow.PortRef;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowNode;
import org.nernst.core.workflow.WorkflowValidator;

class WorkflowValidatorTest {
    private final WorkflowValidator validator = new WorkflowValidator(NodeRegistry.platform());

    private static Workflow wf(WorkflowNode... nodes) {
        return new Workflow("t", "", 1, List.of(nodes));
    }

    private static WorkflowNode source(String id) {
        return new WorkflowNode(id, "test.source", Map.of("factor", 1.0), Map.of());
    }

    private List<String> problems(Workflow wf) {
        return validator.problems(wf);
    }

    @Test
    void validWorkflowHasNoProblems() {
        assertEquals(List.of(), problems(WorkflowJsonTest.small()));
    }

    @Test
    void unknownNodeType() {
        List<String> p = problems(wf(new WorkflowNode("x", "no.such.type", Map.of(), Map.of())));
        assertEquals(List.of("node 'x': unknown node type 'no.such.type' (no installed bundle contributes it; "
                + "'nernst list' shows the installed nodes)"), p);
    }

    @Test
    void cycle() {
        WorkflowNode a = new WorkflowNode("a", "test.rendezvous", Map.of(), Map.of("table", PortRef.parse("b.table")));
        WorkflowNode b = new WorkflowNode("b", "test.rendezvous", Map.of(), Map.of("table", PortRef.parse("a.table")));
        List<String> p = problems(wf(a, b));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("the workflow has a cycle: "), p.get(0));
        assertTrue(p.get(0).contains("a") && p.get(0).contains("b"), p.get(0));
    }

    @Test
    void typeMismatchedConnection() {
        WorkflowNode cv = new WorkflowNode("cv", "org.nernst.core.crossValidate", Map.of("target", "y"),
                Map.of("table", PortRef.parse("s.table"), "estimator", PortRef.parse("s.table")));
        List<String> p = problems(wf(source("s"), cv));
        assertEquals(List.of("node 'cv': input 'estimator' takes estimator but output 's.table' gives table"), p);
    }

    @Test
    void missingRequiredParameter() {
        List<String> p = problems(wf(new WorkflowNode("s", "test.source", Map.of(), Map.of())));
        assertEquals(List.of("node 's' (test.source): required parameter 'factor' has no value"), p);
    }

    @Test
    void outOfRangeValue() {
        List<String> p = problems(wf(new WorkflowNode("s", "test.source", Map.of("factor", 1.0, "rows", 0L), Map.of())));
        assertEquals(List.of("node 's' (test.source): parameter 'rows' = 0 is below the minimum 1"), p);
    }

    @Test
    void wrongParameterTypeAndUnknownParameter() {
        assertEquals(List.of("node 's' (test.source): parameter 'factor' = 'steep' is not a number"),
                problems(wf(new WorkflowNode("s", "test.source", Map.of("factor", "steep"), Map.of()))));
        List<String> p = problems(wf(new WorkflowNode("s", "test.source", Map.of("factor", 1.0, "colour", "red"), Map.of())));
        assertEquals(1, p.size());
        assertTrue(p.get(0).contains("unknown parameter 'colour'"), p.get(0));
    }

    @Test
    void unconnectedRequiredInputAndUnknownPort() {
        WorkflowNode add = new WorkflowNode("sum", "test.add", Map.of(), Map.of("a", PortRef.parse("s.table"),
                "c", PortRef.parse("s.table")));
        List<String> p = problems(wf(source("s"), add));
        assertTrue(p.contains("node 'sum': no input port 'c'; test.add has inputs [a, b]"), p.toString());
        assertTrue(p.contains("node 'sum': required input 'b' (table) is not connected"), p.toString());
    }

    @Test
    void connectionToMissingNodeOrPort() {
        WorkflowNode add = new WorkflowNode("sum", "test.add", Map.of(), Map.of("a", PortRef.parse("ghost.table"),
                "b", PortRef.parse("s.tabel")));
        List<String> p = problems(wf(source("s"), add));
        assertTrue(p.contains("node 'sum': input 'a' refers to node 'ghost', which is not in the workflow"), p.toString());
        assertTrue(p.contains("node 'sum': input 'b' refers to output 's.tabel', but test.source has outputs [table]"),
                p.toString());
    }

    @Test
    void duplicateIds() {
        List<String> p = problems(wf(source("s"), source("s")));
        assertTrue(p.contains("node 's': the id is used by more than one node"), p.toString());
    }
}

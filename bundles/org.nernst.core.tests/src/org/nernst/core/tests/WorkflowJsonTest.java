package org.nernst.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.workflow.PortRef;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowException;
import org.nernst.core.workflow.WorkflowJson;
import org.nernst.core.workflow.WorkflowNode;

class WorkflowJsonTest {
    /** The example workflow of the repository (tests run in their bundle's folder). */
    static final Path EXAMPLE = Path.of("../../examples/workflows/nasa-soh.workflow.json");

    static Workflow small() {
        return new Workflow("small", "two sources added", 7, List.of(
                new WorkflowNode("a", "test.source", "A", Map.of("factor", 2.5, "rows", 5L), Map.of(), false, 10, 20),
                new WorkflowNode("b", "test.source", Map.of("factor", 1L), Map.of()),
                new WorkflowNode("sum", "test.add", "", Map.of(), Map.of("a", PortRef.parse("a.table"),
                        "b", PortRef.parse("b.table")), true, 0, 0)));
    }

    @Test
    void writeThenReadGivesTheSameWorkflow() throws Exception {
        Workflow wf = small();
        String json = WorkflowJson.write(wf);
        Workflow back = WorkflowJson.parse("mem", json);
        assertEquals(wf, back);
        assertEquals(json, WorkflowJson.write(back));
    }

    @Test
    void exampleWorkflowIsByteIdenticalAfterReadAndWrite() throws Exception {
        String original = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        assertEquals(original, WorkflowJson.write(WorkflowJson.read(EXAMPLE)));
    }

    @Test
    void oneBlockPerNodeWithStableKeyOrder() {
        String json = WorkflowJson.write(small());
        int a = json.indexOf("\"id\": \"a\""), b = json.indexOf("\"id\": \"b\""), sum = json.indexOf("\"id\": \"sum\"");
        assertTrue(a > 0 && a < b && b < sum, json);
        assertTrue(json.indexOf("\"type\"", a) < json.indexOf("\"parameters\"", a), json);
        assertTrue(json.contains("\"a\": \"a.table\""), json);
    }

    @Test
    void saveIsAtomicAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("w.workflow.json");
        WorkflowJson.save(small(), f);
        WorkflowJson.save(small().withOverride("a.rows=6"), f);
        assertEquals(List.of(f), Files.list(dir).toList());
        assertEquals("6", WorkflowJson.read(f).node("a").orElseThrow().parameters().get("rows"));
    }

    @Test
    void malformedJsonNamesTheLine() {
        WorkflowException e = assertThrows(WorkflowException.class,
                () -> WorkflowJson.parse("bad.json", "{\n \"format\": \"nernst-workflow\",\n \"nodes\": [ { ]\n}"));
        assertTrue(e.getMessage().startsWith("bad.json: not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void newerFormatVersionIsRefusedWithAReason() {
        String json = WorkflowJson.write(small()).replace("\"formatVersion\": 1", "\"formatVersion\": 99");
        WorkflowException e = assertThrows(WorkflowException.class, () -> WorkflowJson.parse("w.json", json));
        assertTrue(e.getMessage().contains("formatVersion 99 was written by a newer Nernst"), e.getMessage());
    }

    @Test
    void structuralProblemsAreAllReported() {
        String json = """
                {"format": "nernst-workflow", "formatVersion": 1, "name": "x", "colour": "red",
                 "nodes": [ {"type": "test.source"}, {"id": "b", "type": "test.add", "inputs": {"a": "nodot"}} ]}
                """;
        WorkflowException e = assertThrows(WorkflowException.class, () -> WorkflowJson.parse("w.json", json));
        assertEquals(3, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().contains("unknown workflow field \"colour\""), e.problems().toString());
        assertTrue(e.problems().contains("node #1: \"id\" must be a non-empty string"), e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("node 'b': input 'a'")), e.problems().toString());
    }
}

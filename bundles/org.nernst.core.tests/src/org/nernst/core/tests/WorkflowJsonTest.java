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
    void parsingIsStrict() {
        String base = WorkflowJson.write(small());
        assertThrows(WorkflowException.class, () -> WorkflowJson.parse("w", base.replace("\"name\": \"small\"", "name: small")));
        assertThrows(WorkflowException.class, () -> WorkflowJson.parse("w", base + "trailing"));
        WorkflowException seed = assertThrows(WorkflowException.class,
                () -> WorkflowJson.parse("w", base.replace("\"seed\": 7", "\"seed\": 2.9")));
        assertTrue(seed.problems().contains("workflow: \"seed\" must be an integer"), seed.problems().toString());
    }

    @Test
    void malformedValuesAreProblemsNotCrashes() {
        String json = """
                {"format": "nernst-workflow", "formatVersion": 1, "name": "x",
                 "nodes": [ {"id": "a", "type": "test.source", "label": {"x": 1}, "save": "yes",
                             "position": [1.5, 2], "parameters": {"rows": 99999999999999999999, "l": [1, 2]}} ]}
                """;
        WorkflowException e = assertThrows(WorkflowException.class, () -> WorkflowJson.parse("w.json", json));
        List<String> p = e.problems();
        assertEquals(5, p.size(), p.toString());
        assertTrue(p.contains("node 'a': \"label\" must be a string"), p.toString());
        assertTrue(p.contains("node 'a': \"save\" must be true or false"), p.toString());
        assertTrue(p.contains("node 'a': \"position\" must be [x, y] in whole pixels"), p.toString());
        assertTrue(p.contains("node 'a': parameter 'rows' = 99999999999999999999 is too large for an integer"), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith("node 'a': parameter 'l' must be a list of strings")), p.toString());
    }

    @Test
    void workflowNameMustBeSafeForAFolder() {
        String json = WorkflowJson.write(small()).replace("\"name\": \"small\"", "\"name\": \"..\"");
        WorkflowException e = assertThrows(WorkflowException.class, () -> WorkflowJson.parse("w.json", json));
        assertTrue(e.getMessage().contains("it names the output folder"), e.getMessage());
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

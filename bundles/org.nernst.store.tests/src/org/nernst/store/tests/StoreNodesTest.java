package org.nernst.store.tests;

import org.nernst.conformance.TestData;
import org.nernst.conformance.Workflows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.exec.CancelToken;
import org.nernst.core.exec.ExecutionListener;
import org.nernst.core.exec.NodeExecutionException;
import org.nernst.core.exec.RunResult;
import org.nernst.core.exec.WorkflowExecutor;
import org.nernst.core.node.DataException;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.ParameterSpec;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.Table;
import org.nernst.core.workflow.PortRef;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowJson;
import org.nernst.core.workflow.WorkflowNode;
import org.nernst.store.CellStore;

/** The store's nodes through the real registry and executor, as a workflow runs them. */
class StoreNodesTest {

    private static String arbinCsv() {
        return TestData.folder("cycler-samples/arbin").resolve("FastCharge_000025_CH8.csv").toString();
    }

    private static List<WorkflowNode> csvImportQuery(Path store) {
        return List.of(
                new WorkflowNode("csv", "org.nernst.data.csv", Map.of("file", arbinCsv()), Map.of()),
                new WorkflowNode("store", "org.nernst.store.import", Map.of("store", store.toString()),
                        Map.of("table", PortRef.parse("csv.table"))),
                new WorkflowNode("query", "org.nernst.store.query", Map.of("store", store.toString(),
                        "sql", "SELECT count(*) AS n, max(Voltage) AS \"vmax [V]\" FROM FastCharge_000025_CH8"),
                        Map.of("after", PortRef.parse("store.summary"))));
    }

    @Test
    void csvThenImportThenQueryAndTheSecondRunAddsNothing(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("ws/store/nernst.duckdb");
        List<String> messages = new ArrayList<>();
        RunResult first = Workflows.nodes(csvImportQuery(store), messages);
        Table summary = first.value("store", "summary", Table.class);
        assertEquals("FastCharge_000025_CH8", summary.column("dataset").format(0), "named after the input table");
        assertEquals(248, summary.column("rows").asDouble(0));
        assertEquals(1, summary.column("added").asDouble(0));
        Table q = first.value("query", "table", Table.class);
        assertEquals(248, q.column("n").asDouble(0));
        assertEquals(3.3011565, q.column("vmax").asDouble(0));
        assertEquals("V", q.column("vmax").unit());
        assertTrue(messages.contains("store: stored 248 rows × 15 columns as dataset 'FastCharge_000025_CH8' in " + store),
                messages.toString());

        messages.clear();
        RunResult second = Workflows.nodes(csvImportQuery(store), messages);
        Table again = second.value("store", "summary", Table.class);
        assertEquals(summary.column("id").asDouble(0), again.column("id").asDouble(0));
        assertEquals(0, again.column("added").asDouble(0));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("store: dataset 'FastCharge_000025_CH8' already holds this data")),
                messages.toString());
        try (CellStore s = CellStore.open(store)) {
            assertEquals(1, s.listImports().size());
            assertEquals(248, s.read("FastCharge_000025_CH8").rowCount());
        }
    }

    /** The example workflow, on a temporary store; expected values from python3 over the same file. */
    @Test
    void theExampleWorkflowGivesPerWindowMaxima(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("example.duckdb");
        Workflow wf = WorkflowJson.read(Path.of("../../examples/workflows/arbin-store.workflow.json"))
                .withOverride("arbin.file=" + arbinCsv())
                .withOverride("store.store=" + store)
                .withOverride("windows.store=" + store);
        RunResult r = new WorkflowExecutor(NodeRegistry.platform(), 2).run(wf, new ExecutionListener() {
        }, new CancelToken());
        Table w = r.value("windows", "table", Table.class);
        assertEquals(List.of("window_index", "samples", "max_voltage"), w.columnNames());
        assertArrayEquals(new double[] { 0, 1, 2, 3 }, w.doubles("window_index"));
        assertArrayEquals(new double[] { 77, 83, 86, 2 }, w.doubles("samples"));
        assertArrayEquals(new double[] { 3.3011565, 3.3011031, 3.3010468, 3.3009725 }, w.doubles("max_voltage"));
        assertEquals("V", w.column("max_voltage").unit());
        assertEquals("ch8", r.value("store", "summary", Table.class).column("dataset").format(0));
    }

    @Test
    void readExportAndImportParquetNodes(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("s.duckdb");
        Path other = dir.resolve("other.duckdb");
        Path parquet = dir.resolve("out/ch8.parquet");
        Workflows.nodes(csvImportQuery(store).subList(0, 2), new ArrayList<>());
        RunResult r = Workflows.nodes(List.of(
                new WorkflowNode("export", "org.nernst.store.exportParquet", Map.of("store", store.toString(),
                        "dataset", "FastCharge_000025_CH8", "file", parquet.toString()), Map.of()),
                new WorkflowNode("import", "org.nernst.store.importParquet", Map.of("store", other.toString(),
                        "file", parquet.toString()), Map.of("after", PortRef.parse("export.summary"))),
                new WorkflowNode("read", "org.nernst.store.read", Map.of("store", other.toString(), "dataset", "ch8"),
                        Map.of("after", PortRef.parse("import.summary"))),
                new WorkflowNode("orig", "org.nernst.store.read", Map.of("store", store.toString(),
                        "dataset", "FastCharge_000025_CH8"), Map.of("after", PortRef.parse("export.summary")))),
                new ArrayList<>());
        assertTrue(Files.isRegularFile(parquet));
        assertEquals("ch8", r.value("import", "summary", Table.class).column("dataset").format(0), "named after the file");
        Table orig = r.value("orig", "table", Table.class);
        Tables.assertSame(orig.renamed("ch8"), r.value("read", "table", Table.class));
    }

    @Test
    void aRefusedQueryIsADataErrorOfTheNode(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("s.duckdb");
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> Workflows.node("org.nernst.store.query",
                Map.of("store", store.toString(), "sql", "DROP TABLE nernst_catalogue.imports")));
        DataException d = assertInstanceOf(DataException.class, e.getCause());
        assertEquals(store + ": query: only a SELECT query may run here (the store changes only through imports); "
                + "refused: DROP TABLE nernst_catalogue.imports", d.getMessage());
    }

    @Test
    void theNodesAreDescribedCompletelyInTheRegistry() throws Exception {
        NodeRegistry reg = NodeRegistry.platform();
        Map<String, String> outputs = Map.of("org.nernst.store.import", "summary", "org.nernst.store.query", "table",
                "org.nernst.store.read", "table", "org.nernst.store.exportParquet", "summary",
                "org.nernst.store.importParquet", "summary");
        for (String id : outputs.keySet()) {
            NodeDescriptor d = reg.find(id).orElseThrow(() -> new AssertionError(id + " is not registered"));
            assertEquals("Store", d.category(), id);
            assertTrue(d.description().length() > 40, id);
            assertEquals(List.of(outputs.get(id)), d.outputs().stream().map(o -> o.name()).toList(), id);
            for (ParameterSpec p : d.parameters()) {
                assertFalse(p.description().isBlank(), id + " " + p.name());
                assertTrue(p.defaultValue() != null || p.required(), id + " " + p.name());
            }
            assertTrue(d.parameters().stream().anyMatch(p -> p.name().equals("store") && "".equals(p.defaultValue())), id);
            assertNotNull(reg.create(id), id);
        }
        assertEquals(List.of(), reg.problems().stream().filter(p -> p.contains("org.nernst.store")).toList());
    }
}

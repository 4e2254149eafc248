package org.nernst.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.nernst.core.node.CancelledException;
import org.nernst.core.node.DataException;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.NodeKind;
import org.nernst.core.node.ParameterSpec;
import org.nernst.core.node.PortSpec;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.Table;

/**
 * The contract of an {@code org.nernst.core.datasets} contribution as JUnit 5 dynamic tests: a
 * good sample reads into every declared output, twice the same; a corrupt file and a missing file
 * are {@link DataException}s naming the file; a cancelled run stops with
 * {@link CancelledException}; every parameter and output is described.
 * <p>
 * The author gives the parameters that read a good sample and those that read a corrupt one; the
 * parameter named {@code fileParameter} holds the path.
 *
 * @since 0.1
 */
public final class DatasetConformance {
    private static final long SEED = 1L;

    private DatasetConformance() {
    }

    /** The checks for one installed dataset connector, from the running platform's registry. */
    public static Stream<DynamicNode> checks(String datasetId, String fileParameter, Map<String, ?> good,
            Map<String, ?> corrupt) {
        NodeRegistry registry = NodeRegistry.platform();
        NodeDescriptor d = Nodes.find(registry, datasetId, NodeKind.DATASET);
        return Stream.of(
                dynamicTest("every parameter and output is described", () -> described(d)),
                dynamicTest("a good sample reads into every declared output", () -> readsEveryOutput(registry, d, good)),
                dynamicTest("reading twice gives the same tables", () -> sameTwice(registry, d, good)),
                dynamicTest("a corrupt file is a DataException naming the file",
                        () -> failsNamingFile(registry, d, corrupt, fileParameter)),
                dynamicTest("a missing file is a DataException naming the file",
                        () -> failsNamingFile(registry, d, missing(good, fileParameter), fileParameter)),
                dynamicTest("a cancelled run stops with CancelledException", () -> assertThrows(CancelledException.class,
                        () -> Nodes.run(registry, d.id(), good, Map.of(), SEED, Nodes.cancelled()))));
    }

    private static void described(NodeDescriptor d) {
        assertFalse(d.outputs().isEmpty(), d.id() + " declares no output");
        for (PortSpec p : d.outputs()) {
            assertFalse(p.description() == null || p.description().isBlank(), "output " + p.name() + " has no description");
        }
        for (ParameterSpec p : d.parameters()) {
            assertFalse(p.description() == null || p.description().isBlank(), "parameter " + p.name() + " has no description");
        }
        assertFalse(d.description().isBlank(), d.id() + " has no description");
    }

    private static Map<String, Object> read(NodeRegistry registry, NodeDescriptor d, Map<String, ?> params) throws Exception {
        return Nodes.run(registry, d.id(), params, Map.of(), SEED, ProgressMonitor.none());
    }

    private static void readsEveryOutput(NodeRegistry registry, NodeDescriptor d, Map<String, ?> good) throws Exception {
        Map<String, Object> out = read(registry, d, good);
        for (PortSpec p : d.outputs()) {
            Table t = assertInstanceOf(Table.class, out.get(p.name()), "output " + p.name());
            assertTrue(t.rowCount() > 0, "output " + p.name() + " has no rows");
        }
    }

    private static void sameTwice(NodeRegistry registry, NodeDescriptor d, Map<String, ?> good) throws Exception {
        Map<String, Object> a = read(registry, d, good), b = read(registry, d, good);
        for (PortSpec p : d.outputs()) {
            Tables.assertSameTable((Table) a.get(p.name()), (Table) b.get(p.name()));
        }
    }

    private static void failsNamingFile(NodeRegistry registry, NodeDescriptor d, Map<String, ?> params, String fileParameter) {
        DataException e = assertThrows(DataException.class, () -> read(registry, d, params));
        String name = Path.of(String.valueOf(params.get(fileParameter))).getFileName().toString();
        assertTrue(e.getMessage().contains(name), "the message should name the file " + name + ": " + e.getMessage());
    }

    private static Map<String, Object> missing(Map<String, ?> good, String fileParameter) {
        Map<String, Object> m = new HashMap<>(good);
        Path p = Path.of(String.valueOf(good.get(fileParameter)));
        m.put(fileParameter, p.resolveSibling("no-such-" + p.getFileName()).toString());
        return m;
    }
}

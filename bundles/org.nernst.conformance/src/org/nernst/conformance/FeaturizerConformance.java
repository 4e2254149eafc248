package org.nernst.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.nernst.core.node.CancelledException;
import org.nernst.core.node.DataException;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.NodeKind;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.Table;

/**
 * The contract of an {@code org.nernst.core.featurizers} contribution as JUnit 5 dynamic tests: a
 * sample gives the expected number of rows on every declared output, the same tables on a second
 * run, and leaves its input tables unchanged; an input without a column the featurizer needs is a
 * {@link DataException} naming that column; a cancelled run stops with {@link CancelledException};
 * every port and parameter is described.
 * <p>
 * The author gives a sample ({@link Sample}): parameters, input tables by port, the row count each
 * output must have, and one column of one input the featurizer cannot do without.
 *
 * @since 0.2
 */
public final class FeaturizerConformance {
    private static final long SEED = 11L;

    private FeaturizerConformance() {
    }

    /**
     * A featurizer's sample.
     *
     * @param parameters parameters for the run (defaults for the rest)
     * @param inputs input tables (or other values) by port name
     * @param rows the row count each output port must have for these inputs
     * @param requiredInput the input port of {@code requiredColumn}
     * @param requiredColumn a column of that input the featurizer needs: without it the run must be a
     *            DataException whose message names it
     */
    public record Sample(Map<String, ?> parameters, Map<String, Object> inputs, Map<String, Integer> rows,
            String requiredInput, String requiredColumn) {
    }

    /** The checks for one installed featurizer, from the running platform's registry. */
    public static Stream<DynamicNode> checks(String featurizerId, Sample sample) {
        NodeRegistry registry = NodeRegistry.platform();
        NodeDescriptor d = Nodes.find(registry, featurizerId, NodeKind.FEATURIZER);
        return Stream.of(
                dynamicTest("every port and parameter is described", () -> Nodes.assertDescribed(d)),
                dynamicTest("the sample gives the expected row count on every output", () -> rowCounts(registry, d, sample)),
                dynamicTest("running twice gives the same tables", () -> Nodes.assertSameOutputs(d,
                        run(registry, d, sample.inputs(), sample, ProgressMonitor.none()),
                        run(registry, d, sample.inputs(), sample, ProgressMonitor.none()))),
                dynamicTest("the input tables are left unchanged", () -> {
                    Map<String, Snapshot> before = Snapshot.ofTables(sample.inputs());
                    run(registry, d, sample.inputs(), sample, ProgressMonitor.none());
                    assertEquals(before, Snapshot.ofTables(sample.inputs()), "an input table changed");
                }),
                dynamicTest("an input without a needed column is a DataException naming the column",
                        () -> missingColumn(registry, d, sample)),
                dynamicTest("a cancelled run stops with CancelledException", () -> assertThrows(CancelledException.class,
                        () -> run(registry, d, sample.inputs(), sample, Nodes.cancelled()))));
    }

    private static Map<String, Object> run(NodeRegistry registry, NodeDescriptor d, Map<String, Object> inputs,
            Sample sample, ProgressMonitor monitor) throws Exception {
        return Nodes.run(registry, d.id(), sample.parameters(), inputs, SEED, monitor);
    }

    private static void rowCounts(NodeRegistry registry, NodeDescriptor d, Sample sample) throws Exception {
        Map<String, Object> out = run(registry, d, sample.inputs(), sample, ProgressMonitor.none());
        for (var p : d.outputs()) {
            Table t = assertInstanceOf(Table.class, out.get(p.name()), "output " + p.name());
            Integer expected = sample.rows().get(p.name());
            assertTrue(expected != null, "the sample gives no row count for output " + p.name());
            assertEquals(expected.intValue(), t.rowCount(), "rows of output " + p.name());
        }
    }

    private static void missingColumn(NodeRegistry registry, NodeDescriptor d, Sample sample) {
        Table in = assertInstanceOf(Table.class, sample.inputs().get(sample.requiredInput()), "input " + sample.requiredInput());
        assertTrue(in.find(sample.requiredColumn()).isPresent(), "the sample input has no column " + sample.requiredColumn());
        Map<String, Object> inputs = new HashMap<>(sample.inputs());
        inputs.put(sample.requiredInput(), Nodes.without(in, sample.requiredColumn()));
        DataException e = assertThrows(DataException.class, () -> run(registry, d, inputs, sample, ProgressMonitor.none()));
        assertTrue(e.getMessage().contains(sample.requiredColumn()), "the message should name the column '"
                + sample.requiredColumn() + "': " + e.getMessage());
    }
}

package org.nernst.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.nernst.core.table.Column;
import org.nernst.core.table.ColumnType;
import org.nernst.core.table.Table;

/**
 * The contract of an {@code org.nernst.core.stateEstimators} contribution as JUnit 5 dynamic
 * tests: on a sample series the {@code states} output has one row per measurement (or, for
 * estimators that summarise, the row count the author states), no NaN in a numeric column (an
 * infinite value is allowed: RUL uses +∞ for "no end of life within the horizon"), the same values on a second run, and the measurements are left unchanged; measurements
 * without a column the estimator needs are a {@link DataException} naming it; a cancelled run
 * stops with {@link CancelledException}.
 *
 * @since 0.2
 */
public final class StateEstimatorConformance {
    private static final long SEED = 13L;

    private StateEstimatorConformance() {
    }

    /**
     * A state estimator's sample.
     *
     * @param parameters parameters for the run (defaults for the rest)
     * @param measurements the {@code measurements} input
     * @param otherInputs further inputs the contribution declares, by port (e.g. a cell model)
     * @param rows the row count of {@code states}: {@code measurements.rowCount()} for a per-sample
     *            estimator
     * @param requiredColumn a column of the measurements the estimator needs
     */
    public record Sample(Map<String, ?> parameters, Table measurements, Map<String, Object> otherInputs, int rows,
            String requiredColumn) {
    }

    /** The checks for one installed state estimator, from the running platform's registry. */
    public static Stream<DynamicNode> checks(String estimatorId, Sample sample) {
        NodeRegistry registry = NodeRegistry.platform();
        NodeDescriptor d = Nodes.find(registry, estimatorId, NodeKind.STATE_ESTIMATOR);
        return Stream.of(
                dynamicTest("every port and parameter is described", () -> Nodes.assertDescribed(d)),
                dynamicTest("the states have the expected rows and no NaN", () -> {
                    Table states = run(registry, d, sample, sample.measurements(), ProgressMonitor.none());
                    assertEquals(sample.rows(), states.rowCount(), "rows of states");
                    assertTrue(states.columnCount() >= 1, "states has no column");
                    for (Column c : states.columns()) {
                        if (c.type() == ColumnType.DOUBLE) {
                            double[] v = states.doubles(c.name());
                            for (int r = 0; r < v.length; r++) {
                                assertFalse(Double.isNaN(v[r]), "column " + c.name() + ", row " + (r + 1) + " is NaN");
                            }
                        }
                    }
                }),
                dynamicTest("running twice gives the same states", () -> Tables.assertSameTable(
                        run(registry, d, sample, sample.measurements(), ProgressMonitor.none()),
                        run(registry, d, sample, sample.measurements(), ProgressMonitor.none()))),
                dynamicTest("the measurements are left unchanged", () -> {
                    Snapshot before = Snapshot.of(sample.measurements());
                    run(registry, d, sample, sample.measurements(), ProgressMonitor.none());
                    assertEquals(before, Snapshot.of(sample.measurements()), "the measurements changed");
                }),
                dynamicTest("measurements without a needed column are a DataException naming it", () -> {
                    Table bad = Nodes.without(sample.measurements(), sample.requiredColumn());
                    DataException e = assertThrows(DataException.class,
                            () -> run(registry, d, sample, bad, ProgressMonitor.none()));
                    assertTrue(e.getMessage().contains(sample.requiredColumn()), "the message should name the column '"
                            + sample.requiredColumn() + "': " + e.getMessage());
                }),
                dynamicTest("a cancelled run stops with CancelledException", () -> assertThrows(CancelledException.class,
                        () -> run(registry, d, sample, sample.measurements(), Nodes.cancelled()))));
    }

    private static Table run(NodeRegistry registry, NodeDescriptor d, Sample sample, Table measurements,
            ProgressMonitor monitor) throws Exception {
        Map<String, Object> inputs = new HashMap<>(sample.otherInputs());
        inputs.put("measurements", measurements);
        Object out = Nodes.run(registry, d.id(), sample.parameters(), inputs, SEED, monitor).get("states");
        return assertInstanceOf(Table.class, out, "output 'states' of " + d.id());
    }
}

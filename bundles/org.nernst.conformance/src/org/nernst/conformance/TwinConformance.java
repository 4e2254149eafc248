package org.nernst.conformance;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.nernst.core.node.CancelledException;
import org.nernst.core.node.DataException;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.NodeKind;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;

/**
 * The contract of an {@code org.nernst.core.twins} contribution as JUnit 5 dynamic tests: a
 * constant discharge (current negative, as the connectors count it) simulates into finite
 * {@code time}, {@code current} and {@code voltage} columns and lowers the voltage; the same seed
 * gives the same simulation; a cancelled run stops with {@link CancelledException}; an experiment
 * without a current column is a {@link DataException}.
 *
 * @since 0.1
 */
public final class TwinConformance {
    private static final long SEED = 7L;

    private TwinConformance() {
    }

    /**
     * The checks for one installed twin, run with {@code parameters} (defaults for the rest) on a
     * discharge at {@code dischargeAmps} (a positive number) for {@code seconds}.
     */
    public static Stream<DynamicNode> checks(String twinId, Map<String, ?> parameters, double dischargeAmps, int seconds) {
        NodeRegistry registry = NodeRegistry.platform();
        NodeDescriptor d = Nodes.find(registry, twinId, NodeKind.TWIN);
        Table load = Tables.constantCurrent(-Math.abs(dischargeAmps), seconds);
        return Stream.of(
                dynamicTest("a discharge simulates into finite time, current and voltage", () -> {
                    Table sim = simulate(registry, d, parameters, load, ProgressMonitor.none());
                    assertTrue(sim.rowCount() >= 2, "simulation has " + sim.rowCount() + " rows");
                    for (String c : List.of("current", "voltage")) {
                        Tables.assertFinite(sim, c);
                    }
                    assertTrue(sim.find("time").isPresent() || sim.find("test_time").isPresent(),
                            "no time or test_time column in " + sim.columnNames());
                }),
                dynamicTest("a discharge lowers the voltage", () -> {
                    double[] v = simulate(registry, d, parameters, load, ProgressMonitor.none()).doubles("voltage");
                    assertTrue(v[v.length - 1] < v[0], "voltage went from " + v[0] + " to " + v[v.length - 1] + " V");
                }),
                dynamicTest("same seed gives the same simulation", () -> Tables.assertSameTable(
                        simulate(registry, d, parameters, load, ProgressMonitor.none()),
                        simulate(registry, d, parameters, load, ProgressMonitor.none()))),
                dynamicTest("a cancelled run stops with CancelledException", () -> assertThrows(CancelledException.class,
                        () -> simulate(registry, d, parameters, load, Nodes.cancelled()))),
                dynamicTest("an experiment without current is a DataException", () -> {
                    Table noCurrent = new Table("no current", List.of(new DoubleColumn("time", "s", Role.NONE,
                            new double[] { 0, 1, 2 })));
                    assertThrows(DataException.class, () -> simulate(registry, d, parameters, noCurrent, ProgressMonitor.none()));
                }));
    }

    private static Table simulate(NodeRegistry registry, NodeDescriptor d, Map<String, ?> parameters, Table experiment,
            ProgressMonitor monitor) throws Exception {
        Object out = Nodes.run(registry, d.id(), parameters, Map.of("experiment", experiment), SEED, monitor)
                .get("simulation");
        return assertInstanceOf(Table.class, out, "output 'simulation' of " + d.id());
    }
}

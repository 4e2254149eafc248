package org.nernst.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.nernst.core.node.CancelledException;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.NodeKind;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.PortSpec;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;

/**
 * The contract of an {@code org.nernst.core.operations} contribution as JUnit 5 dynamic tests:
 * {@code configure} accepts the sample's parameters and rejects a bad one with an
 * {@link IllegalArgumentException} naming it, before any input exists (as the editor and
 * {@code nernst validate} call it); a configured node run on the sample fills every declared
 * output; a run whose monitor is cancelled stops with {@link CancelledException} (the executor
 * only cancels between nodes, so a long node must check its monitor itself).
 *
 * @since 0.2
 */
public final class OperationConformance {
    private static final long SEED = 19L;

    private OperationConformance() {
    }

    /**
     * An operation's sample.
     *
     * @param parameters parameters for the run (defaults for the rest)
     * @param inputs input values by port name
     * @param badParameter a parameter name and a value configure must refuse
     * @param badValue that value
     */
    public record Sample(Map<String, ?> parameters, Map<String, Object> inputs, String badParameter, Object badValue) {
    }

    /** The checks for one installed operation, from the running platform's registry. */
    public static Stream<DynamicNode> checks(String operationId, Sample sample) {
        NodeRegistry registry = NodeRegistry.platform();
        NodeDescriptor d = Nodes.find(registry, operationId, NodeKind.OPERATION);
        return Stream.of(
                dynamicTest("every port and parameter is described", () -> Nodes.assertDescribed(d)),
                dynamicTest("configure accepts the sample's parameters without any input", () -> {
                    Node n = registry.create(d.id());
                    assertDoesNotThrow(() -> n.configure(Parameters.resolve(d.parameters(), sample.parameters())));
                }),
                dynamicTest("a bad parameter is refused at configure, naming it", () -> {
                    Map<String, Object> bad = new HashMap<>(sample.parameters());
                    bad.put(sample.badParameter(), sample.badValue());
                    Node n = registry.create(d.id());
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                            () -> n.configure(Parameters.resolve(d.parameters(), bad)));
                    assertTrue(e.getMessage().contains(sample.badParameter()), "the message should name the parameter '"
                            + sample.badParameter() + "': " + e.getMessage());
                }),
                dynamicTest("a configured run fills every declared output", () -> {
                    Map<String, Object> out = Nodes.run(registry, d.id(), sample.parameters(), sample.inputs(), SEED,
                            ProgressMonitor.none());
                    for (PortSpec p : d.outputs()) {
                        assertNotNull(out.get(p.name()), "output " + p.name() + " is missing");
                    }
                }),
                dynamicTest("a cancelled run stops with CancelledException", () -> assertThrows(CancelledException.class,
                        () -> Nodes.run(registry, d.id(), sample.parameters(), sample.inputs(), SEED, Nodes.cancelled()))));
    }
}

package org.nernst.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.NodeKind;
import org.nernst.core.node.ParameterSpec;
import org.nernst.core.node.ParameterType;
import org.nernst.core.node.Parameters;
import org.nernst.core.optimize.Optimizer;
import org.nernst.core.registry.NodeRegistry;

/**
 * The contract of an {@code org.nernst.core.optimizers} contribution as JUnit 5 dynamic tests, on
 * a space of a bounded real, a bounded integer and a choice and the objective
 * {@code (x - 0.7)² + (n - 3)² + [kind ≠ b]}: every proposal has every variable, of its type and
 * inside its bounds; a batch ask gives at least one and at most the asked number of points; the
 * same seed and the same observations give the same proposals (ask/tell is reproducible, so a run
 * resumes from its history); a point the optimizer did not propose can be told; after 30 rounds
 * the best observed objective beats the first proposal's.
 *
 * @since 0.2
 */
public final class OptimizerConformance {
    private static final long SEED = 17L;
    private static final int ROUNDS = 30;

    /** The test space: a real in [-2, 3], an integer in [1, 6] and a choice of three. */
    public static final List<ParameterSpec> SPACE = List.of(
            new ParameterSpec("x", ParameterType.DOUBLE, "x", "a real variable", null, -2.0, 3.0, null, true),
            new ParameterSpec("n", ParameterType.INTEGER, "n", "an integer variable", null, 1.0, 6.0, null, true),
            new ParameterSpec("kind", ParameterType.CHOICE, "kind", "a categorical variable", null, null, null,
                    List.of("a", "b", "c"), true));

    private OptimizerConformance() {
    }

    /**
     * The checks for one installed optimizer, created from its contribution, run with
     * {@code parameters} (defaults for the rest).
     */
    public static Stream<DynamicNode> checks(String optimizerId, Map<String, ?> parameters) {
        NodeRegistry registry = NodeRegistry.platform();
        NodeDescriptor d = Nodes.find(registry, optimizerId, NodeKind.OPTIMIZER);
        Parameters p = Parameters.resolve(d.parameters(), parameters);
        return Stream.of(
                dynamicTest("every parameter is described", () -> Nodes.assertDescribed(d)),
                dynamicTest("every proposal is inside the space, over a whole run", () -> {
                    for (Map<String, Object> point : drive(optimizerId, p, SEED)) {
                        assertInSpace(point);
                    }
                }),
                dynamicTest("a batch ask gives between 1 and the asked number of points", () -> {
                    Optimizer.Session s = Nodes.optimizer(optimizerId).start(SPACE, p, SEED);
                    List<Map<String, Object>> batch = s.propose(4);
                    assertFalse(batch.isEmpty(), "propose(4) gave no point");
                    assertTrue(batch.size() <= 4, "propose(4) gave " + batch.size() + " points");
                    batch.forEach(OptimizerConformance::assertInSpace);
                }),
                dynamicTest("same seed and observations give the same proposals",
                        () -> assertEquals(drive(optimizerId, p, SEED), drive(optimizerId, p, SEED))),
                dynamicTest("a point it did not propose can be told", () -> {
                    Optimizer.Session s = Nodes.optimizer(optimizerId).start(SPACE, p, SEED);
                    assertDoesNotThrow(() -> s.observe(Map.of("x", 0.5, "n", 2L, "kind", "c"), objective(Map.of(
                            "x", 0.5, "n", 2L, "kind", "c"))));
                    s.propose(1).forEach(OptimizerConformance::assertInSpace);
                }),
                dynamicTest("the best of " + ROUNDS + " rounds beats the first proposal", () -> {
                    List<Map<String, Object>> run = drive(optimizerId, p, SEED);
                    double first = objective(run.get(0));
                    double best = run.stream().mapToDouble(OptimizerConformance::objective).min().orElseThrow();
                    assertTrue(best < first || first == 0, "best " + best + ", first " + first);
                }));
    }

    /** Asks one point at a time and tells its objective, {@link #ROUNDS} times; the points asked. */
    private static List<Map<String, Object>> drive(String id, Parameters p, long seed) throws Exception {
        Optimizer.Session s = Nodes.optimizer(id).start(SPACE, p, seed);
        List<Map<String, Object>> asked = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            List<Map<String, Object>> next = s.propose(1);
            assertFalse(next.isEmpty(), "propose(1) gave no point in round " + (i + 1));
            Map<String, Object> point = next.get(0);
            asked.add(point);
            s.observe(point, objective(point));
        }
        return asked;
    }

    static double objective(Map<String, Object> point) {
        double x = ((Number) point.get("x")).doubleValue();
        double n = ((Number) point.get("n")).doubleValue();
        return (x - 0.7) * (x - 0.7) + (n - 3) * (n - 3) + ("b".equals(point.get("kind")) ? 0 : 1);
    }

    private static void assertInSpace(Map<String, Object> point) {
        assertEquals(3, point.size(), "variables of " + point);
        double x = assertInstanceOf(Number.class, point.get("x"), "x of " + point).doubleValue();
        assertTrue(x >= -2 && x <= 3 && Double.isFinite(x), "x outside [-2, 3]: " + point);
        Number n = assertInstanceOf(Number.class, point.get("n"), "n of " + point);
        assertTrue(n.doubleValue() == Math.rint(n.doubleValue()), "n is not an integer: " + point);
        assertTrue(n.doubleValue() >= 1 && n.doubleValue() <= 6, "n outside [1, 6]: " + point);
        assertTrue(List.of("a", "b", "c").contains(point.get("kind")), "kind not a choice: " + point);
    }
}

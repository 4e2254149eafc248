package org.nernst.conformance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nernst.conformance.OptimizerConformance;
import org.nernst.core.node.NodeKind;

/** OptimizerConformance on every optimizer Nernst contributes. */
class OwnOptimizersTest {

    private static final Map<String, Map<String, ?>> PARAMETERS = Map.of(
            "org.nernst.optimize.bayesian", Map.of("candidates", 200L),
            "org.nernst.optimize.random", Map.of(),
            "org.nernst.optimize.grid", Map.of("levels", 4L));

    @Test
    void everyOwnOptimizerHasParameters() {
        assertEquals(new TreeSet<>(PARAMETERS.keySet()), new TreeSet<>(Samples.own(NodeKind.OPTIMIZER).stream()
                .map(d -> d.id()).toList()));
    }

    @TestFactory
    Stream<DynamicContainer> everyOwnOptimizerKeepsTheContract() {
        return Samples.own(NodeKind.OPTIMIZER).stream().filter(d -> PARAMETERS.containsKey(d.id()))
                .map(d -> Samples.container(d.id(), () -> OptimizerConformance.checks(d.id(), PARAMETERS.get(d.id()))));
    }
}

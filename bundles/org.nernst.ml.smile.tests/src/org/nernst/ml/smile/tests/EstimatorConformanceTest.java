package org.nernst.ml.smile.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nernst.conformance.EstimatorConformance;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.registry.NodeRegistry;

/**
 * The estimator contract, checked for every estimator installed in the platform. The checks live
 * in {@code org.nernst.conformance} (the SDK's conformance bundle) so third-party plugins run the
 * very same ones on their own estimators.
 */
class EstimatorConformanceTest {
    /** So the suite cannot pass by finding nothing: Smile alone contributes four. */
    private static final int AT_LEAST = 4;

    private static NodeRegistry registry;

    @BeforeAll
    static void readRegistry() {
        registry = NodeRegistry.platform();
    }

    @Test
    void registryListsAtLeastFourEstimatorsWithoutProblems() {
        List<NodeDescriptor> found = EstimatorConformance.all(registry);
        assertTrue(found.size() >= AT_LEAST, "expected at least " + AT_LEAST + " estimators, found "
                + found.stream().map(NodeDescriptor::id).toList() + "; registry problems: " + registry.problems());
        assertEquals(List.of(), registry.problems().stream().filter(p -> p.contains("org.nernst.ml.smile")).toList());
    }

    @TestFactory
    Stream<DynamicContainer> everyEstimatorKeepsTheContract() {
        assertTrue(EstimatorConformance.all(registry).size() >= AT_LEAST);
        return EstimatorConformance.forEveryEstimator(registry);
    }
}

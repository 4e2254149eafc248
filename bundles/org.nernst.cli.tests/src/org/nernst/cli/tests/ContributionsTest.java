package org.nernst.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.NodeKind;
import org.nernst.core.node.ParameterSpec;
import org.nernst.core.registry.NodeRegistry;

/** Every node the Nernst bundles contribute, checked from the registry as the product sees it. */
class ContributionsTest {
    private final NodeRegistry registry = NodeRegistry.platform();

    private List<NodeDescriptor> nernstNodes() {
        return registry.nodes().stream().filter(d -> d.id().startsWith("org.nernst.")).toList();
    }

    @Test
    void theFoundationContributionsAreAllThere() {
        Set<String> ids = nernstNodes().stream().map(NodeDescriptor::id).collect(Collectors.toSet());
        assertEquals(Set.of("org.nernst.data.csv", "org.nernst.data.nasaPcoe", "org.nernst.features.dischargeCycles",
                "org.nernst.ml.smile.randomForest", "org.nernst.ml.smile.gaussianProcess", "org.nernst.ml.smile.ridge",
                "org.nernst.ml.smile.linear", "org.nernst.core.crossValidate", "org.nernst.charts.xyPlot",
                "org.nernst.store.import", "org.nernst.store.query", "org.nernst.store.read",
                "org.nernst.store.exportParquet", "org.nernst.store.importParquet", "org.nernst.data.cycler",
                "org.nernst.data.mappedText", "org.nernst.data.seversonMatr", "org.nernst.data.seversonBatch",
                "org.nernst.data.matVariables", "org.nernst.features.cycleSummaries", "org.nernst.features.earlyLife",
                "org.nernst.ml.smile.lasso", "org.nernst.ml.smile.elasticNet",
                "org.nernst.ml.smile.gradientBoosting", "org.nernst.ml.smile.decisionTree", "org.nernst.ml.smile.knn",
                "org.nernst.ml.smile.svr", "org.nernst.features.composition", "org.nernst.features.compositionCandidates",
                "org.nernst.ml.smile.kernelRidge", "org.nernst.ml.smile.pls", "org.nernst.features.dischargeCurves",
                "org.nernst.features.incrementalCapacity", "org.nernst.twin.experiment", "org.nernst.twin.synthesize",
                "org.nernst.twin.ecm", "org.nernst.twin.surrogate", "org.nernst.twin.spm", "org.nernst.twin.spme",
                "org.nernst.estimation.soh", "org.nernst.estimation.rul", "org.nernst.estimation.gru",
                "org.nernst.data.digatronMat", "org.nernst.twin.ecmIdentify", "org.nernst.estimation.coulombCounting",
                "org.nernst.estimation.ekf", "org.nernst.estimation.ukf", "org.nernst.optimize.bayesian",
                "org.nernst.optimize.random", "org.nernst.optimize.grid", "org.nernst.optimize.run",
                "org.nernst.optimize.fastCharge", "org.nernst.optimize.screen", "org.nernst.ml.smile.extraTrees",
                "org.nernst.ml.smile.mlp", "org.nernst.ml.smile.esLir", "org.nernst.ml.smile.logisticRegression",
                "org.nernst.ml.smile.randomForestClassifier", "org.nernst.ml.smile.decisionTreeClassifier",
                "org.nernst.ml.smile.gradientBoostingClassifier", "org.nernst.ml.smile.knnClassifier",
                "org.nernst.ml.smile.svm", "org.nernst.core.monteCarloCv", "org.nernst.core.nestedCv",
                "org.nernst.core.selectFeatures", "org.nernst.charts.parityPlot"), ids);
        assertEquals(List.of(), registry.problems().stream().filter(p -> p.contains("org.nernst.")
                && !p.contains(".tests")).toList(), "no Nernst contribution may be rejected");
    }

    @Test
    void everyNodeHasCompleteMetadata() {
        for (NodeDescriptor d : nernstNodes()) {
            assertFalse(d.label().equals(d.id()), d.id() + " has no label");
            assertTrue(d.description().length() > 40, d.id() + " needs a real description");
            assertFalse(d.category().equals("Other"), d.id() + " has no category");
            // optimizers are driven by the optimization nodes (they name them by id), not wired as nodes
            assertTrue(d.kind() == NodeKind.OPTIMIZER || !d.outputs().isEmpty(), d.id() + " has no outputs");
            for (ParameterSpec p : d.parameters()) {
                assertFalse(p.description().isBlank(), d.id() + " parameter " + p.name() + " has no description");
                assertTrue(p.defaultValue() != null || p.required(), d.id() + " parameter " + p.name()
                        + " has neither a default nor required=true");
            }
            if (d.kind() == NodeKind.ESTIMATOR) {
                assertTrue(Set.of("true", "false").contains(d.attributes().get("probabilistic")), d.id());
                assertNotNull(d.attributes().get("task"), d.id() + " declares no task");
            }
        }
    }

    @Test
    void everyNodeCanBeCreated() throws Exception {
        for (NodeDescriptor d : nernstNodes()) {
            if (d.kind() != NodeKind.OPTIMIZER) {
                assertNotNull(registry.create(d.id()), d.id());
            }
        }
    }
}

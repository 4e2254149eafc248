package org.nernst.ml.smile.tests;

import java.util.List;
import java.util.Map;

import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.NodeKind;
import org.nernst.core.node.Parameters;
import org.nernst.core.registry.NodeRegistry;

/** Finding, configuring and serializing estimators the way a workflow does. */
final class Estimators {

    private Estimators() {
    }

    static List<NodeDescriptor> all(NodeRegistry registry) {
        return registry.nodes().stream().filter(d -> d.kind() == NodeKind.ESTIMATOR).toList();
    }

    /** Creates the node through the registry and runs it with default parameters, as the executor would. */
    static ConfiguredEstimator withDefaults(NodeRegistry registry, NodeDescriptor d) throws Exception {
        return with(registry, d.id(), Map.of());
    }

    /** As {@link #withDefaults}, with some parameters set as a workflow would set them. */
    static ConfiguredEstimator with(NodeRegistry registry, String id, Map<String, ?> given) throws Exception {
        NodeDescriptor d = registry.find(id).orElseThrow(() -> new AssertionError("estimator " + id + " is not installed"));
        Parameters parameters = Parameters.resolve(d.parameters(), given);
        Object out = registry.create(d.id()).execute(new FixedContext(d, parameters, 1L)).get("estimator");
        if (!(out instanceof ConfiguredEstimator e)) {
            throw new AssertionError("estimator node " + d.id() + " output " + out + " instead of a ConfiguredEstimator");
        }
        return e;
    }
}

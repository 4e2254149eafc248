package org.nernst.core.internal.registry;

import java.util.Map;

import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.ml.Estimator;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.NodeDescriptor;

/** An estimator contribution as a node: outputs the estimator configured with its parameters. */
final class EstimatorNode implements Node {
    private final NodeDescriptor descriptor;
    private final Estimator estimator;

    EstimatorNode(NodeDescriptor descriptor, Estimator estimator) {
        this.descriptor = descriptor;
        this.estimator = estimator;
    }

    @Override
    public Map<String, Object> execute(NodeContext context) {
        return Map.of("estimator", new ConfiguredEstimator(descriptor, estimator, context.parameters()));
    }
}

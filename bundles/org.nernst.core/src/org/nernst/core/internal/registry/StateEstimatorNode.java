package org.nernst.core.internal.registry;

import java.util.Map;

import org.nernst.core.estimation.StateEstimator;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Table;

/** A state estimator contribution as a node: estimates states over the measured series. */
final class StateEstimatorNode implements Node {
    private final StateEstimator estimator;

    StateEstimatorNode(StateEstimator estimator) {
        this.estimator = estimator;
    }

    @Override
    public void configure(Parameters parameters) {
        estimator.configure(parameters);
    }

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        return Map.of("states", estimator.estimate(c.input("measurements", Table.class),
                TwinNode.extraInputs(c, "measurements"), c.parameters(), c.monitor()));
    }
}

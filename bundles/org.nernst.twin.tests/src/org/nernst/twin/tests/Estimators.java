package org.nernst.twin.tests;

import java.util.Map;
import java.util.Optional;

import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;

/** A contributed estimator configured through the real registry, as its node would hand it on. */
final class Estimators {
    private Estimators() {
    }

    static ConfiguredEstimator configured(String id, Map<String, Object> given) throws Exception {
        NodeRegistry reg = NodeRegistry.platform();
        NodeDescriptor d = reg.find(id).orElseThrow(() -> new AssertionError(id + " is not registered"));
        Parameters p = Parameters.resolve(d.parameters(), given);
        Map<String, Object> out = reg.create(id).execute(new NodeContext() {
            @Override
            public String nodeId() {
                return "estimator";
            }

            @Override
            public NodeDescriptor descriptor() {
                return d;
            }

            @Override
            public Parameters parameters() {
                return p;
            }

            @Override
            public long seed() {
                return 42;
            }

            @Override
            public ProgressMonitor monitor() {
                return ProgressMonitor.none();
            }

            @Override
            public <T> T input(String port, Class<T> type) {
                throw new IllegalArgumentException("an estimator node has no inputs");
            }

            @Override
            public <T> Optional<T> optionalInput(String port, Class<T> type) {
                return Optional.empty();
            }

            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }
        });
        return (ConfiguredEstimator) out.get("estimator");
    }
}

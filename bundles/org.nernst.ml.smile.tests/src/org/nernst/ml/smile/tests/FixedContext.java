package org.nernst.ml.smile.tests;

import java.util.Optional;

import org.nernst.core.node.NodeContext;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

/** The context an estimator node sees, without a workflow: defaults, a seed and no inputs. */
record FixedContext(NodeDescriptor descriptor, Parameters parameters, long seed) implements NodeContext {

    @Override
    public String nodeId() {
        return "test";
    }

    @Override
    public ProgressMonitor monitor() {
        return ProgressMonitor.none();
    }

    @Override
    public <T> T input(String port, Class<T> type) {
        throw new IllegalArgumentException("estimator nodes have no input port '" + port + "'");
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
}

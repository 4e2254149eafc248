package org.nernst.ml.smile.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.nernst.core.node.NodeContext;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

/** The context an operation node sees in a workflow: given inputs, a seed, and the messages it reports. */
record TableContext(NodeDescriptor descriptor, Parameters parameters, long seed, Map<String, Object> inputs,
        List<String> messages) implements NodeContext {

    TableContext(NodeDescriptor descriptor, Parameters parameters, long seed, Map<String, Object> inputs) {
        this(descriptor, parameters, seed, inputs, new ArrayList<>());
    }

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
        return type.cast(inputs.get(port));
    }

    @Override
    public <T> Optional<T> optionalInput(String port, Class<T> type) {
        return Optional.ofNullable(inputs.get(port)).map(type::cast);
    }

    @Override
    public void info(String message) {
        messages.add("info: " + message);
    }

    @Override
    public void warn(String message) {
        messages.add("warning: " + message);
    }
}

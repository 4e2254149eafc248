package org.nernst.conformance;

import java.util.Map;
import java.util.Optional;

import org.nernst.core.node.NodeContext;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

/**
 * What a node sees when a check runs it without a workflow: resolved parameters, a seed, the given
 * inputs and a monitor.
 *
 * @since 0.1
 */
public record ConformanceContext(NodeDescriptor descriptor, Parameters parameters, long seed, Map<String, Object> inputs,
        ProgressMonitor monitor) implements NodeContext {

    public ConformanceContext {
        inputs = Map.copyOf(inputs);
    }

    @Override
    public String nodeId() {
        return "conformance";
    }

    @Override
    public <T> T input(String port, Class<T> type) {
        Object v = inputs.get(port);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("input '" + port + "' of " + descriptor.id() + " is " + v
                    + ", expected a " + type.getSimpleName());
        }
        return type.cast(v);
    }

    @Override
    public <T> Optional<T> optionalInput(String port, Class<T> type) {
        Object v = inputs.get(port);
        return type.isInstance(v) ? Optional.of(type.cast(v)) : Optional.empty();
    }

    @Override
    public void info(String message) {
    }

    @Override
    public void warn(String message) {
    }
}

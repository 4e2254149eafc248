package org.nernst.core.node;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the registry knows about a contributed node from its {@code plugin.xml} metadata alone,
 * without loading the contributor's classes.
 *
 * @param id globally unique id, e.g. {@code org.nernst.ml.smile.randomForest}
 * @param kind which extension point contributed it
 * @param label short name for the palette
 * @param category palette group, e.g. {@code Regression}
 * @param description what the node does, for tooltips and help
 * @param inputs input ports
 * @param outputs output ports
 * @param parameters parameters in display order
 * @param contributor symbolic name of the contributing bundle
 * @param className implementation class (loaded only when the node is created)
 * @param attributes further kind-specific metadata (e.g. {@code task}, {@code probabilistic})
 * @since 0.1
 */
public record NodeDescriptor(String id, NodeKind kind, String label, String category, String description,
        List<PortSpec> inputs, List<PortSpec> outputs, List<ParameterSpec> parameters, String contributor,
        String className, Map<String, String> attributes) {

    public NodeDescriptor {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        parameters = List.copyOf(parameters);
        attributes = Map.copyOf(attributes);
    }

    public Optional<PortSpec> input(String name) {
        return inputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<PortSpec> output(String name) {
        return outputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<ParameterSpec> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}

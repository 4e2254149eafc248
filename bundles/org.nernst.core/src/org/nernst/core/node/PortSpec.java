package org.nernst.core.node;

/**
 * An input or output port of a node.
 *
 * @param name unique among the node's inputs (or outputs)
 * @param type what flows through it
 * @param optional for inputs: whether the node runs without it
 * @param description one sentence for tooltips and {@code nernst list}
 * @since 0.1
 */
public record PortSpec(String name, PortType type, boolean optional, String description) {
    public PortSpec {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("port name '" + name + "' must be a letter followed by letters, digits or _");
        }
        description = description == null ? "" : description;
    }
}

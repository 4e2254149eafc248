package org.nernst.core.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One node of a workflow: an instance of a contributed node type with its parameter values and
 * the outputs feeding its inputs.
 *
 * @param id stable id, unique in the workflow; letters, digits, {@code _} and {@code -}
 * @param type the contributed node id, e.g. {@code org.nernst.ml.smile.randomForest}
 * @param label optional display name ({@code ""} for none)
 * @param parameters raw parameter values as saved (validated against the type's metadata)
 * @param inputs input port name → the output that feeds it
 * @param save whether every output is written even when another node consumes it
 * @param x editor position, or 0
 * @param y editor position, or 0
 * @since 0.1
 */
public record WorkflowNode(String id, String type, String label, Map<String, Object> parameters,
        Map<String, PortRef> inputs, boolean save, int x, int y) {

    public WorkflowNode {
        label = label == null ? "" : label;
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    public WorkflowNode(String id, String type, Map<String, Object> parameters, Map<String, PortRef> inputs) {
        this(id, type, "", parameters, inputs, false, 0, 0);
    }

    /** A copy with one parameter set to a raw value. */
    public WorkflowNode withParameter(String name, Object value) {
        Map<String, Object> p = new LinkedHashMap<>(parameters);
        p.put(name, value);
        return new WorkflowNode(id, type, label, p, inputs, save, x, y);
    }
}

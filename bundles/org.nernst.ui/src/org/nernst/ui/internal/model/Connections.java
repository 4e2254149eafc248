package org.nernst.ui.internal.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.PortSpec;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.workflow.PortRef;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowNode;

/** Whether an output may feed an input, and the graph walks the editor needs (downstream, upstream). */
public final class Connections {
    private Connections() {
    }

    /** Why {@code from.output} cannot feed {@code to.input}, or empty if it can (types only). */
    public static Optional<String> problem(NodeRegistry registry, WorkflowNode from, String output, WorkflowNode to,
            String input) {
        Optional<NodeDescriptor> fd = registry.find(from.type());
        Optional<NodeDescriptor> td = registry.find(to.type());
        if (fd.isEmpty() || td.isEmpty()) {
            return Optional.of("unknown node type '" + (fd.isEmpty() ? from.type() : to.type()) + "'");
        }
        Optional<PortSpec> out = fd.get().output(output);
        Optional<PortSpec> in = td.get().input(input);
        if (out.isEmpty()) {
            return Optional.of("'" + from.id() + "' has no output '" + output + "'");
        }
        if (in.isEmpty()) {
            return Optional.of("'" + to.id() + "' has no input '" + input + "'");
        }
        if (!in.get().type().accepts(out.get().type())) {
            return Optional.of("input '" + to.id() + "." + input + "' takes " + in.get().type() + " but output '"
                    + from.id() + "." + output + "' gives " + out.get().type());
        }
        return Optional.empty();
    }

    /** The node and every node fed by it, directly or not. */
    public static Set<String> downstream(Workflow wf, String id) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(id);
        while (!todo.isEmpty()) {
            String n = todo.poll();
            if (out.add(n)) {
                for (WorkflowNode m : wf.nodes()) {
                    if (m.inputs().values().stream().anyMatch(r -> r.node().equals(n))) {
                        todo.add(m.id());
                    }
                }
            }
        }
        return out;
    }

    /** The node and every node it depends on. */
    public static Set<String> upstream(Workflow wf, String id) {
        Set<String> out = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(id);
        while (!todo.isEmpty()) {
            String n = todo.poll();
            if (out.add(n)) {
                wf.node(n).ifPresent(m -> m.inputs().values().stream().map(PortRef::node).forEach(todo::add));
            }
        }
        return out;
    }
}

package org.nernst.ui.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.PortSpec;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.workflow.PortRef;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowNode;

/**
 * The configuration problems of one node, from metadata alone (as the validator checks a whole
 * workflow): unknown type, invalid or missing parameters, unconnected required inputs, inputs fed
 * by a missing node or an incompatible output.
 */
public final class NodeChecks {
    private NodeChecks() {
    }

    public static List<String> problems(NodeRegistry registry, Workflow wf, WorkflowNode n) {
        List<String> problems = new ArrayList<>();
        Optional<NodeDescriptor> type = registry.find(n.type());
        if (type.isEmpty()) {
            problems.add("unknown node type '" + n.type() + "': no installed bundle contributes it");
            return problems;
        }
        NodeDescriptor d = type.get();
        try {
            Parameters.resolve(d.parameters(), n.parameters());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        for (PortSpec p : d.inputs()) {
            PortRef ref = n.inputs().get(p.name());
            if (ref == null) {
                if (!p.optional()) {
                    problems.add("required input '" + p.name() + "' (" + p.type() + ") is not connected");
                }
                continue;
            }
            Optional<WorkflowNode> from = wf.node(ref.node());
            if (from.isEmpty()) {
                problems.add("input '" + p.name() + "' refers to node '" + ref.node() + "', which is not in the workflow");
                continue;
            }
            Optional<String> reason = Connections.problem(registry, from.get(), ref.port(), n, p.name());
            reason.ifPresent(problems::add);
        }
        return problems;
    }
}

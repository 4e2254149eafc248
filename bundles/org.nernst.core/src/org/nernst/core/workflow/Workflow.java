package org.nernst.core.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A workflow: a directed acyclic graph of {@link WorkflowNode}s, saved as a versioned JSON file
 * (see {@link WorkflowJson}). Immutable; edits return new workflows.
 *
 * @param name short name, used for output folders
 * @param description what the workflow does
 * @param seed the base seed; each node derives its own from it and its id
 * @param nodes the nodes in file order
 * @since 0.1
 */
public record Workflow(String name, String description, long seed, List<WorkflowNode> nodes) {

    /** The version of the file format this code writes. */
    public static final int FORMAT_VERSION = 1;

    public Workflow {
        description = description == null ? "" : description;
        nodes = List.copyOf(nodes);
    }

    public Optional<WorkflowNode> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** A copy with one node replaced (matched by id). */
    public Workflow with(WorkflowNode node) {
        List<WorkflowNode> out = new ArrayList<>(nodes);
        boolean found = false;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).id().equals(node.id())) {
                out.set(i, node);
                found = true;
            }
        }
        if (!found) {
            out.add(node);
        }
        return new Workflow(name, description, seed, out);
    }

    /**
     * Applies a {@code node.parameter=value} override, as the CLI's {@code --set} does.
     *
     * @throws IllegalArgumentException if the node does not exist or the text has no {@code =}
     */
    public Workflow withOverride(String assignment) {
        int eq = assignment.indexOf('=');
        int dot = eq < 0 ? -1 : assignment.lastIndexOf('.', eq);
        if (eq < 0 || dot <= 0) {
            throw new IllegalArgumentException("'" + assignment + "' is not of the form node.parameter=value");
        }
        String nodeId = assignment.substring(0, dot);
        String param = assignment.substring(dot + 1, eq);
        WorkflowNode n = node(nodeId).orElseThrow(() -> new IllegalArgumentException("--set " + assignment
                + ": the workflow has no node '" + nodeId + "'; its nodes are "
                + nodes.stream().map(WorkflowNode::id).toList()));
        return with(n.withParameter(param, assignment.substring(eq + 1)));
    }
}

package org.nernst.core.workflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.PortSpec;
import org.nernst.core.registry.NodeRegistry;

/**
 * Checks a workflow against the installed nodes' metadata before anything runs: unknown node
 * types, duplicate ids, parameters (unknown, missing, wrong type, out of range), connections
 * (unknown node or port, incompatible types, unconnected required inputs) and cycles. Each problem
 * names the node and what to change.
 *
 * @since 0.1
 */
public final class WorkflowValidator {
    private final NodeRegistry registry;

    public WorkflowValidator(NodeRegistry registry) {
        this.registry = registry;
    }

    /** Every problem found; empty if the workflow can run. */
    public List<String> problems(Workflow wf) {
        List<String> problems = new ArrayList<>();
        if (wf.name() == null || !wf.name().matches("[A-Za-z0-9][A-Za-z0-9_.\\-]*") || wf.name().contains("..")) {
            problems.add("workflow name '" + wf.name() + "' must start with a letter or digit and hold only letters, "
                    + "digits, '.', '_' and '-' (it names the output folder)");
        }
        Map<String, WorkflowNode> byId = new LinkedHashMap<>();
        for (WorkflowNode n : wf.nodes()) {
            if (!n.id().matches("[A-Za-z][A-Za-z0-9_\\-]*")) {
                problems.add("node '" + n.id() + "': an id must start with a letter and hold only letters, digits, '_' and '-'");
            }
            if (byId.put(n.id(), n) != null) {
                problems.add("node '" + n.id() + "': the id is used by more than one node");
            }
        }
        for (WorkflowNode n : wf.nodes()) {
            String where = "node '" + n.id() + "'";
            Optional<NodeDescriptor> type = registry.find(n.type());
            if (type.isEmpty()) {
                problems.add(where + ": unknown node type '" + n.type()
                        + "' (no installed bundle contributes it; 'nernst list' shows the installed nodes)");
                continue;
            }
            NodeDescriptor d = type.get();
            try {
                Parameters.resolve(d.parameters(), n.parameters());
            } catch (IllegalArgumentException e) {
                problems.add(where + " (" + d.id() + "): " + e.getMessage());
            }
            for (Map.Entry<String, PortRef> in : n.inputs().entrySet()) {
                Optional<PortSpec> port = d.input(in.getKey());
                if (port.isEmpty()) {
                    problems.add(where + ": no input port '" + in.getKey() + "'; " + d.id() + " has inputs "
                            + d.inputs().stream().map(PortSpec::name).toList());
                    continue;
                }
                PortRef src = in.getValue();
                WorkflowNode from = byId.get(src.node());
                if (from == null) {
                    problems.add(where + ": input '" + in.getKey() + "' refers to node '" + src.node()
                            + "', which is not in the workflow");
                    continue;
                }
                Optional<NodeDescriptor> fromType = registry.find(from.type());
                if (fromType.isEmpty()) {
                    continue;
                }
                Optional<PortSpec> out = fromType.get().output(src.port());
                if (out.isEmpty()) {
                    problems.add(where + ": input '" + in.getKey() + "' refers to output '" + src + "', but "
                            + from.type() + " has outputs " + fromType.get().outputs().stream().map(PortSpec::name).toList());
                } else if (!port.get().type().accepts(out.get().type())) {
                    problems.add(where + ": input '" + in.getKey() + "' takes " + port.get().type() + " but output '" + src
                            + "' gives " + out.get().type());
                }
            }
            for (PortSpec p : d.inputs()) {
                if (!p.optional() && !n.inputs().containsKey(p.name())) {
                    problems.add(where + ": required input '" + p.name() + "' (" + p.type() + ") is not connected");
                }
            }
        }
        if (problems.isEmpty()) {
            List<String> cycle = findCycle(wf);
            if (!cycle.isEmpty()) {
                problems.add("the workflow has a cycle: " + String.join(" -> ", cycle));
            }
        }
        return problems;
    }

    /** @throws WorkflowException listing every problem, if any */
    public void check(String source, Workflow wf) throws WorkflowException {
        List<String> p = problems(wf);
        if (!p.isEmpty()) {
            throw new WorkflowException(source, p);
        }
    }

    /** The nodes in an order where every node comes after the nodes that feed it (Kahn). */
    public static List<WorkflowNode> topologicalOrder(Workflow wf) {
        Map<String, Integer> indegree = new HashMap<>();
        Map<String, List<WorkflowNode>> dependents = new HashMap<>();
        for (WorkflowNode n : wf.nodes()) {
            indegree.put(n.id(), (int) n.inputs().values().stream().map(PortRef::node).distinct().count());
            for (String src : n.inputs().values().stream().map(PortRef::node).distinct().toList()) {
                dependents.computeIfAbsent(src, k -> new ArrayList<>()).add(n);
            }
        }
        Deque<WorkflowNode> ready = new ArrayDeque<>();
        for (WorkflowNode n : wf.nodes()) {
            if (indegree.get(n.id()) == 0) {
                ready.add(n);
            }
        }
        List<WorkflowNode> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            WorkflowNode n = ready.poll();
            order.add(n);
            for (WorkflowNode d : dependents.getOrDefault(n.id(), List.of())) {
                if (indegree.merge(d.id(), -1, Integer::sum) == 0) {
                    ready.add(d);
                }
            }
        }
        return order;
    }

    private static List<String> findCycle(Workflow wf) {
        Map<String, List<String>> feeds = new HashMap<>();
        for (WorkflowNode n : wf.nodes()) {
            feeds.put(n.id(), n.inputs().values().stream().map(PortRef::node).distinct().toList());
        }
        Map<String, Integer> state = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        for (WorkflowNode n : wf.nodes()) {
            List<String> c = dfs(n.id(), feeds, state, path);
            if (!c.isEmpty()) {
                return c;
            }
        }
        return List.of();
    }

    private static List<String> dfs(String id, Map<String, List<String>> feeds, Map<String, Integer> state,
            Deque<String> path) {
        Integer s = state.get(id);
        if (s != null && s == 2) {
            return List.of();
        }
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>();
            boolean on = false;
            for (String p : (Iterable<String>) path::descendingIterator) {
                on |= p.equals(id);
                if (on) {
                    cycle.add(p);
                }
            }
            cycle.add(id);
            return cycle;
        }
        state.put(id, 1);
        path.push(id);
        for (String src : feeds.getOrDefault(id, List.of())) {
            List<String> c = dfs(src, feeds, state, path);
            if (!c.isEmpty()) {
                return c;
            }
        }
        path.pop();
        state.put(id, 2);
        return List.of();
    }
}

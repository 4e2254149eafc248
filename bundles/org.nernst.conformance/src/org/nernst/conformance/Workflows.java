package org.nernst.conformance;

import java.util.List;
import java.util.Map;

import org.nernst.core.exec.CancelToken;
import org.nernst.core.exec.ExecutionListener;
import org.nernst.core.exec.RunResult;
import org.nernst.core.exec.WorkflowExecutor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowNode;

/**
 * Runs contributed nodes through the platform registry and the real workflow executor, as a saved
 * workflow would run (unlike {@link Nodes#run}, which calls one node directly).
 *
 * @since 0.2
 */
public final class Workflows {
    private Workflows() {
    }

    /** One node of {@code type} with these parameters (defaults for the rest), id {@code n}. */
    public static RunResult node(String type, Map<String, Object> params) throws Exception {
        return nodes(List.of(new WorkflowNode("n", type, params, Map.of())), null);
    }

    /** Several nodes; each message the nodes report is added to {@code messages} (when not null). */
    public static RunResult nodes(List<WorkflowNode> nodes, List<String> messages) throws Exception {
        return new WorkflowExecutor(NodeRegistry.platform(), 2).run(new Workflow("test", "", 1, nodes),
                new ExecutionListener() {
                    @Override
                    public void message(String nodeId, boolean warning, String message) {
                        if (messages != null) {
                            messages.add((warning ? "WARNING " : "") + nodeId + ": " + message);
                        }
                    }
                }, new CancelToken());
    }
}

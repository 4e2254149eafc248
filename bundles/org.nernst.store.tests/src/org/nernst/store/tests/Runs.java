package org.nernst.store.tests;

import java.util.List;
import java.util.Map;

import org.nernst.core.exec.CancelToken;
import org.nernst.core.exec.ExecutionListener;
import org.nernst.core.exec.RunResult;
import org.nernst.core.exec.WorkflowExecutor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.workflow.PortRef;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowNode;

/** Runs a contributed node through the real registry and executor, as a workflow would. */
final class Runs {
    private Runs() {
    }

    static RunResult node(String type, Map<String, Object> params) throws Exception {
        return new WorkflowExecutor(NodeRegistry.platform(), 2).run(new Workflow("test", "", 1,
                List.of(new WorkflowNode("n", type, params, Map.of()))), new ExecutionListener() {
                }, new CancelToken());
    }

    static RunResult nodes(List<WorkflowNode> nodes, List<String> messages) throws Exception {
        return new WorkflowExecutor(NodeRegistry.platform(), 2).run(new Workflow("test", "", 1, nodes),
                new ExecutionListener() {
                    @Override
                    public void message(String nodeId, boolean warning, String message) {
                        messages.add((warning ? "WARNING " : "") + nodeId + ": " + message);
                    }
                }, new CancelToken());
    }

    static PortRef ref(String s) {
        return PortRef.parse(s);
    }
}

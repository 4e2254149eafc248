package org.nernst.ui.internal.model;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nernst.core.workflow.PortRef;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowNode;
import org.nernst.core.workflow.WorkflowValidator;

/**
 * Places nodes in columns by topological depth (a node sits one column right of its deepest
 * source), keeping file order within a column. Good enough for the left-to-right pipelines
 * scientists build; no crossing minimisation.
 */
public final class AutoLayout {
    public static final int LEFT = 40;
    public static final int TOP = 40;
    public static final int COLUMN = 230;
    public static final int ROW = 130;

    private AutoLayout() {
    }

    /** Node id → {x, y}. Nodes on a cycle (invalid anyway) go to column 0. */
    public static Map<String, int[]> positions(Workflow wf) {
        Map<String, Integer> depth = new HashMap<>();
        for (WorkflowNode n : WorkflowValidator.topologicalOrder(wf)) {
            int d = 0;
            for (PortRef r : n.inputs().values()) {
                d = Math.max(d, depth.getOrDefault(r.node(), 0) + 1);
            }
            depth.put(n.id(), d);
        }
        Map<Integer, Integer> rows = new HashMap<>();
        Map<String, int[]> out = new LinkedHashMap<>();
        List<WorkflowNode> nodes = wf.nodes();
        for (WorkflowNode n : nodes) {
            int d = depth.getOrDefault(n.id(), 0);
            int row = rows.merge(d, 1, Integer::sum) - 1;
            out.put(n.id(), new int[] { LEFT + d * COLUMN, TOP + row * ROW });
        }
        return out;
    }
}

package org.nernst.ui.internal.views;

import java.util.ArrayList;
import java.util.List;

import org.nernst.core.exec.Result;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.PortSpec;
import org.nernst.core.node.PortType;
import org.nernst.ui.internal.editor.NodeSelection;
import org.nernst.ui.internal.model.NodeState;
import org.nernst.ui.internal.model.RunState;

/** The current outputs of a selected node, and what to say when there are none. */
final class Outputs {
    private Outputs() {
    }

    /** Output port names of the node with the given type. */
    static List<String> ports(NodeSelection s, PortType type) {
        List<String> out = new ArrayList<>();
        if (s != null) {
            s.document().descriptor(s.nodeId()).map(NodeDescriptor::outputs).orElse(List.of()).stream()
                    .filter(p -> p.type().equals(type)).map(PortSpec::name).forEach(out::add);
        }
        return out;
    }

    /** The current value of an output, or {@code null} if there is none (never run, stale, failed). */
    static Object value(NodeSelection s, String port) {
        if (s == null || port == null) {
            return null;
        }
        Result r = s.document().runState().entry(s.nodeId()).outputs().get(port);
        return r == null ? null : r.value();
    }

    /** Why a node shows no result. */
    static String absence(NodeSelection s) {
        if (s == null) {
            return "Select a node in a workflow editor.";
        }
        RunState.Entry e = s.document().runState().entry(s.nodeId());
        NodeState st = s.document().state(s.nodeId());
        return switch (st) {
            case STALE -> s.nodeId() + " changed since the last run: run the workflow again.";
            case RUNNING -> s.nodeId() + " is running…";
            case DONE -> s.nodeId() + " is done but left no result here.";
            case FAILED -> s.nodeId() + " failed: " + e.message();
            case NOT_CONFIGURED -> s.nodeId() + " is not configured: " + String.join("; ", s.document().problems(s.nodeId()));
            default -> s.nodeId() + " has no result yet: run the workflow.";
        };
    }
}

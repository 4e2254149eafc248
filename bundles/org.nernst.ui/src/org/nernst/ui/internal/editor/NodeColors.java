package org.nernst.ui.internal.editor;

import org.eclipse.swt.graphics.Color;
import org.nernst.core.node.PortType;
import org.nernst.ui.internal.model.NodeState;

/** Fill colours for node states and a stable colour per port type. */
final class NodeColors {
    private static final Color[] PORTS = { new Color(46, 125, 50), new Color(21, 101, 192), new Color(142, 36, 170),
            new Color(230, 81, 0), new Color(0, 131, 143), new Color(173, 20, 87), new Color(93, 64, 55) };

    private NodeColors() {
    }

    static Color fill(NodeState s) {
        return switch (s) {
            case NOT_CONFIGURED -> new Color(236, 236, 236);
            case READY -> new Color(255, 255, 255);
            case STALE -> new Color(255, 246, 204);
            case RUNNING -> new Color(214, 232, 255);
            case DONE -> new Color(221, 245, 221);
            case FAILED -> new Color(255, 215, 215);
        };
    }

    static Color port(PortType t) {
        return switch (t.id()) {
            case "table" -> PORTS[0];
            case "estimator" -> PORTS[1];
            case "model" -> PORTS[2];
            case "metrics" -> PORTS[3];
            case "figure" -> PORTS[4];
            default -> PORTS[Math.floorMod(t.id().hashCode(), PORTS.length)];
        };
    }
}

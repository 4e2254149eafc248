package org.nernst.ui.internal.editor;

import java.util.List;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.PortSpec;
import org.nernst.core.workflow.WorkflowNode;

/**
 * Where a node and its ports sit on the canvas, in model (unzoomed) coordinates: inputs down the
 * left edge, outputs down the right edge, one row each under a title bar.
 */
record NodeFigure(WorkflowNode node, NodeDescriptor descriptor, Rectangle bounds) {
    static final int WIDTH = 180;
    static final int TITLE = 36;
    static final int ROW = 18;
    static final int PORT_RADIUS = 5;

    static NodeFigure of(WorkflowNode node, NodeDescriptor descriptor) {
        int rows = descriptor == null ? 0 : Math.max(descriptor.inputs().size(), descriptor.outputs().size());
        return new NodeFigure(node, descriptor, new Rectangle(node.x(), node.y(), WIDTH, TITLE + rows * ROW + 10));
    }

    List<PortSpec> inputs() {
        return descriptor == null ? List.of() : descriptor.inputs();
    }

    List<PortSpec> outputs() {
        return descriptor == null ? List.of() : descriptor.outputs();
    }

    Point inputAnchor(int index) {
        return new Point(bounds.x, bounds.y + TITLE + index * ROW + ROW / 2);
    }

    Point outputAnchor(int index) {
        return new Point(bounds.x + bounds.width, bounds.y + TITLE + index * ROW + ROW / 2);
    }

    Point inputAnchor(String name) {
        List<PortSpec> in = inputs();
        for (int i = 0; i < in.size(); i++) {
            if (in.get(i).name().equals(name)) {
                return inputAnchor(i);
            }
        }
        return new Point(bounds.x, bounds.y + TITLE / 2);
    }

    Point outputAnchor(String name) {
        List<PortSpec> out = outputs();
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).name().equals(name)) {
                return outputAnchor(i);
            }
        }
        return new Point(bounds.x + bounds.width, bounds.y + TITLE / 2);
    }

    /** The input port near a point, or {@code null}. */
    PortSpec inputAt(int x, int y) {
        for (int i = 0; i < inputs().size(); i++) {
            if (near(inputAnchor(i), x, y)) {
                return inputs().get(i);
            }
        }
        return null;
    }

    PortSpec outputAt(int x, int y) {
        for (int i = 0; i < outputs().size(); i++) {
            if (near(outputAnchor(i), x, y)) {
                return outputs().get(i);
            }
        }
        return null;
    }

    private static boolean near(Point p, int x, int y) {
        int r = PORT_RADIUS + 4;
        return Math.abs(p.x - x) <= r && Math.abs(p.y - y) <= r;
    }
}

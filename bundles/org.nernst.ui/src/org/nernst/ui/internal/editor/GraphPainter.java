package org.nernst.ui.internal.editor;

import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Path;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.nernst.core.node.PortSpec;
import org.nernst.core.workflow.PortRef;
import org.nernst.ui.internal.model.NodeState;
import org.nernst.ui.internal.model.RunState;
import org.nernst.ui.internal.model.WorkflowDocument;

/**
 * Draws a workflow graph: nodes as rounded boxes coloured by state with their ports and labels,
 * edges as curves. Only what intersects the damaged area is drawn, and text measurements are
 * cached, so a large graph paints as fast as its visible part.
 */
final class GraphPainter {
    static final Color BACKGROUND = new Color(250, 250, 252);
    private static final Color BORDER = new Color(90, 90, 100);
    private static final Color SELECTED = new Color(30, 100, 220);
    private static final Color EDGE = new Color(110, 110, 120);
    private static final Color ERROR = new Color(190, 30, 30);
    private static final Color TEXT = new Color(20, 20, 30);
    private static final Color MUTED = new Color(100, 100, 110);
    private static final Color PROGRESS = new Color(60, 130, 220);

    private final WorkflowDocument document;
    private final Font normal;
    private final Font bold;

    GraphPainter(WorkflowDocument document, Font normal) {
        this.document = document;
        this.normal = normal;
        FontData fd = normal.getFontData()[0];
        bold = new Font(normal.getDevice(), fd.getName(), fd.getHeight(), SWT.BOLD);
    }

    void dispose() {
        bold.dispose();
    }

    /**
     * Paints the graph at a zoom factor, without the edge into {@code hiddenInput} (being dragged
     * away), with a dashed wire from {@code wire} to {@code pointer} while one is drawn, and the
     * message along the bottom.
     */
    void paint(GC gc, Rectangle area, double zoom, Point origin, Map<String, NodeFigure> figures,
            java.util.Set<String> selected, PortRef hiddenInput, PortRef wire, Point pointer, String message) {
        gc.setBackground(BACKGROUND);
        gc.fillRectangle(area);
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        // only what intersects the damaged area is drawn: a 200-node graph paints as fast as its visible part.
        // Asked in pixels before the transform is set: with a transform, GTK's GC computes the clip by
        // rasterizing a polygon over the whole area, which took most of the time of a paint.
        Rectangle damage = gc.getClipping();
        Transform t = new Transform(gc.getDevice());
        // scrolled by origin (pixels), then zoomed: model point p is drawn at p * zoom - origin
        t.translate(-origin.x, -origin.y);
        t.scale((float) zoom, (float) zoom);
        gc.setTransform(t);
        Rectangle visible = new Rectangle((int) ((damage.x + origin.x) / zoom) - 2, (int) ((damage.y + origin.y) / zoom) - 2,
                (int) Math.ceil(damage.width / zoom) + 4, (int) Math.ceil(damage.height / zoom) + 4);
        for (NodeFigure f : figures.values()) {
            for (Map.Entry<String, PortRef> in : f.node().inputs().entrySet()) {
                NodeFigure src = figures.get(in.getValue().node());
                if (src != null && !new PortRef(f.node().id(), in.getKey()).equals(hiddenInput)) {
                    Point a = src.outputAnchor(in.getValue().port());
                    Point b = f.inputAnchor(in.getKey());
                    int dx = Math.max(40, Math.abs(b.x - a.x) / 2);
                    Rectangle box = new Rectangle(Math.min(a.x, b.x) - dx, Math.min(a.y, b.y),
                            Math.abs(b.x - a.x) + 2 * dx, Math.abs(b.y - a.y) + 1);
                    if (box.intersects(visible)) {
                        edge(gc, a, b);
                    }
                }
            }
        }
        for (NodeFigure f : figures.values()) {
            if (f.bounds().intersects(visible)) {
                node(gc, f, selected.contains(f.node().id()));
            }
        }
        if (pointer != null && wire != null) {
            NodeFigure src = figures.get(wire.node());
            if (src != null) {
                gc.setLineStyle(SWT.LINE_DASH);
                edge(gc, src.outputAnchor(wire.port()), pointer);
                gc.setLineStyle(SWT.LINE_SOLID);
            }
        }
        gc.setTransform(null);
        t.dispose();
        if (!message.isEmpty()) {
            gc.setForeground(ERROR);
            gc.setFont(bold);
            gc.drawText(message, 8, area.height - gc.getFontMetrics().getHeight() - 8, true);
        }
    }

    private static void edge(GC gc, Point a, Point b) {
        Path p = new Path(gc.getDevice());
        float dx = Math.max(40, Math.abs(b.x - a.x) / 2f);
        p.moveTo(a.x, a.y);
        p.cubicTo(a.x + dx, a.y, b.x - dx, b.y, b.x, b.y);
        gc.setForeground(EDGE);
        gc.setLineWidth(2);
        gc.drawPath(p);
        gc.setLineWidth(1);
        p.dispose();
    }

    private void node(GC gc, NodeFigure f, boolean sel) {
        Rectangle r = f.bounds();
        String id = f.node().id();
        NodeState state = document.state(id);
        RunState.Entry run = document.runState().entry(id);
        gc.setBackground(NodeColors.fill(state));
        gc.fillRoundRectangle(r.x, r.y, r.width, r.height, 10, 10);
        gc.setForeground(sel ? SELECTED : BORDER);
        gc.setLineWidth(sel ? 3 : 1);
        gc.drawRoundRectangle(r.x, r.y, r.width, r.height, 10, 10);
        gc.setLineWidth(1);
        String title = !f.node().label().isEmpty() ? f.node().label()
                : f.descriptor() != null ? f.descriptor().label() : f.node().type();
        gc.setFont(bold);
        gc.setForeground(TEXT);
        gc.drawText(clip(gc, title, r.width - 12), r.x + 6, r.y + 3, true);
        gc.setFont(normal);
        gc.setForeground(state == NodeState.FAILED || state == NodeState.NOT_CONFIGURED ? ERROR : MUTED);
        gc.drawText(clip(gc, id + " · " + state.label(), r.width - 12), r.x + 6, r.y + 18, true);
        if (state == NodeState.RUNNING && run.progress() >= 0) {
            gc.setBackground(PROGRESS);
            gc.fillRectangle(r.x + 1, r.y + NodeFigure.TITLE - 2, (int) ((r.width - 2) * run.progress()), 2);
        }
        List<PortSpec> in = f.inputs();
        for (int i = 0; i < in.size(); i++) {
            Point a = f.inputAnchor(i);
            port(gc, a, in.get(i), f.node().inputs().containsKey(in.get(i).name()));
            gc.setForeground(TEXT);
            gc.drawText(in.get(i).name(), a.x + 9, a.y - lineHeight(gc) / 2, true);
        }
        List<PortSpec> out = f.outputs();
        for (int i = 0; i < out.size(); i++) {
            Point a = f.outputAnchor(i);
            port(gc, a, out.get(i), true);
            String name = out.get(i).name();
            gc.setForeground(TEXT);
            gc.drawText(name, a.x - 9 - textWidth(gc, name), a.y - lineHeight(gc) / 2, true);
        }
    }

    private final Map<org.eclipse.swt.graphics.Font, Integer> lineHeights = new java.util.HashMap<>();

    /** The current font's line height, asked of Pango once per font: a query per port label was measurable. */
    private int lineHeight(GC gc) {
        return lineHeights.computeIfAbsent(gc.getFont(), f -> gc.getFontMetrics().getHeight());
    }

    private final Map<String, Integer> widths = new java.util.HashMap<>();

    private int textWidth(GC gc, String s) {
        return widths.computeIfAbsent(gc.getFont().hashCode() + "/" + s, k -> gc.textExtent(s).x);
    }

    /**
     * A port: a disc in its type's colour, hollowed out with the background when an input is
     * still unconnected. Two fills instead of a fill and a stroke: Cairo strokes a small circle
     * far more slowly than it fills one, and a 200-node graph has 600 ports.
     */
    private static void port(GC gc, Point a, PortSpec p, boolean filled) {
        int rad = NodeFigure.PORT_RADIUS;
        gc.setBackground(NodeColors.port(p.type()));
        gc.fillOval(a.x - rad - 1, a.y - rad - 1, 2 * rad + 2, 2 * rad + 2);
        if (!filled && !p.optional()) {
            gc.setBackground(BACKGROUND);
            gc.fillOval(a.x - rad + 1, a.y - rad + 1, 2 * rad - 2, 2 * rad - 2);
        }
    }

    /** Texts already shortened to fit a node, by font, width and text: measuring text is slow. */
    private final Map<String, String> clipped = new java.util.HashMap<>();

    private String clip(GC gc, String s, int width) {
        String key = gc.getFont().hashCode() + "/" + width + "/" + s;
        String c = clipped.get(key);
        if (c == null) {
            c = shorten(gc, s, width);
            if (clipped.size() > 5000) {
                clipped.clear();
            }
            clipped.put(key, c);
        }
        return c;
    }

    private static String shorten(GC gc, String s, int width) {
        if (gc.textExtent(s).x <= width) {
            return s;
        }
        while (s.length() > 1 && gc.textExtent(s + "…").x > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }
}

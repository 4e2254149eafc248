package org.nernst.ui.internal.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Path;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.nernst.core.node.PortSpec;
import org.nernst.core.workflow.PortRef;
import org.nernst.core.workflow.WorkflowNode;
import org.nernst.ui.internal.model.NodeState;
import org.nernst.ui.internal.model.RunState;
import org.nernst.ui.internal.model.WorkflowDocument;

/**
 * Draws a workflow as boxes with typed ports and curved edges, and turns mouse gestures into
 * document edits: drag a box to move it, drag from an output to an input to connect, drag a
 * connected input away to disconnect, Delete to remove the selected node, Ctrl+wheel or +/- to zoom
 * (0 for 100 %, f to fit).
 * All edits go through {@link WorkflowDocument}, so they are undoable; refusals are reported.
 */
public final class WorkflowCanvas extends Canvas {
    private static final Color BACKGROUND = new Color(250, 250, 252);
    private static final Color BORDER = new Color(90, 90, 100);
    private static final Color SELECTED = new Color(30, 100, 220);
    private static final Color EDGE = new Color(110, 110, 120);
    private static final Color ERROR = new Color(190, 30, 30);
    private static final Color TEXT = new Color(20, 20, 30);
    private static final Color MUTED = new Color(100, 100, 110);
    private static final Color PROGRESS = new Color(60, 130, 220);

    private final WorkflowDocument document;
    private final Font bold;
    private double zoom = 1.0;
    private String selected;
    private Consumer<String> selectionListener = id -> {
    };
    private Consumer<String> messageListener = m -> {
    };
    private String message = "";

    // gesture in progress (model coordinates)
    private String movingId;
    private Point moveOffset;
    private Point movePosition;
    private PortRef wireFrom;
    private WorkflowNode unplugFrom;
    private String unplugInput;
    private Point pointer;

    public WorkflowCanvas(Composite parent, WorkflowDocument document) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        this.document = document;
        FontData fd = getFont().getFontData()[0];
        bold = new Font(getDisplay(), fd.getName(), fd.getHeight(), SWT.BOLD);
        addListener(SWT.Paint, e -> paint(e.gc));
        addListener(SWT.MouseDown, this::mouseDown);
        addListener(SWT.MouseMove, this::mouseMove);
        addListener(SWT.MouseUp, this::mouseUp);
        addListener(SWT.MouseVerticalWheel, e -> {
            if ((e.stateMask & SWT.MOD1) != 0) {
                setZoom(zoom * (e.count > 0 ? 1.1 : 1 / 1.1));
                e.doit = false;
            }
        });
        addListener(SWT.KeyDown, this::keyDown);
        addListener(SWT.Dispose, e -> bold.dispose());
    }

    public double zoom() {
        return zoom;
    }

    /** Zoom factor, kept between 0.25 and 3. */
    public void setZoom(double z) {
        zoom = Math.max(0.25, Math.min(3.0, z));
        redraw();
    }

    /** Zooms so the whole graph fits the canvas (never above 100 %). */
    public void fit() {
        int w = 1, h = 1;
        for (NodeFigure f : figures().values()) {
            w = Math.max(w, f.bounds().x + f.bounds().width + 20);
            h = Math.max(h, f.bounds().y + f.bounds().height + 20);
        }
        Rectangle area = getClientArea();
        setZoom(Math.min(1.0, Math.min(area.width / (double) w, area.height / (double) h)));
    }

    public String selection() {
        return selected;
    }

    public void select(String nodeId) {
        if (!Objects.equals(selected, nodeId)) {
            selected = nodeId;
            selectionListener.accept(nodeId);
        }
        redraw();
    }

    void onSelection(Consumer<String> listener) {
        selectionListener = listener;
    }

    void onMessage(Consumer<String> listener) {
        messageListener = listener;
    }

    /** The last refusal or hint shown on the canvas ({@code ""} when none). */
    public String message() {
        return message;
    }

    void showMessage(String m) {
        message = m == null ? "" : m;
        messageListener.accept(message);
        redraw();
    }

    /** Model coordinates of a point on the control. */
    Point toModel(int x, int y) {
        return new Point((int) Math.round(x / zoom), (int) Math.round(y / zoom));
    }

    private Map<String, NodeFigure> figures() {
        Map<String, NodeFigure> out = new LinkedHashMap<>();
        for (WorkflowNode n : document.workflow().nodes()) {
            if (n.id().equals(movingId) && movePosition != null) {
                n = new WorkflowNode(n.id(), n.type(), n.label(), n.parameters(), n.inputs(), n.save(), movePosition.x,
                        movePosition.y);
            }
            out.put(n.id(), NodeFigure.of(n, document.registry().find(n.type()).orElse(null)));
        }
        return out;
    }

    // ---- painting ----

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setBackground(BACKGROUND);
        gc.fillRectangle(area);
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        Transform t = new Transform(getDisplay());
        t.scale((float) zoom, (float) zoom);
        gc.setTransform(t);
        Map<String, NodeFigure> figures = figures();
        // only what intersects the damaged area is drawn: a 200-node graph paints as fast as its visible part
        Rectangle damage = gc.getClipping();
        Rectangle visible = new Rectangle((int) (damage.x / zoom) - 2, (int) (damage.y / zoom) - 2,
                (int) Math.ceil(damage.width / zoom) + 4, (int) Math.ceil(damage.height / zoom) + 4);
        for (NodeFigure f : figures.values()) {
            for (Map.Entry<String, PortRef> in : f.node().inputs().entrySet()) {
                NodeFigure src = figures.get(in.getValue().node());
                if (src != null && !(f.node().id().equals(unplugFrom == null ? null : unplugFrom.id())
                        && in.getKey().equals(unplugInput))) {
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
                node(gc, f);
            }
        }
        if (pointer != null && (wireFrom != null || unplugFrom != null)) {
            PortRef from = wireFrom != null ? wireFrom : unplugFrom.inputs().get(unplugInput);
            NodeFigure src = figures.get(from.node());
            if (src != null) {
                gc.setLineStyle(SWT.LINE_DASH);
                edge(gc, src.outputAnchor(from.port()), pointer);
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

    private void node(GC gc, NodeFigure f) {
        Rectangle r = f.bounds();
        String id = f.node().id();
        NodeState state = document.state(id);
        RunState.Entry run = document.runState().entry(id);
        gc.setBackground(NodeColors.fill(state));
        gc.fillRoundRectangle(r.x, r.y, r.width, r.height, 10, 10);
        boolean sel = id.equals(selected);
        gc.setForeground(sel ? SELECTED : BORDER);
        gc.setLineWidth(sel ? 3 : 1);
        gc.drawRoundRectangle(r.x, r.y, r.width, r.height, 10, 10);
        gc.setLineWidth(1);
        String title = !f.node().label().isEmpty() ? f.node().label()
                : f.descriptor() != null ? f.descriptor().label() : f.node().type();
        gc.setFont(bold);
        gc.setForeground(TEXT);
        gc.drawText(clip(gc, title, r.width - 12), r.x + 6, r.y + 3, true);
        gc.setFont(getFont());
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
            gc.drawText(in.get(i).name(), a.x + 9, a.y - gc.getFontMetrics().getHeight() / 2, true);
        }
        List<PortSpec> out = f.outputs();
        for (int i = 0; i < out.size(); i++) {
            Point a = f.outputAnchor(i);
            port(gc, a, out.get(i), true);
            String name = out.get(i).name();
            gc.setForeground(TEXT);
            gc.drawText(name, a.x - 9 - textWidth(gc, name), a.y - gc.getFontMetrics().getHeight() / 2, true);
        }
    }

    private final Map<String, Integer> widths = new java.util.HashMap<>();

    private int textWidth(GC gc, String s) {
        return widths.computeIfAbsent(gc.getFont().hashCode() + "/" + s, k -> gc.textExtent(s).x);
    }

    private static void port(GC gc, Point a, PortSpec p, boolean filled) {
        int rad = NodeFigure.PORT_RADIUS;
        gc.setBackground(filled || p.optional() ? NodeColors.port(p.type()) : BACKGROUND);
        gc.fillOval(a.x - rad, a.y - rad, 2 * rad, 2 * rad);
        gc.setForeground(NodeColors.port(p.type()));
        gc.drawOval(a.x - rad, a.y - rad, 2 * rad, 2 * rad);
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

    // ---- gestures ----

    private NodeFigure hit(Point p, List<NodeFigure> figures) {
        for (int i = figures.size() - 1; i >= 0; i--) {
            NodeFigure f = figures.get(i);
            Rectangle r = f.bounds();
            if (f.inputAt(p.x, p.y) != null || f.outputAt(p.x, p.y) != null || r.contains(p)) {
                return f;
            }
        }
        return null;
    }

    private void mouseDown(Event e) {
        if (e.button != 1) {
            return;
        }
        setFocus();
        Point p = toModel(e.x, e.y);
        NodeFigure f = hit(p, new ArrayList<>(figures().values()));
        if (f == null) {
            select(null);
            return;
        }
        PortSpec out = f.outputAt(p.x, p.y);
        PortSpec in = f.inputAt(p.x, p.y);
        if (out != null) {
            wireFrom = new PortRef(f.node().id(), out.name());
        } else if (in != null && f.node().inputs().containsKey(in.name())) {
            unplugFrom = f.node();
            unplugInput = in.name();
        } else {
            movingId = f.node().id();
            moveOffset = new Point(p.x - f.bounds().x, p.y - f.bounds().y);
        }
        select(f.node().id());
    }

    private void mouseMove(Event e) {
        Point p = toModel(e.x, e.y);
        if (movingId != null) {
            movePosition = new Point(Math.max(0, p.x - moveOffset.x), Math.max(0, p.y - moveOffset.y));
            redraw();
        } else if (wireFrom != null || unplugFrom != null) {
            pointer = p;
            redraw();
        } else {
            String tip = tooltip(p);
            if (!Objects.equals(tip, getToolTipText())) {
                setToolTipText(tip);
            }
        }
    }

    private void mouseUp(Event e) {
        Point p = toModel(e.x, e.y);
        try {
            if (movingId != null && movePosition != null) {
                document.move(movingId, movePosition.x, movePosition.y);
            } else if (wireFrom != null || unplugFrom != null) {
                NodeFigure target = hit(p, new ArrayList<>(figures().values()));
                PortSpec in = target == null ? null : target.inputAt(p.x, p.y);
                if (unplugFrom != null) {
                    PortRef from = unplugFrom.inputs().get(unplugInput);
                    if (in == null || !(target.node().id().equals(unplugFrom.id()) && in.name().equals(unplugInput))) {
                        document.disconnect(unplugFrom.id(), unplugInput);
                        if (in != null) {
                            connect(from, target.node().id(), in.name());
                        }
                    }
                } else if (in != null) {
                    connect(wireFrom, target.node().id(), in.name());
                }
            }
        } catch (IllegalArgumentException ex) {
            showMessage(ex.getMessage());
        } finally {
            movingId = null;
            movePosition = null;
            wireFrom = null;
            unplugFrom = null;
            unplugInput = null;
            pointer = null;
            redraw();
        }
    }

    private void connect(PortRef from, String to, String input) {
        document.connect(from.node(), from.port(), to, input);
        showMessage("");
    }

    private void keyDown(Event e) {
        if ((e.keyCode == SWT.DEL || e.keyCode == SWT.BS) && selected != null) {
            document.removeNode(selected);
            select(null);
        } else if (e.character == '+' || e.character == '=') {
            setZoom(zoom * 1.2);
        } else if (e.character == '-') {
            setZoom(zoom / 1.2);
        } else if (e.character == '0') {
            setZoom(1);
        } else if (e.character == 'f') {
            fit();
        }
    }

    /** Node description, state message or port type under the pointer. */
    private String tooltip(Point p) {
        NodeFigure f = hit(p, new ArrayList<>(figures().values()));
        if (f == null) {
            return null;
        }
        PortSpec port = f.inputAt(p.x, p.y) != null ? f.inputAt(p.x, p.y) : f.outputAt(p.x, p.y);
        if (port != null) {
            return port.name() + " (" + port.type() + (port.optional() ? ", optional" : "") + ")"
                    + (port.description().isEmpty() ? "" : "\n" + port.description());
        }
        String id = f.node().id();
        StringBuilder sb = new StringBuilder(f.node().type());
        if (f.descriptor() != null && !f.descriptor().description().isBlank()) {
            sb.append('\n').append(f.descriptor().description().strip());
        }
        document.problems(id).forEach(pr -> sb.append("\n• ").append(pr));
        String msg = document.runState().entry(id).message();
        if (!msg.isEmpty()) {
            sb.append('\n').append(document.state(id).label()).append(": ").append(msg);
        }
        return sb.toString();
    }
}

package org.nernst.ui.internal.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.nernst.core.node.PortSpec;
import org.nernst.core.workflow.PortRef;
import org.nernst.core.workflow.WorkflowNode;
import org.nernst.ui.internal.model.WorkflowDocument;

/**
 * Draws a workflow as boxes with typed ports and curved edges, and turns mouse gestures into
 * document edits: drag a box to move it, drag from an output to an input to connect, drag a
 * connected input away to disconnect, Delete to remove the selected node, Ctrl+wheel or +/- to zoom
 * (0 for 100 %, f to fit).
 * All edits go through {@link WorkflowDocument}, so they are undoable; refusals are reported.
 */
public final class WorkflowCanvas extends Canvas {
    private final WorkflowDocument document;
    private final GraphPainter painter;
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
        painter = new GraphPainter(document, getFont());
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
        addListener(SWT.Dispose, e -> painter.dispose());
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

    private void paint(GC gc) {
        PortRef hidden = unplugFrom == null ? null : new PortRef(unplugFrom.id(), unplugInput);
        PortRef wire = wireFrom != null ? wireFrom : unplugFrom != null ? unplugFrom.inputs().get(unplugInput) : null;
        painter.paint(gc, getClientArea(), zoom, figures(), selected, hidden, wire, pointer, message);
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

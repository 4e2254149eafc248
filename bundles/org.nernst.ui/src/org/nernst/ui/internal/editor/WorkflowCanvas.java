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
 * (0 for 100 %, f to fit). Scrollbars appear when the graph is larger than the view. Dragging on
 * empty canvas draws a rubber band that selects every node it touches (Ctrl+click adds or removes
 * one); dragging one of several selected nodes moves them all, and Delete removes them all, each
 * as one undoable edit. Double-click a node to rename it.
 * All edits go through {@link WorkflowDocument}, so they are undoable; refusals are reported.
 */
public final class WorkflowCanvas extends Canvas {
    private final WorkflowDocument document;
    private final GraphPainter painter;
    private double zoom = 1.0;
    private String selected;
    /** Every selected node, {@link #selected} first; several after a rubber band or Ctrl+click. */
    private final java.util.LinkedHashSet<String> selectedSet = new java.util.LinkedHashSet<>();
    /** Scroll position in pixels (the scrollbars' selections). */
    private final Point origin = new Point(0, 0);
    private final WorkflowDocument.Listener scrollUpdater = d -> getDisplay().asyncExec(() -> {
        if (!isDisposed()) {
            updateScrollbars();
        }
    });
    private Consumer<String> renameListener = id -> {
    };
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
    /** Nodes moved together with {@link #movingId} (the multi-selection), or empty. */
    private java.util.Set<String> movingGroup = java.util.Set.of();
    private Point bandStart;
    private Point bandEnd;

    public WorkflowCanvas(Composite parent, WorkflowDocument document) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND | SWT.H_SCROLL | SWT.V_SCROLL);
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
        addListener(SWT.MouseDoubleClick, this::doubleClick);
        addListener(SWT.Resize, e -> updateScrollbars());
        getHorizontalBar().addListener(SWT.Selection, e -> scrolled());
        getVerticalBar().addListener(SWT.Selection, e -> scrolled());
        document.addListener(scrollUpdater);
        addListener(SWT.Dispose, e -> {
            document.removeListener(scrollUpdater);
            painter.dispose();
        });
        updateScrollbars();
    }

    /** Size of the graph in pixels at the current zoom, with a margin. */
    private Point contentSize() {
        int w = 0, h = 0;
        for (NodeFigure f : figures().values()) {
            w = Math.max(w, f.bounds().x + f.bounds().width);
            h = Math.max(h, f.bounds().y + f.bounds().height);
        }
        return new Point((int) Math.ceil((w + 40) * zoom), (int) Math.ceil((h + 40) * zoom));
    }

    /** Fits the scrollbars to the graph and the view; each shows only when the graph is larger. */
    void updateScrollbars() {
        Point content = contentSize();
        Rectangle area = getClientArea();
        bar(getHorizontalBar(), content.x, area.width);
        bar(getVerticalBar(), content.y, area.height);
        scrolled();
    }

    private static void bar(org.eclipse.swt.widgets.ScrollBar bar, int content, int view) {
        if (bar == null) {
            return;
        }
        int max = Math.max(content, view);
        bar.setValues(Math.min(bar.getSelection(), Math.max(0, max - view)), 0, max, Math.max(1, view),
                Math.max(1, view / 20), Math.max(1, view * 9 / 10));
        bar.setVisible(content > view);
    }

    private void scrolled() {
        int x = getHorizontalBar() != null && getHorizontalBar().getVisible() ? getHorizontalBar().getSelection() : 0;
        int y = getVerticalBar() != null && getVerticalBar().getVisible() ? getVerticalBar().getSelection() : 0;
        if (x != origin.x || y != origin.y) {
            origin.x = x;
            origin.y = y;
            redraw();
        }
    }

    /** Scrolls so the pixel {@code (x, y)} of the zoomed graph is at the top left (as the scrollbars do). */
    public void scrollTo(int x, int y) {
        updateScrollbars();
        getHorizontalBar().setSelection(x);
        getVerticalBar().setSelection(y);
        scrolled();
    }

    /** The scroll position in pixels. */
    public Point origin() {
        return new Point(origin.x, origin.y);
    }

    public double zoom() {
        return zoom;
    }

    /** Zoom factor, kept between 0.25 and 3. */
    public void setZoom(double z) {
        zoom = Math.max(0.25, Math.min(3.0, z));
        updateScrollbars();
        redraw();
    }

    /** Zooms so the whole graph fits the canvas (never above 100 %). */
    public void fit() {
        int w = 1, h = 1;
        for (NodeFigure f : figures().values()) {
            // the same margin as contentSize(), so a fitted graph needs no scrollbars
            w = Math.max(w, f.bounds().x + f.bounds().width + 40);
            h = Math.max(h, f.bounds().y + f.bounds().height + 40);
        }
        Rectangle area = getClientArea();
        getHorizontalBar().setSelection(0);
        getVerticalBar().setSelection(0);
        setZoom(Math.min(1.0, Math.min(area.width / (double) w, area.height / (double) h)));
    }

    public String selection() {
        return selected;
    }

    public void select(String nodeId) {
        selectedSet.clear();
        if (nodeId != null) {
            selectedSet.add(nodeId);
        }
        primary(nodeId);
    }

    /** Selects several nodes (the first becomes the one the views show). */
    public void selectAll(java.util.Collection<String> nodeIds) {
        selectedSet.clear();
        selectedSet.addAll(nodeIds);
        primary(selectedSet.isEmpty() ? null : selectedSet.iterator().next());
    }

    /** Every selected node, in selection order. */
    public java.util.Set<String> selectionSet() {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(selectedSet));
    }

    private void primary(String nodeId) {
        if (!Objects.equals(selected, nodeId)) {
            selected = nodeId;
            selectionListener.accept(nodeId);
        }
        redraw();
    }

    /** Removes every selected node as one undoable edit. */
    public void deleteSelection() {
        selectedSet.removeIf(id -> document.workflow().node(id).isEmpty());
        if (selectedSet.size() > 1) {
            document.removeNodes(new java.util.LinkedHashSet<>(selectedSet));
        } else if (selected != null) {
            document.removeNode(selected);
        }
        select(null);
    }

    void onRename(Consumer<String> listener) {
        renameListener = listener;
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
    public Point toModel(int x, int y) {
        return new Point((int) Math.round((x + origin.x) / zoom), (int) Math.round((y + origin.y) / zoom));
    }

    private Map<String, NodeFigure> figures() {
        Map<String, NodeFigure> out = new LinkedHashMap<>();
        for (WorkflowNode n : document.workflow().nodes()) {
            if (n.id().equals(movingId) && movePosition != null) {
                n = new WorkflowNode(n.id(), n.type(), n.label(), n.parameters(), n.inputs(), n.save(), movePosition.x,
                        movePosition.y);
            } else if (movePosition != null && movingGroup.contains(n.id())) {
                Point d = moveDelta();
                n = new WorkflowNode(n.id(), n.type(), n.label(), n.parameters(), n.inputs(), n.save(),
                        Math.max(0, n.x() + d.x), Math.max(0, n.y() + d.y));
            }
            out.put(n.id(), NodeFigure.of(n, document.registry().find(n.type()).orElse(null)));
        }
        return out;
    }

    private void paint(GC gc) {
        PortRef hidden = unplugFrom == null ? null : new PortRef(unplugFrom.id(), unplugInput);
        PortRef wire = wireFrom != null ? wireFrom : unplugFrom != null ? unplugFrom.inputs().get(unplugInput) : null;
        painter.paint(gc, getClientArea(), zoom, origin, figures(), selectedSet, hidden, wire, pointer, message);
        Rectangle band = band();
        if (band != null) {
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_LIST_SELECTION));
            gc.setLineStyle(SWT.LINE_DASH);
            gc.drawRectangle((int) (band.x * zoom) - origin.x, (int) (band.y * zoom) - origin.y,
                    (int) (band.width * zoom), (int) (band.height * zoom));
            gc.setLineStyle(SWT.LINE_SOLID);
        }
    }

    /** The rubber band in model coordinates, or {@code null}. */
    private Rectangle band() {
        if (bandStart == null || bandEnd == null) {
            return null;
        }
        return new Rectangle(Math.min(bandStart.x, bandEnd.x), Math.min(bandStart.y, bandEnd.y),
                Math.abs(bandEnd.x - bandStart.x), Math.abs(bandEnd.y - bandStart.y));
    }

    /** How far the dragged group has moved, from where the grabbed node was. */
    private Point moveDelta() {
        WorkflowNode grabbed = document.workflow().node(movingId).orElse(null);
        return grabbed == null || movePosition == null ? new Point(0, 0)
                : new Point(movePosition.x - grabbed.x(), movePosition.y - grabbed.y());
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
        boolean ctrl = (e.stateMask & SWT.MOD1) != 0;
        if (f == null) {
            if (!ctrl) {
                select(null);
            }
            bandStart = p;
            bandEnd = p;
            return;
        }
        if (ctrl) {
            String id = f.node().id();
            if (!selectedSet.remove(id)) {
                selectedSet.add(id);
            }
            primary(selectedSet.isEmpty() ? null : selectedSet.contains(selected) ? selected : selectedSet.iterator().next());
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
            if (selectedSet.contains(movingId) && selectedSet.size() > 1) {
                // grabbing one of several selected nodes moves them all
                movingGroup = new java.util.LinkedHashSet<>(selectedSet);
                primary(movingId);
                return;
            }
        }
        select(f.node().id());
    }

    private void mouseMove(Event e) {
        Point p = toModel(e.x, e.y);
        if (bandStart != null) {
            bandEnd = p;
            redraw();
        } else if (movingId != null) {
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
            if (bandStart != null) {
                bandEnd = p;
                Rectangle band = band();
                java.util.LinkedHashSet<String> hits = new java.util.LinkedHashSet<>(selectedSet);
                if (band.width > 0 || band.height > 0) {
                    for (NodeFigure f : figures().values()) {
                        if (f.bounds().intersects(band)) {
                            hits.add(f.node().id());
                        }
                    }
                }
                selectAll(hits);
            } else if (movingId != null && movePosition != null && movingGroup.size() > 1) {
                Point d = moveDelta();
                Map<String, int[]> to = new LinkedHashMap<>();
                for (String id : movingGroup) {
                    document.workflow().node(id).ifPresent(n -> to.put(id, new int[] { n.x() + d.x, n.y() + d.y }));
                }
                document.moveAll(to);
            } else if (movingId != null && movingGroup.size() > 1) {
                select(movingId); // a click without a drag on one of several selected nodes selects just it
            } else if (movingId != null && movePosition != null) {
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
            bandStart = null;
            bandEnd = null;
            movingGroup = java.util.Set.of();
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
            deleteSelection();
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

    private void doubleClick(Event e) {
        NodeFigure f = hit(toModel(e.x, e.y), new ArrayList<>(figures().values()));
        if (f != null && e.button == 1) {
            select(f.node().id());
            renameListener.accept(f.node().id());
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

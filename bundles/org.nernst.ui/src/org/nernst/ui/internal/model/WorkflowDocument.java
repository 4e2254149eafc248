package org.nernst.ui.internal.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.ObjectUndoContext;
import org.nernst.core.io.AtomicFiles;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.ParameterSpec;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.workflow.PortRef;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowException;
import org.nernst.core.workflow.WorkflowJson;
import org.nernst.core.workflow.WorkflowNode;

/**
 * The editing model behind the workflow editor, free of SWT: the current workflow, its edits as
 * undoable operations on an {@link IOperationHistory} under this document's undo context, dirty
 * state against the last save, and the {@link RunState} of its nodes. Every method that edits
 * throws {@link IllegalArgumentException} with a message for the user when the edit is refused,
 * and then changes nothing.
 */
public final class WorkflowDocument {

    /** Told after every change of the workflow (edit, undo, redo, save). */
    public interface Listener {
        void documentChanged(WorkflowDocument document);
    }

    /** Edits kept for undo per document. */
    public static final int UNDO_LIMIT = 1000;

    private final NodeRegistry registry;
    private final IOperationHistory history;
    private final IUndoContext undoContext;
    private final RunState runState = new RunState();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private Workflow workflow;
    private String savedText;
    private Workflow textOf;
    private String text;
    /** Configuration problems by node, for {@link #problemsOf}; reset whenever the workflow changes. */
    private Workflow problemsOf;
    private final Map<String, List<String>> problems = new java.util.HashMap<>();

    public WorkflowDocument(Workflow workflow, NodeRegistry registry, IOperationHistory history) {
        this.workflow = Objects.requireNonNull(workflow);
        this.registry = registry;
        this.history = history;
        this.undoContext = new ObjectUndoContext(this, "Workflow " + workflow.name());
        // the history keeps 20 edits per context by default: far too few for building a workflow
        history.setLimit(undoContext, UNDO_LIMIT);
        this.savedText = WorkflowJson.write(workflow);
    }

    /**
     * Reads a workflow file; the document starts clean. A file written without a layout (every node
     * at 0,0, as a hand-written or generated workflow usually is) is shown laid out by
     * {@link AutoLayout} instead of as one pile; that layout is saved with the next edit.
     */
    public static WorkflowDocument open(Path file, NodeRegistry registry, IOperationHistory history)
            throws IOException, WorkflowException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return new WorkflowDocument(laidOutIfUnplaced(WorkflowJson.parse(file.toString(), text)), registry, history);
    }

    /** {@code wf} with {@link AutoLayout}'s positions if it has several nodes and all sit at 0,0; else {@code wf}. */
    static Workflow laidOutIfUnplaced(Workflow wf) {
        if (wf.nodes().size() < 2 || wf.nodes().stream().anyMatch(n -> n.x() != 0 || n.y() != 0)) {
            return wf;
        }
        return laidOut(wf);
    }

    /** {@code wf} with every node at {@link AutoLayout}'s position. */
    private static Workflow laidOut(Workflow wf) {
        Map<String, int[]> pos = AutoLayout.positions(wf);
        List<WorkflowNode> nodes = new ArrayList<>();
        for (WorkflowNode n : wf.nodes()) {
            int[] p = pos.get(n.id());
            nodes.add(copy(n, n.parameters(), n.inputs(), p[0], p[1]));
        }
        return new Workflow(wf.name(), wf.description(), wf.seed(), nodes);
    }

    public Workflow workflow() {
        return workflow;
    }

    public NodeRegistry registry() {
        return registry;
    }

    public IUndoContext undoContext() {
        return undoContext;
    }

    public IOperationHistory history() {
        return history;
    }

    public RunState runState() {
        return runState;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** The workflow as it would be saved. */
    public String text() {
        Workflow wf = workflow;
        if (textOf != wf) {
            // the editor asks for dirty state on every change: write the JSON once per version
            text = WorkflowJson.write(wf);
            textOf = wf;
        }
        return text;
    }

    public boolean isDirty() {
        return !text().equals(savedText);
    }

    /** Saves atomically (a crash mid-save leaves the old file whole) and marks the document clean. */
    public void save(Path file) throws IOException {
        String text = text();
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        savedText = text;
        fire();
    }

    public Optional<NodeDescriptor> descriptor(String nodeId) {
        return workflow.node(nodeId).flatMap(n -> registry.find(n.type()));
    }

    /** The configuration problems of a node (empty if it can run). */
    public synchronized List<String> problems(String nodeId) {
        Workflow wf = workflow;
        if (problemsOf != wf) {
            problems.clear();
            problemsOf = wf;
        }
        return problems.computeIfAbsent(nodeId,
                id -> wf.node(id).map(n -> NodeChecks.problems(registry, wf, n)).orElse(List.of()));
    }

    /** What to draw for a node: configuration problems first, then the last run's record. */
    public NodeState state(String nodeId) {
        RunState.Entry e = runState.entry(nodeId);
        if (e.state() == NodeState.RUNNING || e.state() == NodeState.FAILED) {
            return e.state();
        }
        if (!problems(nodeId).isEmpty()) {
            return NodeState.NOT_CONFIGURED;
        }
        return e.state() == null ? NodeState.READY : e.state();
    }

    // ---- edits, each one undoable operation ----

    /** Adds a node of the given type at a position and returns its new id. */
    public String addNode(NodeDescriptor type, int x, int y) {
        String id = freeId(type.id());
        WorkflowNode n = new WorkflowNode(id, type.id(), "", Map.of(), Map.of(), false, x, y);
        List<WorkflowNode> nodes = new ArrayList<>(workflow.nodes());
        nodes.add(n);
        execute("Add " + type.label(), with(nodes), Set.of(id));
        return id;
    }

    /** Removes a node and every connection from it. */
    public void removeNode(String id) {
        node(id);
        List<WorkflowNode> nodes = new ArrayList<>();
        Set<String> changed = new HashSet<>(Set.of(id));
        for (WorkflowNode n : workflow.nodes()) {
            if (n.id().equals(id)) {
                continue;
            }
            Map<String, PortRef> inputs = new LinkedHashMap<>(n.inputs());
            if (inputs.values().removeIf(r -> r.node().equals(id))) {
                changed.add(n.id());
                n = copy(n, n.parameters(), inputs, n.x(), n.y());
            }
            nodes.add(n);
        }
        execute("Delete " + id, with(nodes), changed);
    }

    /** Why {@code from.output} may not feed {@code to.input}, or empty if it may. */
    public Optional<String> connectionProblem(String from, String output, String to, String input) {
        Optional<WorkflowNode> f = workflow.node(from);
        Optional<WorkflowNode> t = workflow.node(to);
        if (f.isEmpty() || t.isEmpty()) {
            return Optional.of("no node '" + (f.isEmpty() ? from : to) + "' in the workflow");
        }
        if (from.equals(to) || Connections.downstream(workflow, to).contains(from)) {
            return Optional.of("connecting " + from + "." + output + " to " + to + "." + input
                    + " would make a cycle: '" + from + "' already depends on '" + to + "'");
        }
        return Connections.problem(registry, f.get(), output, t.get(), input);
    }

    /** Feeds an input from an output, replacing what fed it before; refuses incompatible types. */
    public void connect(String from, String output, String to, String input) {
        Optional<String> problem = connectionProblem(from, output, to, input);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        WorkflowNode t = node(to);
        Map<String, PortRef> inputs = new LinkedHashMap<>(t.inputs());
        inputs.put(input, new PortRef(from, output));
        execute("Connect " + from + "." + output + " to " + to + "." + input,
                workflow.with(copy(t, t.parameters(), inputs, t.x(), t.y())), Set.of(to));
    }

    public void disconnect(String to, String input) {
        WorkflowNode t = node(to);
        if (!t.inputs().containsKey(input)) {
            throw new IllegalArgumentException("input '" + to + "." + input + "' is not connected");
        }
        Map<String, PortRef> inputs = new LinkedHashMap<>(t.inputs());
        inputs.remove(input);
        execute("Disconnect " + to + "." + input, workflow.with(copy(t, t.parameters(), inputs, t.x(), t.y())),
                Set.of(to));
    }

    public void move(String id, int x, int y) {
        WorkflowNode n = node(id);
        if (n.x() == x && n.y() == y) {
            return;
        }
        execute("Move " + id, workflow.with(copy(n, n.parameters(), n.inputs(), Math.max(0, x), Math.max(0, y))),
                Set.of());
    }

    /** Moves several nodes at once (a rubber-band selection dragged together), as one undoable edit. */
    public void moveAll(Map<String, int[]> positions) {
        List<WorkflowNode> nodes = new ArrayList<>();
        boolean moved = false;
        for (WorkflowNode n : workflow.nodes()) {
            int[] p = positions.get(n.id());
            if (p != null && (n.x() != Math.max(0, p[0]) || n.y() != Math.max(0, p[1]))) {
                n = copy(n, n.parameters(), n.inputs(), Math.max(0, p[0]), Math.max(0, p[1]));
                moved = true;
            }
            nodes.add(n);
        }
        if (moved) {
            execute("Move " + positions.size() + " nodes", with(nodes), Set.of());
        }
    }

    /** Removes several nodes and every connection from them, as one undoable edit. */
    public void removeNodes(Set<String> ids) {
        ids.forEach(this::node);
        List<WorkflowNode> nodes = new ArrayList<>();
        Set<String> changed = new HashSet<>(ids);
        for (WorkflowNode n : workflow.nodes()) {
            if (ids.contains(n.id())) {
                continue;
            }
            Map<String, PortRef> inputs = new LinkedHashMap<>(n.inputs());
            if (inputs.values().removeIf(r -> ids.contains(r.node()))) {
                changed.add(n.id());
                n = copy(n, n.parameters(), inputs, n.x(), n.y());
            }
            nodes.add(n);
        }
        execute(ids.size() == 1 ? "Delete " + ids.iterator().next() : "Delete " + ids.size() + " nodes", with(nodes),
                changed);
    }

    /**
     * Gives a node a display name (saved as its {@code label}; blank removes it). The id, which
     * connections refer to, stays as it is.
     */
    public void rename(String id, String label) {
        WorkflowNode n = node(id);
        String l = label == null ? "" : label.strip();
        if (l.equals(n.label())) {
            return;
        }
        WorkflowNode renamed = new WorkflowNode(n.id(), n.type(), l, n.parameters(), n.inputs(), n.save(), n.x(), n.y());
        execute("Rename " + id, workflow.with(renamed), Set.of());
    }

    /**
     * Replaces the whole workflow (unsaved edits restored from a recovery copy), as one undoable
     * edit; the document stays dirty against the file on disk.
     */
    public void restore(Workflow recovered) {
        Set<String> changed = new HashSet<>();
        workflow.nodes().forEach(n -> changed.add(n.id()));
        recovered.nodes().forEach(n -> changed.add(n.id()));
        execute("Restore unsaved edits", recovered, changed);
    }

    /** Lays the graph out in columns by depth, as one undoable edit. */
    public void autoLayout() {
        execute("Auto-layout", laidOut(workflow), Set.of());
    }

    /**
     * Sets a parameter from what the user typed (or a value), checked against its metadata;
     * {@code null} or blank text removes the value so the default applies.
     */
    public void setParameter(String id, String name, Object raw) {
        WorkflowNode n = node(id);
        ParameterSpec spec = descriptor(id).flatMap(d -> d.parameter(name)).orElseThrow(
                () -> new IllegalArgumentException("node '" + id + "' has no parameter '" + name + "'"));
        Map<String, Object> params = new LinkedHashMap<>(n.parameters());
        if (raw == null || raw.toString().isBlank()) {
            if (params.remove(name) == null) {
                return;
            }
        } else {
            Object value = spec.coerce(raw);
            if (value.equals(params.get(name))) {
                return;
            }
            params.put(name, value);
        }
        execute("Set " + id + "." + name, workflow.with(copy(n, params, n.inputs(), n.x(), n.y())), Set.of(id));
    }

    private void execute(String label, Workflow after, Set<String> changed) {
        try {
            history.execute(new WorkflowEdit(label, this, workflow, after, changed), null, null);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Called by {@link WorkflowEdit} on execute, undo and redo. */
    void apply(Workflow next, Workflow previous, Set<String> changed) {
        Set<String> stale = new HashSet<>();
        for (String id : changed) {
            stale.addAll(Connections.downstream(previous, id));
            stale.addAll(Connections.downstream(next, id));
        }
        workflow = next;
        if (!stale.isEmpty()) {
            runState.invalidate(stale);
        }
        fire();
    }

    private void fire() {
        for (Listener l : listeners) {
            l.documentChanged(this);
        }
    }

    private WorkflowNode node(String id) {
        return workflow.node(id).orElseThrow(() -> new IllegalArgumentException("no node '" + id + "' in the workflow"));
    }

    private Workflow with(List<WorkflowNode> nodes) {
        return new Workflow(workflow.name(), workflow.description(), workflow.seed(), nodes);
    }

    private static WorkflowNode copy(WorkflowNode n, Map<String, Object> params, Map<String, PortRef> inputs, int x,
            int y) {
        return new WorkflowNode(n.id(), n.type(), n.label(), params, inputs, n.save(), x, y);
    }

    /** {@code gaussianProcess}, then {@code gaussianProcess_2} ...: readable ids that survive in the JSON. */
    private String freeId(String typeId) {
        String base = typeId.substring(typeId.lastIndexOf('.') + 1).replaceAll("[^A-Za-z0-9_]", "_");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = "node" + base;
        }
        String id = base;
        for (int i = 2; workflow.node(id).isPresent(); i++) {
            id = base + "_" + i;
        }
        return id;
    }
}

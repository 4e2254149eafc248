package org.nernst.ui.internal.views;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.ParameterSpec;
import org.nernst.core.workflow.WorkflowNode;
import org.nernst.ui.internal.editor.NodeSelection;

/**
 * The selected node's parameters as a form generated from their {@link ParameterSpec}s. Edits go
 * through the document's undoable setParameter, so they mark the node and everything downstream
 * stale and can be undone like any graph edit.
 */
public final class ParametersView extends NodeView {
    public static final String ID = "org.nernst.ui.parametersView";

    private ScrolledComposite scroll;
    private Composite form;
    private Label title;
    private NodeSelection built;
    private final Map<String, ParameterField> fields = new LinkedHashMap<>();

    @Override
    public void createPartControl(Composite parent) {
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        follow();
        refresh();
    }

    @Override
    protected void refresh() {
        if (scroll == null || scroll.isDisposed()) {
            return;
        }
        NodeSelection s = current();
        Optional<WorkflowNode> node = s == null ? Optional.empty() : s.document().workflow().node(s.nodeId());
        if (!node.isPresent() ? built != null || form == null : !s.equals(built)) {
            if (node.isPresent() && sameForm(built, s)) {
                // another node of the same type in the same document: the form stays, only its title and target change;
                // text typed for the previous node goes to that node first
                fields.values().forEach(ParameterField::commitPending);
                built = s;
                titleOf(s, node.get());
            } else {
                build(s, node);
            }
        }
        node.ifPresent(n -> {
            NodeDescriptor d = s.document().descriptor(n.id()).orElse(null);
            fields.forEach((name, f) -> {
                Object raw = n.parameters().get(name);
                f.show(raw != null ? raw : d == null ? null : d.parameter(name).map(ParameterSpec::defaultValue).orElse(null));
            });
        });
    }

    private void build(NodeSelection s, Optional<WorkflowNode> node) {
        if (form != null) {
            form.dispose();
        }
        fields.clear();
        built = node.isPresent() ? s : null;
        form = new Composite(scroll, SWT.NONE);
        form.setLayout(new GridLayout(2, false));
        title = new Label(form, SWT.WRAP);
        GridData td = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        td.widthHint = 360;
        title.setLayoutData(td);
        Optional<NodeDescriptor> d = node.flatMap(n -> s.document().descriptor(n.id()));
        if (d.isEmpty()) {
            title.setText(node.isPresent() ? "Unknown node type " + node.get().type() : "Select a node in a workflow editor.");
        } else {
            titleOf(s, node.get());
            if (d.get().parameters().isEmpty()) {
                new Label(form, SWT.NONE).setText("This node has no parameters.");
            }
            for (ParameterSpec p : d.get().parameters()) {
                fields.put(p.name(), new ParameterField(form, p, text -> apply(built, p.name(), text)));
            }
        }
        // the minimum size first: set after the content, it would lay the whole form out a second time
        scroll.setMinSize(form.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        scroll.setContent(form);
    }

    /** Whether {@code b}'s form serves {@code s}: a node of the same type in the same document. */
    private static boolean sameForm(NodeSelection b, NodeSelection s) {
        if (b == null || b.document() != s.document()) {
            return false;
        }
        Optional<WorkflowNode> x = b.document().workflow().node(b.nodeId());
        Optional<WorkflowNode> y = s.document().workflow().node(s.nodeId());
        return x.isPresent() && y.isPresent() && x.get().type().equals(y.get().type())
                && s.document().descriptor(s.nodeId()).isPresent();
    }

    private void titleOf(NodeSelection s, WorkflowNode n) {
        NodeDescriptor d = s.document().descriptor(n.id()).orElseThrow();
        title.setText(n.id() + " — " + d.label() + "\n" + d.description().strip());
    }

    private void apply(NodeSelection s, String name, String text) {
        try {
            s.document().setParameter(s.nodeId(), name, text);
        } catch (IllegalArgumentException e) {
            getViewSite().getActionBars().getStatusLineManager().setErrorMessage(e.getMessage());
        }
    }

    /** Types a value into a parameter's field and presses Enter, as a user would. */
    public void type(String parameter, String text) {
        field(parameter).type(text);
    }

    /** What a parameter's field shows (a check box as "true"/"false"); the default when the node does not set it. */
    public String shown(String parameter) {
        return field(parameter).shown();
    }

    /** The validation message under a field ({@code ""} if the typed value is valid). */
    public String error(String parameter) {
        return field(parameter).errorText();
    }

    /** Types into a parameter's text field without pressing Enter; returns the validation message shown. */
    public String typeOnly(String parameter, String text) {
        return field(parameter).preview(text);
    }

    private ParameterField field(String parameter) {
        ParameterField f = fields.get(parameter);
        if (f == null) {
            throw new IllegalArgumentException("the form shows no parameter '" + parameter + "'; it shows " + fields.keySet());
        }
        return f;
    }

    @Override
    public void setFocus() {
        scroll.setFocus();
    }
}

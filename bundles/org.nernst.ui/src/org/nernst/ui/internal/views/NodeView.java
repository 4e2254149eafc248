package org.nernst.ui.internal.views;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.nernst.ui.internal.editor.NodeSelection;
import org.nernst.ui.internal.editor.WorkflowEditor;
import org.nernst.ui.internal.model.RunState;
import org.nernst.ui.internal.model.WorkflowDocument;

/**
 * A view that follows the node selected in a workflow editor and refreshes when that document is
 * edited or a run changes its results. Refreshes always happen on the UI thread and coalesce.
 */
abstract class NodeView extends ViewPart {
    private final ISelectionListener selectionListener = this::selectionChanged;
    private final RunState.Listener runListener = this::runStateChanged;
    private final WorkflowDocument.Listener docListener = d -> scheduleRefresh();
    private final AtomicBoolean pending = new AtomicBoolean();
    /** Forgets a document whose editor closes, so the view neither shows nor holds it. */
    private final IPartListener2 closing = new IPartListener2() {
        @Override
        public void partClosed(IWorkbenchPartReference ref) {
            if (current != null && ref.getPart(false) instanceof WorkflowEditor e && e.document() == current.document()) {
                show(null);
            }
        }
    };
    private NodeSelection current;

    /** Starts following the selection; call at the end of {@code createPartControl}. */
    protected final void follow() {
        getSite().getPage().addPostSelectionListener(selectionListener);
        getSite().getPage().addSelectionListener(selectionListener);
        getSite().getPage().addPartListener(closing);
        IWorkbenchPart editor = getSite().getPage().getActiveEditor();
        if (editor != null) {
            selectionChanged(editor, editor.getSite().getSelectionProvider().getSelection());
        }
    }

    /** The node shown, or {@code null}. */
    public final NodeSelection current() {
        return current;
    }

    /** Shows a node directly (what selecting it in the editor does). */
    public final void show(NodeSelection s) {
        if (current != null && (s == null || current.document() != s.document())) {
            current.document().runState().removeListener(runListener);
            current.document().removeListener(docListener);
        }
        if (s != null && (current == null || current.document() != s.document())) {
            s.document().runState().addListener(runListener);
            s.document().addListener(docListener);
        }
        current = s;
        refresh();
    }

    private void selectionChanged(IWorkbenchPart part, ISelection selection) {
        if (selection instanceof IStructuredSelection s && s.getFirstElement() instanceof NodeSelection n
                && !n.equals(current) && accepts(n)) {
            show(n);
        }
    }

    private void runStateChanged(Collection<String> ids) {
        if (current != null && ids.contains(current.nodeId())) {
            scheduleRefresh();
        }
    }

    private void scheduleRefresh() {
        if (pending.compareAndSet(false, true)) {
            Display.getDefault().asyncExec(() -> {
                pending.set(false);
                refresh();
            });
        }
    }

    /**
     * Whether the view switches to a newly selected node; a result view keeps its plot or table
     * when the node selected next has no output of its kind.
     */
    protected boolean accepts(NodeSelection s) {
        return true;
    }

    /** Redraws from {@link #current()}; on the UI thread. */
    protected abstract void refresh();

    @Override
    public void dispose() {
        getSite().getPage().removePostSelectionListener(selectionListener);
        getSite().getPage().removeSelectionListener(selectionListener);
        getSite().getPage().removePartListener(closing);
        if (current != null) {
            current.document().runState().removeListener(runListener);
            current.document().removeListener(docListener);
        }
        super.dispose();
    }
}

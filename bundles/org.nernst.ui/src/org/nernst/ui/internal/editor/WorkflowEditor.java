package org.nernst.ui.internal.editor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.core.runtime.ListenerList;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IPathEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.operations.UndoRedoActionGroup;
import org.eclipse.ui.part.EditorPart;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.workflow.WorkflowNode;
import org.nernst.ui.internal.model.Recovery;
import org.nernst.ui.internal.model.WorkflowDocument;
import org.nernst.ui.internal.explorer.Workspace;
import org.nernst.ui.internal.run.RunWorkflowJob;

/**
 * The editor on {@code *.workflow.json} files: a palette beside a canvas, editing a
 * {@link WorkflowDocument} whose edits are undoable in the workbench's operation history. The
 * editor's selection is the selected node ({@link NodeSelection}), which the parameter, table and
 * chart views follow.
 */
public final class WorkflowEditor extends EditorPart {
    public static final String ID = "org.nernst.ui.workflowEditor";

    private WorkflowDocument document;
    private Path file;
    private WorkflowCanvas canvas;
    private Palette palette;
    private final NodeSelectionProvider selection = new NodeSelectionProvider();
    private final AtomicBoolean redrawPending = new AtomicBoolean();
    /** Recovery copies of unsaved edits (see {@link EditorRecovery}). */
    private Recovery recovery;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        setSite(site);
        if (!(input instanceof IPathEditorInput p)) {
            throw new PartInitException("The workflow editor opens files, not " + input.getClass().getSimpleName());
        }
        file = p.getPath().toPath();
        IOperationHistory history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
        try {
            document = WorkflowDocument.open(file, NodeRegistry.platform(), history);
        } catch (IOException e) {
            throw new PartInitException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (org.nernst.core.workflow.WorkflowException e) {
            throw new PartInitException(e.getMessage(), e);
        }
        recovery = EditorRecovery.attach(document, file, site.getShell());
        setInput(input);
        setPartName(input.getName());
        setTitleToolTip(file.toString());
        site.setSelectionProvider(selection);
    }

    @Override
    public void createPartControl(Composite parent) {
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        palette = new Palette(sash, document.registry(), this::addNode);
        canvas = new WorkflowCanvas(sash, document);
        sash.setWeights(22, 78);
        palette.onSelect(d -> selection.set(new StructuredSelection(d)));
        canvas.onRename(id -> CanvasHandlers.rename(document, id, getSite().getShell()));
        canvas.onSelection(id -> selection.set(id == null ? StructuredSelection.EMPTY
                : new StructuredSelection(new NodeSelection(document, id))));
        canvas.onMessage(m -> getEditorSite().getActionBars().getStatusLineManager().setErrorMessage(
                m.isEmpty() ? null : m));
        DropTarget drop = new DropTarget(canvas, DND.DROP_COPY | DND.DROP_DEFAULT);
        drop.setTransfer(new Transfer[] { TextTransfer.getInstance() });
        drop.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent e) {
                e.detail = DND.DROP_COPY;
            }

            @Override
            public void drop(DropTargetEvent e) {
                Point onCanvas = canvas.toControl(e.x, e.y);
                Point at = canvas.toModel(onCanvas.x, onCanvas.y);
                document.registry().find(String.valueOf(e.data))
                        .ifPresent(d -> canvas.select(document.addNode(d, at.x, at.y)));
            }
        });
        document.addListener(d -> ui(this::documentChanged));
        document.runState().addListener(ids -> {
            if (redrawPending.compareAndSet(false, true)) {
                Display.getDefault().asyncExec(() -> {
                    redrawPending.set(false);
                    if (!canvas.isDisposed()) {
                        canvas.redraw();
                    }
                });
            }
        });
        UndoRedoActionGroup undo = new UndoRedoActionGroup(getSite(), document.undoContext(), true);
        undo.fillActionBars(getEditorSite().getActionBars());
        Action delete = new Action("Delete") {
            @Override
            public void run() {
                if (canvas.selection() != null) {
                    canvas.deleteSelection();
                }
            }
        };
        getEditorSite().getActionBars().setGlobalActionHandler(ActionFactory.DELETE.getId(), delete);
        getEditorSite().getActionBars().updateActionBars();
    }

    private static void ui(Runnable r) {
        if (Display.getCurrent() != null) {
            r.run();
        } else {
            Display.getDefault().asyncExec(r);
        }
    }

    private void documentChanged() {
        if (canvas.isDisposed()) {
            return;
        }
        if (canvas.selection() != null && document.workflow().node(canvas.selection()).isEmpty()) {
            canvas.select(null);
        }
        canvas.redraw();
        firePropertyChange(PROP_DIRTY);
    }

    public WorkflowDocument document() {
        return document;
    }

    public WorkflowCanvas canvas() {
        return canvas;
    }

    public Palette palette() {
        return palette;
    }

    public Recovery recovery() {
        return recovery;
    }

    public Path file() {
        return file;
    }

    /** Adds a node below the others (as a double-click in the palette does), selects it and returns its id. */
    public String addNode(NodeDescriptor d) {
        int y = 40;
        for (WorkflowNode n : document.workflow().nodes()) {
            var b = NodeFigure.of(n, document.registry().find(n.type()).orElse(null)).bounds();
            y = Math.max(y, b.y + b.height + 30);
        }
        String id = document.addNode(d, 40, y);
        canvas.select(id);
        return id;
    }

    /** Starts a run of the whole workflow, or up to a node, as a job, and returns it. */
    public RunWorkflowJob run(String upTo) {
        RunWorkflowJob job = new RunWorkflowJob(document, upTo);
        job.schedule();
        return job;
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        try {
            document.save(file);
        } catch (IOException e) {
            MessageDialog.openError(getSite().getShell(), "Save failed", "Cannot save " + file + ":\n" + e.getMessage());
        }
    }

    @Override
    public void doSaveAs() {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] { "*.workflow.json" });
        dialog.setOverwrite(true);
        String target = dialog.open();
        if (target == null) {
            return;
        }
        file = Path.of(target);
        recovery.close();
        recovery = Recovery.attach(document, Workspace.recovery(), file);
        doSave(null);
        setInputWithNotify(new WorkflowEditorInput(file));
        setPartName(file.getFileName().toString());
    }

    @Override
    public boolean isDirty() {
        return document != null && document.isDirty();
    }

    @Override
    public boolean isSaveAsAllowed() {
        return true;
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    @Override
    public void dispose() {
        // closed on purpose (saved, or the user chose not to save): the copy has nothing to offer
        if (recovery != null) {
            recovery.close();
        }
        document.history().dispose(document.undoContext(), true, true, true);
        super.dispose();
    }

    /** Publishes the selected node to the workbench selection service. */
    private static final class NodeSelectionProvider implements ISelectionProvider {
        private final ListenerList<ISelectionChangedListener> listeners = new ListenerList<>();
        private ISelection current = StructuredSelection.EMPTY;

        void set(ISelection s) {
            current = s;
            SelectionChangedEvent e = new SelectionChangedEvent(this, s);
            for (ISelectionChangedListener l : listeners) {
                l.selectionChanged(e);
            }
        }

        @Override
        public void addSelectionChangedListener(ISelectionChangedListener l) {
            listeners.add(l);
        }

        @Override
        public ISelection getSelection() {
            return current;
        }

        @Override
        public void removeSelectionChangedListener(ISelectionChangedListener l) {
            listeners.remove(l);
        }

        @Override
        public void setSelection(ISelection s) {
            set(s);
        }
    }
}

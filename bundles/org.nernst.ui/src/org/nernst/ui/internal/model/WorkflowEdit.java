package org.nernst.ui.internal.model;

import java.util.Set;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.nernst.core.workflow.Workflow;

/**
 * One undoable edit of a workflow document. Workflows are immutable, so an edit simply holds the
 * workflow before and after: undo restores exactly what was there, down to the saved JSON.
 */
final class WorkflowEdit extends AbstractOperation {
    private final WorkflowDocument document;
    private final Workflow before;
    private final Workflow after;
    /** Nodes whose results this edit invalidates (with everything downstream); empty for moves. */
    private final Set<String> changed;

    WorkflowEdit(String label, WorkflowDocument document, Workflow before, Workflow after, Set<String> changed) {
        super(label);
        this.document = document;
        this.before = before;
        this.after = after;
        this.changed = Set.copyOf(changed);
        addContext(document.undoContext());
    }

    @Override
    public IStatus execute(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        document.apply(after, before, changed);
        return Status.OK_STATUS;
    }

    @Override
    public IStatus redo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        return execute(monitor, info);
    }

    @Override
    public IStatus undo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        document.apply(before, after, changed);
        return Status.OK_STATUS;
    }
}

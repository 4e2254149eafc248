package org.nernst.ui.internal.editor;

import java.nio.file.Path;
import java.util.function.Predicate;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.nernst.core.workflow.WorkflowException;
import org.nernst.core.workflow.WorkflowJson;
import org.nernst.ui.internal.model.Recovery;
import org.nernst.ui.internal.model.WorkflowDocument;
import org.nernst.ui.internal.explorer.Workspace;

/**
 * The editor's side of crash recovery: when a workflow opens and a recovery copy of unsaved edits
 * survives from a session that ended without saving or closing it, asks whether to restore it
 * (an undoable edit, the document then dirty); then keeps a fresh copy while the user edits.
 */
public final class EditorRecovery {
    /** Answers the restore question; replaced by tests, which cannot click a modal dialog. */
    public static volatile Predicate<Recovery.Pending> answer = null;

    private EditorRecovery() {
    }

    /** Offers a surviving copy for {@code file}, then starts keeping copies of {@code document}. */
    static Recovery attach(WorkflowDocument document, Path file, Shell shell) {
        Path folder = Workspace.recovery();
        var pending = Recovery.find(folder, file);
        pending.ifPresent(p -> Recovery.discard(folder, file));
        // attached before restoring, so the restored edits get a fresh copy of their own at once
        Recovery recovery = Recovery.attach(document, folder, file);
        pending.ifPresent(p -> {
            if (ask(p, shell)) {
                try {
                    document.restore(WorkflowJson.parse(p.copy().toString(), p.text()));
                } catch (WorkflowException | IllegalArgumentException e) {
                    MessageDialog.openError(shell, "Cannot restore", "The recovery copy of " + p.file()
                            + " cannot be read:\n" + e.getMessage());
                }
            }
        });
        return recovery;
    }

    private static boolean ask(Recovery.Pending p, Shell shell) {
        Predicate<Recovery.Pending> a = answer;
        if (a != null) {
            return a.test(p);
        }
        return MessageDialog.openQuestion(shell, "Restore unsaved edits",
                p.file().getFileName() + " has edits that were not saved when Nernst last stopped.\n\n"
                        + "Restore them? (No discards them; the file on disk is unchanged either way.)");
    }

    /** At start-up: opens every workflow with a surviving copy, so its editor offers to restore it. */
    public static void reopenAfterCrash(IWorkbenchPage page) {
        for (Path f : Recovery.filesWithCopies(Workspace.recovery())) {
            try {
                page.openEditor(new WorkflowEditorInput(f), WorkflowEditor.ID);
            } catch (PartInitException e) {
                org.eclipse.core.runtime.ILog.of(EditorRecovery.class).warn("Cannot reopen " + f, e);
            }
        }
    }
}

package org.nernst.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowJson;
import org.nernst.ui.internal.editor.WorkflowEditor;
import org.nernst.ui.internal.editor.WorkflowEditorInput;
import org.nernst.ui.internal.run.RunWorkflowJob;

/** The handlers of the Nernst commands declared in {@code plugin.xml}. */
public final class WorkflowHandlers {
    private WorkflowHandlers() {
    }

    /** Opens a workflow file in the workflow editor. */
    public static IEditorPart open(IWorkbenchPage page, Path file) throws PartInitException {
        return page.openEditor(new WorkflowEditorInput(file), WorkflowEditor.ID);
    }

    private static WorkflowEditor editor(ExecutionEvent event) throws ExecutionException {
        if (HandlerUtil.getActiveEditor(event) instanceof WorkflowEditor e) {
            return e;
        }
        MessageDialog.openInformation(HandlerUtil.getActiveShell(event), "Nernst", "Open a workflow editor first.");
        return null;
    }

    public static final class Open extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) throws ExecutionException {
            FileDialog d = new FileDialog(HandlerUtil.getActiveShellChecked(event), SWT.OPEN);
            d.setFilterExtensions(new String[] { "*.workflow.json", "*.json" });
            String f = d.open();
            if (f != null) {
                try {
                    open(HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage(), Path.of(f));
                } catch (PartInitException e) {
                    MessageDialog.openError(HandlerUtil.getActiveShell(event), "Cannot open workflow", e.getMessage());
                }
            }
            return null;
        }
    }

    public static final class New extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) throws ExecutionException {
            Shell shell = HandlerUtil.getActiveShellChecked(event);
            FileDialog d = new FileDialog(shell, SWT.SAVE);
            d.setFilterExtensions(new String[] { "*.workflow.json" });
            d.setFileName("untitled.workflow.json");
            d.setOverwrite(true);
            String f = d.open();
            if (f == null) {
                return null;
            }
            Path file = Path.of(f.endsWith(".json") ? f : f + ".workflow.json");
            String name = file.getFileName().toString().replaceFirst("(\\.workflow)?\\.json$", "")
                    .replaceAll("[^A-Za-z0-9_.\\-]", "-").replaceFirst("^[^A-Za-z0-9]+", "");
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                WorkflowJson.save(new Workflow(name.isEmpty() ? "workflow" : name, "", 42, List.of()), file);
                open(HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage(), file);
            } catch (IOException | PartInitException e) {
                MessageDialog.openError(shell, "Cannot create workflow", e.getMessage());
            }
            return null;
        }
    }

    public static final class Run extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) throws ExecutionException {
            WorkflowEditor e = editor(event);
            if (e != null) {
                e.run(null);
            }
            return null;
        }
    }

    public static final class RunToSelected extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) throws ExecutionException {
            WorkflowEditor e = editor(event);
            if (e != null) {
                if (e.canvas().selection() == null) {
                    MessageDialog.openInformation(HandlerUtil.getActiveShell(event), "Nernst", "Select a node first.");
                } else {
                    e.run(e.canvas().selection());
                }
            }
            return null;
        }
    }

    public static final class Cancel extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            Job.getJobManager().cancel(RunWorkflowJob.FAMILY);
            return null;
        }
    }

    public static final class AutoLayout extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) throws ExecutionException {
            WorkflowEditor e = editor(event);
            if (e != null) {
                e.document().autoLayout();
            }
            return null;
        }
    }
}

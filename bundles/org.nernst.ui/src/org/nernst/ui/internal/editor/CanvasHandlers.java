package org.nernst.ui.internal.editor;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

/** Canvas commands declared in {@code plugin.xml}: Workflow → Rename Node… (F2). */
public final class CanvasHandlers {
    private CanvasHandlers() {
    }

    /** Asks for a new display name of the selected node and applies it as an undoable edit. */
    static void rename(org.nernst.ui.internal.model.WorkflowDocument document, String id, Shell shell) {
        if (id == null || document.workflow().node(id).isEmpty()) {
            return;
        }
        String current = document.workflow().node(id).map(n -> n.label()).orElse("");
        InputDialog d = new InputDialog(shell, "Rename Node", "Display name of '" + id
                + "' (saved as its label; connections keep using the id; empty shows the node type):", current, null);
        if (d.open() == Window.OK) {
            document.rename(id, d.getValue());
        }
    }

    public static final class Rename extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            if (HandlerUtil.getActiveEditor(event) instanceof WorkflowEditor e) {
                rename(e.document(), e.canvas().selection(), HandlerUtil.getActiveShell(event));
            }
            return null;
        }
    }
}

package org.nernst.ui.internal;

import org.eclipse.ui.IWorkbenchPage;
import org.nernst.ui.internal.editor.EditorRecovery;
import org.nernst.ui.internal.welcome.WelcomeView;

/** What the workbench does once its window is open: recover from a crash, greet a new user. */
final class StartupActions {
    private StartupActions() {
    }

    static void run(IWorkbenchPage page) {
        if (page == null) {
            return;
        }
        // editors of workflows with unsaved edits left by a crash: each asks whether to restore them
        EditorRecovery.reopenAfterCrash(page);
        WelcomeView.showOnFirstStart(page);
    }
}

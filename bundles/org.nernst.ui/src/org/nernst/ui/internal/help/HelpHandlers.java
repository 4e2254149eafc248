package org.nernst.ui.internal.help;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.nernst.ui.internal.welcome.WelcomeView;

/** Help → Welcome and Help → Node Help (F1). */
public final class HelpHandlers {
    private HelpHandlers() {
    }

    private static Object show(ExecutionEvent event, String id) throws ExecutionException {
        try {
            HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage().showView(id);
        } catch (PartInitException e) {
            throw new ExecutionException("Cannot show " + id, e);
        }
        return null;
    }

    public static final class Welcome extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) throws ExecutionException {
            return show(event, WelcomeView.ID);
        }
    }

    public static final class Help extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) throws ExecutionException {
            return show(event, HelpView.ID);
        }
    }
}

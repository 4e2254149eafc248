package org.nernst.ui.internal;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;

/**
 * The standard menus: File (save, quit; New/Open come from {@code plugin.xml}), Edit (undo, redo,
 * delete, whose handlers the active editor supplies), Window and Help; the Workflow menu is declared in
 * {@code plugin.xml}. Help is an empty menu with the standard id and {@code additions} group because
 * the p2 UI (Install New Software, Check for Updates) contributes to {@code menu:help?after=additions}.
 */
final class NernstActionBarAdvisor extends ActionBarAdvisor {

    NernstActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void makeActions(IWorkbenchWindow window) {
        register(ActionFactory.SAVE.create(window));
        register(ActionFactory.SAVE_AS.create(window));
        register(ActionFactory.IMPORT.create(window));
        register(ActionFactory.QUIT.create(window));
        register(ActionFactory.UNDO.create(window));
        register(ActionFactory.REDO.create(window));
        register(ActionFactory.DELETE.create(window));
        register(ActionFactory.PREFERENCES.create(window));
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        IWorkbenchWindow window = getActionBarConfigurer().getWindowConfigurer().getWindow();
        MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
        file.add(new GroupMarker(IWorkbenchActionConstants.FILE_START));
        file.add(new Separator());
        file.add(getAction(ActionFactory.SAVE.getId()));
        file.add(getAction(ActionFactory.SAVE_AS.getId()));
        file.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        file.add(new Separator());
        file.add(getAction(ActionFactory.IMPORT.getId()));
        file.add(new Separator());
        file.add(getAction(ActionFactory.QUIT.getId()));
        MenuManager edit = new MenuManager("&Edit", IWorkbenchActionConstants.M_EDIT);
        edit.add(getAction(ActionFactory.UNDO.getId()));
        edit.add(getAction(ActionFactory.REDO.getId()));
        edit.add(new Separator());
        edit.add(getAction(ActionFactory.DELETE.getId()));
        edit.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        MenuManager win = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
        MenuManager views = new MenuManager("Show &View");
        views.add(ContributionItemFactory.VIEWS_SHORTLIST.create(window));
        win.add(views);
        win.add(new Separator());
        win.add(getAction(ActionFactory.PREFERENCES.getId()));
        menuBar.add(file);
        menuBar.add(edit);
        menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        menuBar.add(win);
        MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
        help.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        menuBar.add(help);
    }
}

package org.nernst.ui.internal.welcome;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.nernst.ui.internal.WorkflowHandlers;
import org.nernst.ui.internal.editor.WorkflowEditor;
import org.nernst.ui.internal.explorer.Workspace;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The welcome page: what Nernst is in two lines, and the gallery of example workflows, each with
 * its description and an Open button that copies it into the workspace and opens the copy. Shown
 * on the first start; afterwards from <i>Help → Welcome</i>.
 */
public final class WelcomeView extends ViewPart {
    public static final String ID = "org.nernst.ui.welcomeView";
    private static final String SHOWN = "welcomeShown";

    private ScrolledComposite scroll;
    private Font heading;
    private List<ExampleGallery.Example> examples; // null until read

    /** Opens the welcome page if this workspace has never shown it. */
    public static void showOnFirstStart(IWorkbenchPage page) {
        var prefs = InstanceScope.INSTANCE.getNode("org.nernst.ui");
        if (prefs.getBoolean(SHOWN, false)) {
            return;
        }
        try {
            page.showView(ID);
            prefs.putBoolean(SHOWN, true);
            prefs.flush();
        } catch (PartInitException | BackingStoreException e) {
            org.eclipse.core.runtime.ILog.of(WelcomeView.class).warn("Cannot show the welcome page", e);
        }
    }

    @Override
    public void createPartControl(Composite parent) {
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        Composite body = new Composite(scroll, SWT.NONE);
        body.setLayout(new GridLayout(1, false));
        FontData fd = parent.getFont().getFontData()[0];
        heading = new Font(parent.getDisplay(), fd.getName(), fd.getHeight() + 4, SWT.BOLD);
        Label title = new Label(body, SWT.NONE);
        title.setText("Welcome to Nernst");
        title.setFont(heading);
        wrap(body, "Compose battery data, features, models, twins and plots as a workflow: drag nodes from the "
                + "palette, connect their ports, set parameters, run. Start from an example below (it is copied into "
                + "your workspace, " + Workspace.workflows() + "), import your own data with File → Import…, and find "
                + "each node's description in Help → Node Help.");
        scroll.setContent(body);
        scroll.addListener(SWT.Resize, ev -> fit(body));
        // Reading and parsing the examples is file work: off the UI thread, so it does not delay the
        // first window (the welcome page is part of the perspective a user left open); the cards are
        // added when it is done.
        Job load = Job.create("Loading example workflows", monitor -> {
            List<ExampleGallery.Example> list = loaded();
            body.getDisplay().asyncExec(() -> {
                if (!body.isDisposed()) {
                    addCards(body, list);
                }
            });
        });
        load.setSystem(true);
        load.schedule();
    }

    private void fit(Composite body) {
        int w = scroll.getClientArea().width;
        scroll.setMinSize(body.computeSize(w, SWT.DEFAULT));
    }

    private void addCards(Composite body, List<ExampleGallery.Example> list) {
        if (list.isEmpty()) {
            wrap(body, "No example workflows are installed (bundle " + ExampleGallery.BUNDLE + ").");
        }
        for (ExampleGallery.Example e : list) {
            Group card = new Group(body, SWT.NONE);
            card.setText(e.name());
            card.setLayout(new GridLayout(2, false));
            card.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
            Label d = new Label(card, SWT.WRAP);
            d.setText(e.description() + "\n" + e.nodeCount() + " nodes · " + e.fileName());
            GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
            gd.widthHint = 300;
            d.setLayoutData(gd);
            Button open = new Button(card, SWT.PUSH);
            open.setText("Open");
            open.setToolTipText("Copy " + e.fileName() + " into the workspace and open it");
            open.addListener(SWT.Selection, ev -> open(e));
        }
        body.layout(true, true);
        fit(body);
    }

    /** The examples, read once (by the loading job, or by whoever asks first). */
    private synchronized List<ExampleGallery.Example> loaded() {
        if (examples == null) {
            examples = ExampleGallery.examples();
        }
        return examples;
    }

    private static void wrap(Composite body, String text) {
        Label l = new Label(body, SWT.WRAP);
        l.setText(text);
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        gd.widthHint = 300;
        l.setLayoutData(gd);
    }

    /** The examples listed, in display order. */
    public List<ExampleGallery.Example> examples() {
        return loaded();
    }

    /** What the Open button does: copies the example into the workspace and opens the copy. */
    public WorkflowEditor open(ExampleGallery.Example e) {
        try {
            Path copy = ExampleGallery.copyToWorkspace(e);
            if (getSite().getPage().findView(org.nernst.ui.internal.explorer.WorkspaceView.ID)
                    instanceof org.nernst.ui.internal.explorer.WorkspaceView v) {
                v.refresh();
            }
            return (WorkflowEditor) WorkflowHandlers.open(getSite().getPage(), copy);
        } catch (IOException | PartInitException ex) {
            MessageDialog.openError(getSite().getShell(), "Cannot open example", ex.getMessage());
            return null;
        }
    }

    @Override
    public void setFocus() {
        scroll.setFocus();
    }

    @Override
    public void dispose() {
        if (heading != null) {
            heading.dispose();
        }
        super.dispose();
    }
}

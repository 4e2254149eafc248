package org.nernst.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.nernst.ui.internal.help.HelpView;
import org.nernst.ui.internal.views.ChartResultView;
import org.nernst.ui.internal.views.MetricsView;
import org.nernst.ui.internal.views.ParametersView;
import org.nernst.ui.internal.views.ProvenanceView;
import org.nernst.ui.internal.views.TableResultView;
import org.nernst.ui.internal.welcome.WelcomeView;
import org.nernst.ui.internal.explorer.WorkspaceView;

/** The Nernst perspective: the workflow editor, its node's parameters and plot on the right, tables and progress below. */
public final class NernstPerspective implements IPerspectiveFactory {
    static final String PROGRESS_VIEW = "org.nernst.ui.progressView";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(true);
        String editor = layout.getEditorArea();
        IFolderLayout right = layout.createFolder("right", IPageLayout.RIGHT, 0.58f, editor);
        right.addView(ChartResultView.ID);
        right.addPlaceholder(WelcomeView.ID);
        IFolderLayout params = layout.createFolder("params", IPageLayout.TOP, 0.38f, "right");
        params.addView(ParametersView.ID);
        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.64f, editor);
        bottom.addView(TableResultView.ID);
        bottom.addView(PROGRESS_VIEW);
        bottom.addPlaceholder(HelpView.ID);
        layout.addView(WorkspaceView.ID, IPageLayout.LEFT, 0.2f, editor);
        bottom.addView(MetricsView.ID);
        bottom.addView(ProvenanceView.ID);
        layout.addShowViewShortcut(ParametersView.ID);
        layout.addShowViewShortcut(TableResultView.ID);
        layout.addShowViewShortcut(ChartResultView.ID);
        layout.addShowViewShortcut(PROGRESS_VIEW);
        layout.addShowViewShortcut(WorkspaceView.ID);
        layout.addShowViewShortcut(HelpView.ID);
        layout.addShowViewShortcut(WelcomeView.ID);
        layout.addShowViewShortcut(MetricsView.ID);
        layout.addShowViewShortcut(ProvenanceView.ID);
    }
}

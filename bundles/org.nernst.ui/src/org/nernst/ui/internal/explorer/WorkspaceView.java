package org.nernst.ui.internal.explorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.nernst.ui.internal.WorkflowHandlers;

/**
 * The project explorer: the user's workspace folder (data, workflows, results) as a tree, folders
 * first, hidden files and Eclipse's {@code .metadata} left out. Double-click a
 * {@code *.workflow.json} to open it. A plain tree over the folder rather than the Common
 * Navigator: that needs {@code org.eclipse.core.resources} and the IDE bundles, which the
 * product does not ship; Nernst's files are plain files.
 */
public final class WorkspaceView extends ViewPart {
    public static final String ID = "org.nernst.ui.workspaceView";

    private TreeViewer viewer;
    private Path root;

    @Override
    public void createPartControl(Composite parent) {
        root = Workspace.folder();
        viewer = new TreeViewer(parent, SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.setContentProvider(new Files_());
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object o) {
                return ((Path) o).getFileName().toString();
            }

            @Override
            public org.eclipse.swt.graphics.Image getImage(Object o) {
                return PlatformUI.getWorkbench().getSharedImages().getImage(
                        Files.isDirectory((Path) o) ? ISharedImages.IMG_OBJ_FOLDER : ISharedImages.IMG_OBJ_FILE);
            }
        });
        viewer.setInput(root);
        viewer.addDoubleClickListener(e -> {
            Object o = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (o instanceof Path p) {
                open(p);
            }
        });
        getSite().setSelectionProvider(viewer);
        Action refresh = new Action("Refresh") {
            @Override
            public void run() {
                refresh();
            }
        };
        refresh.setToolTipText("Read the workspace folder again");
        getViewSite().getActionBars().getToolBarManager().add(refresh);
    }

    /** Opens a workflow file in the editor; other files are left to the user's tools. */
    public void open(Path p) {
        if (p.getFileName().toString().endsWith(".workflow.json") && Files.isRegularFile(p)) {
            try {
                WorkflowHandlers.open(getSite().getPage(), p);
            } catch (PartInitException e) {
                org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), "Cannot open", e.getMessage());
            }
        } else if (Files.isDirectory(p)) {
            viewer.setExpandedState(p, !viewer.getExpandedState(p));
        }
    }

    /** Reads the folder again (after an import, a save, or files added outside). */
    public void refresh() {
        if (!viewer.getControl().isDisposed()) {
            viewer.refresh();
        }
    }

    public Path root() {
        return root;
    }

    /** The entries shown under a folder, as the tree lists them. */
    public List<Path> children(Path folder) {
        return Stream.of(new Files_().getChildren(folder)).map(Path.class::cast).toList();
    }

    public TreeViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        refresh();
        viewer.getControl().setFocus();
    }

    /** A folder's children: folders first, then files, by name; hidden entries and .metadata left out. */
    private static final class Files_ implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return getChildren(input);
        }

        @Override
        public Object[] getChildren(Object parent) {
            Path dir = (Path) parent;
            if (!Files.isDirectory(dir)) {
                return new Object[0];
            }
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted((a, b) -> {
                            boolean da = Files.isDirectory(a), db = Files.isDirectory(b);
                            return da != db ? (da ? -1 : 1) : a.getFileName().toString()
                                    .compareToIgnoreCase(b.getFileName().toString());
                        }).toArray();
            } catch (IOException e) {
                return new Object[0];
            }
        }

        @Override
        public Object getParent(Object element) {
            return ((Path) element).getParent();
        }

        @Override
        public boolean hasChildren(Object element) {
            return Files.isDirectory((Path) element);
        }
    }
}

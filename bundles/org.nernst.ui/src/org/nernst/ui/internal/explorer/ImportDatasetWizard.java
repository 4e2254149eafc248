package org.nernst.ui.internal.explorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.ui.internal.WorkflowHandlers;
import org.nernst.ui.internal.editor.WorkflowEditor;

/**
 * <i>File → Import… → Nernst → Dataset into a new workflow</i>: choose a data file or folder,
 * pick one of the installed dataset connectors (those that declare the file's extension come
 * first), name the workflow; Finish writes it into {@code <workspace>/workflows} with the reader
 * node configured, and opens it.
 */
public final class ImportDatasetWizard extends Wizard implements IImportWizard {
    private final NodeRegistry registry;
    private Page page;
    private Path created;
    private WorkflowEditor editor;

    public ImportDatasetWizard() {
        this(NodeRegistry.platform());
    }

    public ImportDatasetWizard(NodeRegistry registry) {
        this.registry = registry;
        setWindowTitle("Import Dataset");
        setNeedsProgressMonitor(false);
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        // the data is chosen on the page; the selection (a file in the workspace view) could pre-fill it later
    }

    @Override
    public void addPages() {
        page = new Page();
        addPage(page);
    }

    /** The page, for tests that fill it in as a user would. */
    public Page page() {
        return page;
    }

    /** The workflow file Finish wrote, or {@code null}. */
    public Path created() {
        return created;
    }

    /** The editor Finish opened on it, or {@code null}. */
    public WorkflowEditor editor() {
        return editor;
    }

    @Override
    public boolean performFinish() {
        try {
            Path target = Workspace.freeFile(Workspace.workflows(), page.workflowName());
            DatasetImport.createWorkflow(page.connector(), page.data(), target, page.storeDataset());
            created = target;
            var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            if (window != null && window.getActivePage() != null) {
                editor = (WorkflowEditor) WorkflowHandlers.open(window.getActivePage(), target);
                if (window.getActivePage().findView(WorkspaceView.ID) instanceof WorkspaceView v) {
                    v.refresh();
                }
            }
            return true;
        } catch (IOException | IllegalArgumentException | PartInitException e) {
            page.setErrorMessage(e.getMessage());
            return false;
        }
    }

    /** Data, connector and workflow name on one page, checked as the user fills them in. */
    public final class Page extends WizardPage {
        private Text data;
        private org.eclipse.swt.widgets.List connectors;
        private Label connectorHelp;
        private Text name;
        private Button store;
        private Text dataset;
        private List<NodeDescriptor> shown = List.of();

        Page() {
            super("dataset");
            setTitle("Import a dataset into a new workflow");
            setDescription("Choose the data, the connector that reads it and a name for the workflow.");
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(4, false));
            new Label(c, SWT.NONE).setText("Data:");
            data = new Text(c, SWT.BORDER);
            data.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            Button file = new Button(c, SWT.PUSH);
            file.setText("File…");
            file.addListener(SWT.Selection, e -> {
                String f = new FileDialog(getShell(), SWT.OPEN).open();
                if (f != null) {
                    data.setText(f);
                }
            });
            Button folder = new Button(c, SWT.PUSH);
            folder.setText("Folder…");
            folder.addListener(SWT.Selection, e -> {
                String f = new DirectoryDialog(getShell()).open();
                if (f != null) {
                    data.setText(f);
                }
            });
            Label l = new Label(c, SWT.NONE);
            l.setText("Connector:");
            l.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
            connectors = new org.eclipse.swt.widgets.List(c, SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL);
            GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
            gd.heightHint = 140;
            connectors.setLayoutData(gd);
            new Label(c, SWT.NONE);
            connectorHelp = new Label(c, SWT.WRAP);
            GridData hd = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
            hd.widthHint = 420;
            hd.heightHint = 60;
            connectorHelp.setLayoutData(hd);
            new Label(c, SWT.NONE).setText("Workflow:");
            name = new Text(c, SWT.BORDER);
            name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
            new Label(c, SWT.NONE);
            store = new Button(c, SWT.CHECK);
            store.setText("and store the table in the workspace store as dataset:");
            dataset = new Text(c, SWT.BORDER);
            dataset.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            boolean storeInstalled = registry.find(DatasetImport.STORE_IMPORT).isPresent();
            store.setEnabled(storeInstalled);
            store.setToolTipText(storeInstalled ? "Adds a 'Store table' node after the reader"
                    : "The store bundle (org.nernst.store) is not installed");
            dataset.setEnabled(false);
            store.addListener(SWT.Selection, e -> {
                dataset.setEnabled(store.getSelection());
                check();
            });
            dataset.addListener(SWT.Modify, e -> check());
            data.addListener(SWT.Modify, e -> dataChanged());
            connectors.addListener(SWT.Selection, e -> check());
            name.addListener(SWT.Modify, e -> check());
            setControl(c);
            dataChanged();
        }

        /** Sets the data path, as typing it or choosing it with File…/Folder… does. */
        public void setData(String path) {
            data.setText(path);
        }

        /** Selects a connector by node id, as clicking it does. */
        public void selectConnector(String id) {
            for (int i = 0; i < shown.size(); i++) {
                if (shown.get(i).id().equals(id)) {
                    connectors.select(i);
                    check();
                    return;
                }
            }
            throw new IllegalArgumentException("no connector " + id + " listed");
        }

        /** The connectors listed, in order (those suggested for the data first). */
        public List<NodeDescriptor> listed() {
            return shown;
        }

        public void setWorkflowName(String n) {
            name.setText(n);
        }

        /** Ticks "and store …" with a dataset name, or unticks it for {@code null}. */
        public void setStoreDataset(String name) {
            store.setSelection(name != null);
            dataset.setEnabled(name != null);
            dataset.setText(name == null ? "" : name);
            check();
        }

        String storeDataset() {
            return store.getSelection() ? dataset.getText().strip() : null;
        }

        Path data() {
            return Path.of(data.getText().strip());
        }

        NodeDescriptor connector() {
            return shown.get(connectors.getSelectionIndex());
        }

        String workflowName() {
            return name.getText().strip();
        }

        private void dataChanged() {
            String text = data.getText().strip();
            Path p = text.isEmpty() ? null : Path.of(text);
            List<NodeDescriptor> suggested = p != null && Files.exists(p) ? DatasetImport.suggested(registry, p) : List.of();
            List<NodeDescriptor> all = new java.util.ArrayList<>(suggested);
            DatasetImport.connectors(registry).stream().filter(d -> !suggested.contains(d)).forEach(all::add);
            shown = all;
            connectors.removeAll();
            for (NodeDescriptor d : all) {
                connectors.add(d.label() + (suggested.contains(d) ? "  (reads this)" : ""));
            }
            if (!suggested.isEmpty()) {
                connectors.select(0);
            }
            if (p != null && p.getFileName() != null && name.getText().isBlank()) {
                name.setText(p.getFileName().toString().replaceFirst("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9_.\\-]", "-"));
            }
            check();
        }

        private void check() {
            int i = connectors.getSelectionIndex();
            connectorHelp.setText(i < 0 ? "" : shown.get(i).description());
            String text = data.getText().strip();
            String problem = text.isEmpty() ? "Choose the data file or folder."
                    : !Files.exists(Path.of(text)) ? text + " does not exist."
                    : i < 0 ? "Choose the connector that reads it."
                    : workflowName().isEmpty() ? "Name the workflow."
                    : store.getSelection() && !dataset.getText().strip().matches("[A-Za-z_][A-Za-z0-9_]*")
                            ? "Name the dataset with letters, digits and _ (it becomes an SQL table name)."
                    : null;
            setErrorMessage(text.isEmpty() ? null : problem);
            setPageComplete(problem == null);
        }
    }
}

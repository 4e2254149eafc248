package org.nernst.ui.internal.help;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.ui.internal.editor.NodeSelection;

/**
 * Help inside the workbench: the <b>Node</b> tab describes the node selected on the canvas or in
 * the palette (description, ports with types, a parameter table with type, range, default); the
 * <b>User guide</b> tab shows the guide pages (the repository's docs, shipped in
 * {@code org.nernst.examples}) as formatted text. The Eclipse Help system is not used: its
 * bundles need a web server (Jetty) the target platform does not hold, and the Browser widget
 * needs WebKitGTK, which machines running under Xvfb lack.
 */
public final class HelpView extends ViewPart {
    public static final String ID = "org.nernst.ui.helpView";

    private final ISelectionListener listener = this::selectionChanged;
    private TabFolder tabs;
    private StyledText nodeText;
    private Table parameters;
    private org.eclipse.swt.widgets.List pageList;
    private StyledText pageText;
    private List<UserGuide.Page> pages = List.of();
    private NodeDescriptor shown;

    @Override
    public void createPartControl(Composite parent) {
        tabs = new TabFolder(parent, SWT.TOP);
        TabItem nodeTab = new TabItem(tabs, SWT.NONE);
        nodeTab.setText("Node");
        SashForm node = new SashForm(tabs, SWT.VERTICAL);
        nodeText = new StyledText(node, SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        nodeText.setMargins(6, 6, 6, 6);
        nodeText.setText("Select a node in the palette or on the canvas to read what it does.");
        parameters = new Table(node, SWT.FULL_SELECTION | SWT.BORDER);
        parameters.setHeaderVisible(true);
        for (String c : NodeHelp.COLUMNS) {
            TableColumn col = new TableColumn(parameters, SWT.LEFT);
            col.setText(c);
            col.setWidth(c.equals("description") ? 360 : 110);
        }
        node.setWeights(55, 45);
        nodeTab.setControl(node);

        TabItem guideTab = new TabItem(tabs, SWT.NONE);
        guideTab.setText("User guide");
        SashForm guide = new SashForm(tabs, SWT.HORIZONTAL);
        pageList = new org.eclipse.swt.widgets.List(guide, SWT.SINGLE | SWT.V_SCROLL | SWT.BORDER);
        pageText = new StyledText(guide, SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        pageText.setMargins(8, 8, 8, 8);
        guide.setWeights(25, 75);
        guideTab.setControl(guide);
        pages = UserGuide.pages();
        for (UserGuide.Page p : pages) {
            pageList.add(p.title());
        }
        pageList.addListener(SWT.Selection, e -> showPage(pageList.getSelectionIndex()));
        if (!pages.isEmpty()) {
            pageList.select(0);
            showPage(0);
        }
        parent.setLayout(new FillLayout());
        getSite().getPage().addPostSelectionListener(listener);
        getSite().getPage().addSelectionListener(listener);
        IWorkbenchPart editor = getSite().getPage().getActiveEditor();
        if (editor != null) {
            selectionChanged(editor, editor.getSite().getSelectionProvider().getSelection());
        }
    }

    private void selectionChanged(IWorkbenchPart part, ISelection selection) {
        if (!(selection instanceof IStructuredSelection s)) {
            return;
        }
        Object o = s.getFirstElement();
        if (o instanceof NodeSelection n) {
            n.document().descriptor(n.nodeId()).ifPresent(this::show);
        } else if (o instanceof NodeDescriptor d) {
            show(d);
        }
    }

    /** Describes a node type in the Node tab. */
    public void show(NodeDescriptor d) {
        if (nodeText.isDisposed() || d.equals(shown)) {
            return;
        }
        shown = d;
        String text = NodeHelp.text(d);
        nodeText.setText(text);
        int firstLine = text.indexOf('\n');
        nodeText.setStyleRange(new StyleRange(0, firstLine, null, null, SWT.BOLD));
        for (String heading : List.of("\nInputs\n", "\nOutputs\n")) {
            int at = text.indexOf(heading);
            if (at >= 0) {
                nodeText.setStyleRange(new StyleRange(at + 1, heading.length() - 2, null, null, SWT.BOLD));
            }
        }
        parameters.removeAll();
        for (String[] row : NodeHelp.parameterRows(d)) {
            new TableItem(parameters, SWT.NONE).setText(row);
        }
        tabs.setSelection(0);
    }

    /** The node type described, or {@code null}. */
    public NodeDescriptor shown() {
        return shown;
    }

    /** The Node tab's text. */
    public String nodeText() {
        return nodeText.getText();
    }

    /** The parameter table's rows as shown. */
    public List<String[]> parameterRows() {
        List<String[]> out = new ArrayList<>();
        for (TableItem item : parameters.getItems()) {
            String[] row = new String[NodeHelp.COLUMNS.length];
            for (int i = 0; i < row.length; i++) {
                row[i] = item.getText(i);
            }
            out.add(row);
        }
        return out;
    }

    /** The guide pages listed. */
    public List<UserGuide.Page> pages() {
        return pages;
    }

    /** Shows a guide page in the User guide tab. */
    public void showPage(int index) {
        if (index < 0 || index >= pages.size()) {
            return;
        }
        pageList.select(index);
        MarkdownText.render(pages.get(index).markdown(), pageText);
        tabs.setSelection(1);
    }

    /** The guide page text as shown. */
    public String pageText() {
        return pageText.getText();
    }

    @Override
    public void setFocus() {
        tabs.setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removePostSelectionListener(listener);
        getSite().getPage().removeSelectionListener(listener);
        super.dispose();
    }
}

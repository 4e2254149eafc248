package org.nernst.ui.internal.views;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * A node view that shows one output (chosen in a combo) as a small table of text rows: the shape
 * of the Metrics and Provenance views.
 */
abstract class RowsView extends NodeView {
    private Combo ports;
    private Label status;
    private Table table;
    private List<String[]> shown = List.of();

    /** Column titles and initial widths. */
    protected abstract String[] titles();

    protected abstract int[] widths();

    /** The output ports the combo offers for the current node. */
    protected abstract List<String> ports();

    /**
     * The rows of the chosen output, or {@code null} when it has none (the status line then says why).
     */
    protected abstract List<String[]> rows(String port);

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        ports = new Combo(parent, SWT.READ_ONLY);
        ports.addListener(SWT.Selection, e -> refresh());
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        String[] titles = titles();
        for (int i = 0; i < titles.length; i++) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(titles[i]);
            c.setWidth(widths()[i]);
        }
        follow();
        refresh();
    }

    @Override
    protected final void refresh() {
        if (table == null || table.isDisposed()) {
            return;
        }
        List<String> names = ports();
        if (!Arrays.asList(ports.getItems()).equals(names)) {
            String keep = ports.getText();
            ports.setItems(names.toArray(String[]::new));
            ports.select(Math.max(0, names.indexOf(keep)));
        }
        List<String[]> rows = names.isEmpty() ? null : rows(ports.getText());
        status.setText(rows != null ? current().nodeId() + "." + ports.getText()
                : names.isEmpty() && current() != null ? current().nodeId() + " has no output of this kind."
                        : Outputs.absence(current()));
        status.getParent().layout();
        List<String[]> now = rows == null ? List.of() : rows;
        if (!sameRows(now, shown)) {
            shown = now;
            table.setRedraw(false);
            table.removeAll();
            for (String[] r : now) {
                new TableItem(table, SWT.NONE).setText(r);
            }
            table.setRedraw(true);
        }
    }

    private static boolean sameRows(List<String[]> a, List<String[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The rows shown, as displayed. */
    public final List<List<String>> shownRows() {
        List<List<String>> out = new ArrayList<>();
        for (String[] r : shown) {
            out.add(List.of(r));
        }
        return out;
    }

    /** Chooses which output to show. */
    public final void showPort(String port) {
        ports.select(Arrays.asList(ports.getItems()).indexOf(port));
        refresh();
    }

    /** The status line's text. */
    public final String status() {
        return status.getText();
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }
}

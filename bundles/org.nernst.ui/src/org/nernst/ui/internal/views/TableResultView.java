package org.nernst.ui.internal.views;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.nernst.core.node.PortType;
import org.nernst.core.table.Column;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.StringColumn;
import org.nernst.ui.internal.editor.NodeSelection;

/**
 * An output table of the selected node in a virtual SWT table (rows are formatted only when
 * scrolled into view, so a million rows cost nothing up front), sortable by clicking a header.
 */
public final class TableResultView extends NodeView {
    public static final String ID = "org.nernst.ui.tableView";

    private Combo ports;
    private Label status;
    private Table table;
    private org.nernst.core.table.Table shown;
    /** View row → table row. */
    private int[] order = new int[0];

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        ports = new Combo(parent, SWT.READ_ONLY);
        ports.addListener(SWT.Selection, e -> refresh());
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        table = new Table(parent, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        table.addListener(SWT.SetData, e -> {
            TableItem item = (TableItem) e.item;
            int row = order[table.indexOf(item)];
            List<Column> cols = shown.columns();
            for (int c = 0; c < cols.size(); c++) {
                item.setText(c, cols.get(c) instanceof DoubleColumn d ? display(d.get(row)) : cols.get(c).format(row));
            }
        });
        follow();
        refresh();
    }

    @Override
    protected boolean accepts(NodeSelection s) {
        return !Outputs.ports(s, PortType.TABLE).isEmpty();
    }

    @Override
    protected void refresh() {
        if (table == null || table.isDisposed()) {
            return;
        }
        List<String> names = Outputs.ports(current(), PortType.TABLE);
        if (!Arrays.asList(ports.getItems()).equals(names)) {
            String keep = ports.getText();
            ports.setItems(names.toArray(String[]::new));
            ports.select(Math.max(0, names.indexOf(keep)));
        }
        Object v = Outputs.value(current(), ports.getText());
        org.nernst.core.table.Table t = v instanceof org.nernst.core.table.Table tt ? tt : null;
        status.setText(t == null ? (names.isEmpty() && current() != null ? current().nodeId() + " has no table output."
                : Outputs.absence(current()))
                : current().nodeId() + "." + ports.getText() + ": " + t.rowCount() + " rows × " + t.columnCount()
                        + " columns");
        status.getParent().layout();
        if (t != shown) {
            show(t);
        }
    }

    private void show(org.nernst.core.table.Table t) {
        shown = t;
        table.setRedraw(false);
        table.removeAll();
        for (TableColumn c : table.getColumns()) {
            c.dispose();
        }
        if (t != null) {
            for (Column col : t.columns()) {
                TableColumn tc = new TableColumn(table, col instanceof StringColumn ? SWT.LEFT : SWT.RIGHT);
                tc.setText(col.header());
                tc.setToolTipText(col.name() + (col.unit().isEmpty() ? "" : " [" + col.unit() + "]") + ", " + col.role());
                tc.setWidth(Math.max(70, Math.min(180, col.header().length() * 9)));
                tc.setMoveable(true);
                tc.addListener(SWT.Selection, e -> sortBy(tc, col));
            }
            order = IntStream.range(0, t.rowCount()).toArray();
            table.setItemCount(t.rowCount());
        } else {
            order = new int[0];
        }
        table.setSortColumn(null);
        table.setRedraw(true);
    }

    private void sortBy(TableColumn tc, Column col) {
        int dir = table.getSortColumn() == tc && table.getSortDirection() == SWT.UP ? SWT.DOWN : SWT.UP;
        Comparator<Integer> cmp = col instanceof StringColumn s
                ? Comparator.comparing(s::get, Comparator.nullsFirst(Comparator.naturalOrder()))
                : (a, b) -> Double.compare(col.asDouble(a), col.asDouble(b));
        if (dir == SWT.DOWN) {
            cmp = cmp.reversed();
        }
        // stable sort of row indices: equal keys keep the table's order
        order = IntStream.range(0, shown.rowCount()).boxed().sorted(cmp).mapToInt(Integer::intValue).toArray();
        table.setSortColumn(tc);
        table.setSortDirection(dir);
        table.clearAll();
    }

    /** Six significant digits on screen (sorting and export use the full values). */
    public static String display(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v == 0 || (Math.abs(v) >= 1e-4 && Math.abs(v) < 1e9)) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        }
        return String.format(java.util.Locale.ROOT, "%.5e", v);
    }

    /** The status line: what is shown, or why nothing is. */
    public String status() {
        return status.getText();
    }

    /** Rows of the table shown (0 when none). */
    public int rowCount() {
        return shown == null ? 0 : table.getItemCount();
    }

    public List<String> columnHeaders() {
        return Arrays.stream(table.getColumns()).map(TableColumn::getText).toList();
    }

    /** The text of a cell as displayed (after sorting). */
    public String cell(int row, int column) {
        return table.getItem(row).getText(column);
    }

    /** Sorts by a column as clicking its header does. */
    public void clickHeader(int column) {
        table.getColumn(column).notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    /** Chooses which table output to show. */
    public void showPort(String port) {
        ports.select(Arrays.asList(ports.getItems()).indexOf(port));
        refresh();
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }
}

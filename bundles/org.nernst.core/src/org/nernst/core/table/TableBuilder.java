package org.nernst.core.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link Table} row by row into growable primitive arrays. Declare the columns first,
 * then call one {@code set} per column and {@link #endRow()} per row; unset cells stay missing.
 *
 * @since 0.1
 */
public final class TableBuilder {
    private record Spec(String name, String unit, Role role, ColumnType type) {
    }

    private final String name;
    private final List<Spec> specs = new ArrayList<>();
    private final List<Object> data = new ArrayList<>();
    private int rows;
    private int capacity = 64;

    public TableBuilder(String name) {
        this.name = name;
    }

    /** A builder with the same column names, units, roles and types as {@code template}. */
    public static TableBuilder like(String name, Table template) {
        TableBuilder b = new TableBuilder(name);
        for (Column c : template.columns()) {
            b.column(c.name(), c.unit(), c.role(), c.type());
        }
        return b;
    }

    public TableBuilder doubleColumn(String col, String unit, Role role) {
        return column(col, unit, role, ColumnType.DOUBLE);
    }

    public TableBuilder longColumn(String col, String unit, Role role) {
        return column(col, unit, role, ColumnType.LONG);
    }

    public TableBuilder stringColumn(String col, Role role) {
        return column(col, "", role, ColumnType.STRING);
    }

    public TableBuilder column(String col, String unit, Role role, ColumnType type) {
        if (rows > 0) {
            throw new IllegalStateException("declare every column before the first row");
        }
        specs.add(new Spec(col, unit, role, type));
        data.add(switch (type) {
            case DOUBLE -> filled(new double[capacity]);
            case LONG -> new long[capacity];
            case STRING -> new String[capacity];
        });
        return this;
    }

    private static double[] filled(double[] a) {
        Arrays.fill(a, Double.NaN);
        return a;
    }

    public int rowCount() {
        return rows;
    }

    public TableBuilder set(int col, double v) {
        ((double[]) data.get(col))[rows] = v;
        return this;
    }

    /** Sets an integer cell; an integer given to a double column is stored as a double. */
    public TableBuilder set(int col, long v) {
        if (data.get(col) instanceof double[] d) {
            d[rows] = v;
        } else {
            ((long[]) data.get(col))[rows] = v;
        }
        return this;
    }

    public TableBuilder set(int col, String v) {
        ((String[]) data.get(col))[rows] = v;
        return this;
    }

    /** Sets the cell of the current row from any value: numbers, text or null. */
    public TableBuilder setValue(int col, Object v) {
        switch (specs.get(col).type()) {
            case DOUBLE -> set(col, v == null ? Double.NaN : ((Number) v).doubleValue());
            case LONG -> set(col, ((Number) v).longValue());
            case STRING -> set(col, v == null ? null : v.toString());
        }
        return this;
    }

    /** Finishes the current row and starts the next. */
    public TableBuilder endRow() {
        rows++;
        if (rows == capacity) {
            capacity = capacity * 2;
            for (int i = 0; i < data.size(); i++) {
                Object a = data.get(i);
                data.set(i, switch (specs.get(i).type()) {
                    case DOUBLE -> {
                        double[] grown = Arrays.copyOf((double[]) a, capacity);
                        Arrays.fill(grown, rows, capacity, Double.NaN);
                        yield grown;
                    }
                    case LONG -> Arrays.copyOf((long[]) a, capacity);
                    case STRING -> Arrays.copyOf((String[]) a, capacity);
                });
            }
        }
        return this;
    }

    /** Appends every row of {@code t}, which must have this builder's column types in order. */
    public TableBuilder addAll(Table t) {
        for (int r = 0; r < t.rowCount(); r++) {
            for (int c = 0; c < specs.size(); c++) {
                Column col = t.columns().get(c);
                switch (col) {
                    case DoubleColumn d -> set(c, d.get(r));
                    case LongColumn l -> set(c, l.get(r));
                    case StringColumn s -> set(c, s.get(r));
                }
            }
            endRow();
        }
        return this;
    }

    public Table build() {
        List<Column> cols = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            Object a = data.get(i);
            cols.add(switch (s.type()) {
                case DOUBLE -> new DoubleColumn(s.name(), s.unit(), s.role(), Arrays.copyOf((double[]) a, rows));
                case LONG -> new LongColumn(s.name(), s.unit(), s.role(), Arrays.copyOf((long[]) a, rows));
                case STRING -> new StringColumn(s.name(), s.role(), Arrays.copyOf((String[]) a, rows));
            });
        }
        return new Table(name, cols);
    }
}

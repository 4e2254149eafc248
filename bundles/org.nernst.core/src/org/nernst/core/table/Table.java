package org.nernst.core.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * An immutable, columnar table: equal-length {@link Column}s with unique names. Operations return
 * new tables that share the untouched columns. Serializable (since 0.3) so data-parallel backends
 * can ship tables between JVMs.
 *
 * @since 0.1
 */
public final class Table implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<Column> columns;
    private final Map<String, Column> byName;
    private final int rows;

    public Table(String name, List<Column> columns) {
        this.name = name == null ? "" : name;
        this.columns = List.copyOf(columns);
        this.byName = new LinkedHashMap<>();
        int n = this.columns.isEmpty() ? 0 : this.columns.get(0).size();
        for (Column c : this.columns) {
            if (c.size() != n) {
                throw new IllegalArgumentException("table '" + this.name + "': column '" + c.name() + "' has "
                        + c.size() + " rows, expected " + n + " like column '" + this.columns.get(0).name() + "'");
            }
            if (byName.put(c.name(), c) != null) {
                throw new IllegalArgumentException("table '" + this.name + "': duplicate column '" + c.name() + "'");
            }
        }
        this.rows = n;
    }

    public String name() {
        return name;
    }

    public int rowCount() {
        return rows;
    }

    public int columnCount() {
        return columns.size();
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column c : columns) {
            names.add(c.name());
        }
        return Collections.unmodifiableList(names);
    }

    public Optional<Column> find(String columnName) {
        return Optional.ofNullable(byName.get(columnName));
    }

    /** The column of that name, or an error that lists the columns the table has. */
    public Column column(String columnName) {
        Column c = byName.get(columnName);
        if (c == null) {
            throw new IllegalArgumentException("table '" + name + "' has no column '" + columnName
                    + "'; its columns are " + columnNames());
        }
        return c;
    }

    /** The column of that name as doubles (long columns are converted; text columns are an error). */
    public double[] doubles(String columnName) {
        Column c = column(columnName);
        if (c instanceof DoubleColumn d) {
            return d.toArray();
        }
        if (c.type() == ColumnType.STRING) {
            throw new IllegalArgumentException("column '" + columnName + "' of table '" + name
                    + "' holds text, a number was expected");
        }
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = c.asDouble(i);
        }
        return out;
    }

    /** The columns whose role is {@code role}, in table order. */
    public List<Column> withRole(Role role) {
        List<Column> out = new ArrayList<>();
        for (Column c : columns) {
            if (c.role() == role) {
                out.add(c);
            }
        }
        return out;
    }

    public Table renamed(String newName) {
        return new Table(newName, columns);
    }

    /** This table with {@code column} added, or replacing the column of the same name. */
    public Table with(Column column) {
        List<Column> out = new ArrayList<>(columns);
        int at = columnNames().indexOf(column.name());
        if (at >= 0) {
            out.set(at, column);
        } else {
            out.add(column);
        }
        return new Table(name, out);
    }

    /** The rows listed, in that order. */
    public Table select(int[] rowIndices) {
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.select(rowIndices));
        }
        return new Table(name, out);
    }

    /** The rows that satisfy {@code keep}. */
    public Table filter(IntPredicate keep) {
        int[] idx = new int[rows];
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (keep.test(i)) {
                idx[n++] = i;
            }
        }
        return select(java.util.Arrays.copyOf(idx, n));
    }

    /** The rows of several tables with the same columns, one after the other. */
    public static Table concat(String name, List<Table> parts) {
        if (parts.isEmpty()) {
            return new Table(name, List.of());
        }
        Table first = parts.get(0);
        TableBuilder b = TableBuilder.like(name, first);
        for (Table t : parts) {
            if (!t.columnNames().equals(first.columnNames())) {
                throw new IllegalArgumentException("cannot stack table '" + t.name() + "' with columns "
                        + t.columnNames() + " under table '" + first.name() + "' with columns " + first.columnNames());
            }
            b.addAll(t);
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "Table[" + name + ", " + rows + " rows, columns=" + columnNames() + "]";
    }
}

package org.nernst.store.internal;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBResultSetMetaData;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Column;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;

/** Turns a DuckDB result into a columnar table (the type mapping is documented on {@code CellStore.query}). */
final class ResultTables {
    private static final int BATCH = 1 << 16;
    /** The longest Java array, with room the VM keeps for itself. */
    private static final int MAX_ROWS = Integer.MAX_VALUE - 16;

    private ResultTables() {
    }

    /**
     * @param meta units and roles by column position, or null to take units from {@code "name [unit]"} labels
     */
    static Table read(ResultSet rs, String tableName, String source, List<ColumnMeta> meta, ProgressMonitor monitor)
            throws SQLException, DataException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<ColumnBuffer> buffers = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            buffers.add(buffer(md.getColumnTypeName(i), md.getColumnLabel(i), source));
        }
        int rows = 0;
        while (rs.next()) {
            if (rows == MAX_ROWS) {
                throw new DataException(source, "", "the result has more than " + MAX_ROWS
                        + " rows, more than a table holds; aggregate or filter in SQL");
            }
            if (++rows % BATCH == 0) {
                monitor.checkCanceled();
            }
            for (int i = 0; i < n; i++) {
                buffers.get(i).add(rs, i + 1);
            }
        }
        List<Column> columns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String label = md.getColumnLabel(i + 1);
            ColumnMeta m = meta != null && i < meta.size() && meta.get(i).name().equalsIgnoreCase(label) ? meta.get(i)
                    : meta == null ? fromLabel(label) : new ColumnMeta(label, "", Role.NONE);
            columns.add(buffers.get(i).build(m.name(), m.unit(), m.role(), source));
        }
        return new Table(tableName, columns);
    }

    /** {@code "voltage [V]"} names column {@code voltage} with unit {@code V}, as CSV headers do. */
    static ColumnMeta fromLabel(String label) {
        int open = label.lastIndexOf('[');
        if (label.endsWith("]") && open > 0) {
            String name = label.substring(0, open).trim();
            if (!name.isEmpty()) {
                return new ColumnMeta(name, label.substring(open + 1, label.length() - 1).trim(), Role.NONE);
            }
        }
        return new ColumnMeta(label, "", Role.NONE);
    }

    /** Refuses a column type no table column can hold, naming the column. */
    static void check(String typeName, String column, String source) throws DataException {
        buffer(typeName, column, source);
    }

    private static ColumnBuffer buffer(String typeName, String column, String source) throws DataException {
        DuckDBColumnType t;
        try {
            t = DuckDBResultSetMetaData.TypeNameToType(typeName);
        } catch (RuntimeException e) {
            t = DuckDBColumnType.UNKNOWN;
        }
        ColumnBuffer b = switch (t) {
            case DOUBLE, FLOAT, DECIMAL -> new ColumnBuffer.Doubles();
            case TINYINT, SMALLINT, INTEGER, BIGINT, UTINYINT, USMALLINT, UINTEGER -> new ColumnBuffer.Integers(false);
            case UBIGINT, HUGEINT, UHUGEINT -> new ColumnBuffer.Integers(true);
            case BOOLEAN -> new ColumnBuffer.Booleans();
            case VARCHAR, ENUM, UUID, JSON, DATE, TIME, TIME_NS, TIME_WITH_TIME_ZONE, TIMESTAMP, TIMESTAMP_MS,
                    TIMESTAMP_NS, TIMESTAMP_S, TIMESTAMP_WITH_TIME_ZONE -> new ColumnBuffer.Texts();
            default -> throw new DataException(source, "column '" + column + "'", "has SQL type " + typeName
                    + ", which a Nernst table cannot hold (numbers, integers and text only); "
                    + "CAST it in the query, e.g. CAST(x AS VARCHAR), or leave it out");
        };
        b.source = source;
        return b;
    }
}

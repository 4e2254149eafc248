package org.nernst.store.internal;

import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;

import org.nernst.core.node.DataException;
import org.nernst.core.table.Column;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.LongColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;

/** A growable primitive array filled from one result column. */
abstract sealed class ColumnBuffer {
    /** Integers beyond this lose digits as doubles. */
    private static final long EXACT_DOUBLE = 1L << 53;

    int size;
    /** The store and query, for error messages. */
    String source = "query";

    abstract void add(ResultSet rs, int col) throws SQLException, DataException;

    abstract Column build(String name, String unit, Role role, String source) throws DataException;

    static int grown(int length) {
        return length < 1024 ? 1024 : (int) Math.min(Integer.MAX_VALUE - 16, length * 2L);
    }

    static final class Doubles extends ColumnBuffer {
        private double[] values = new double[0];

        @Override
        void add(ResultSet rs, int col) throws SQLException {
            if (size == values.length) {
                values = Arrays.copyOf(values, grown(size));
            }
            double v = rs.getDouble(col);
            values[size++] = rs.wasNull() ? Double.NaN : v;
        }

        @Override
        Column build(String name, String unit, Role role, String source) {
            return new DoubleColumn(name, unit, role, Arrays.copyOf(values, size));
        }
    }

    /** 64-bit integers; a NULL makes the column doubles with NaN, as a LongColumn has no missing value. */
    static sealed class Integers extends ColumnBuffer permits Booleans {
        private final boolean wide;
        private long[] values = new long[0];
        private boolean[] nulls;

        Integers(boolean wide) {
            this.wide = wide;
        }

        long next(ResultSet rs, int col) throws SQLException, DataException {
            if (!wide) {
                return rs.getLong(col);
            }
            Object o = rs.getObject(col);
            if (o == null) {
                return 0;
            }
            BigInteger b = o instanceof BigInteger bi ? bi : new BigInteger(o.toString());
            if (b.bitLength() > 63) {
                throw new DataException(source, "column '" + rs.getMetaData().getColumnLabel(col) + "', row " + (size + 1),
                        "value " + b + " does not fit a 64-bit integer; CAST the column to DOUBLE in the query");
            }
            return b.longValue();
        }

        @Override
        final void add(ResultSet rs, int col) throws SQLException, DataException {
            if (size == values.length) {
                values = Arrays.copyOf(values, grown(size));
                if (nulls != null) {
                    nulls = Arrays.copyOf(nulls, values.length);
                }
            }
            long v = next(rs, col);
            if (rs.wasNull()) {
                if (nulls == null) {
                    nulls = new boolean[values.length];
                }
                nulls[size] = true;
            }
            values[size++] = v;
        }

        @Override
        final Column build(String name, String unit, Role role, String source) throws DataException {
            if (nulls == null) {
                return new LongColumn(name, unit, role, Arrays.copyOf(values, size));
            }
            double[] d = new double[size];
            for (int i = 0; i < size; i++) {
                if (nulls[i]) {
                    d[i] = Double.NaN;
                } else if (Math.abs(values[i]) > EXACT_DOUBLE) {
                    throw new DataException(source, "column '" + name + "', row " + (i + 1), "holds missing values "
                            + "and " + values[i] + ", too large to keep exactly beside them; filter the NULLs "
                            + "or use COALESCE in the query");
                } else {
                    d[i] = values[i];
                }
            }
            return new DoubleColumn(name, unit, role, d);
        }
    }

    /** BOOLEAN as 0/1. */
    static final class Booleans extends Integers {
        Booleans() {
            super(false);
        }

        @Override
        long next(ResultSet rs, int col) throws SQLException {
            return rs.getBoolean(col) ? 1 : 0;
        }
    }

    static final class Texts extends ColumnBuffer {
        private String[] values = new String[0];

        @Override
        void add(ResultSet rs, int col) throws SQLException {
            if (size == values.length) {
                values = Arrays.copyOf(values, grown(size));
            }
            values[size++] = text(rs.getObject(col));
        }

        /** Temporal values as ISO-8601 ({@code 2017-05-13T10:34:03}), not JDBC's {@code toString}. */
        private static String text(Object o) {
            return switch (o) {
                case null -> null;
                case String s -> s;
                case Timestamp t -> t.toLocalDateTime().toString();
                case java.sql.Date d -> d.toLocalDate().toString();
                case java.sql.Time t -> t.toLocalTime().toString();
                default -> o.toString();
            };
        }

        @Override
        Column build(String name, String unit, Role role, String source) {
            return new StringColumn(name, role, Arrays.copyOf(values, size));
        }
    }
}

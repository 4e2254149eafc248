package org.nernst.core.table;

/**
 * A column of 64-bit integers (cycle numbers, counts, indices).
 *
 * @since 0.1
 */
public final class LongColumn extends Column {
    private static final long serialVersionUID = 1L;

    private final long[] values;

    public LongColumn(String name, String unit, Role role, long[] values) {
        super(name, unit, role);
        this.values = values;
    }

    @Override
    public ColumnType type() {
        return ColumnType.LONG;
    }

    @Override
    public int size() {
        return values.length;
    }

    public long get(int row) {
        return values[row];
    }

    @Override
    public double asDouble(int row) {
        return values[row];
    }

    @Override
    public String format(int row) {
        return Long.toString(values[row]);
    }

    @Override
    public Column with(String newName, String newUnit, Role newRole) {
        return new LongColumn(newName, newUnit, newRole, values);
    }

    @Override
    public Column select(int[] rows) {
        long[] out = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new LongColumn(name(), unit(), role(), out);
    }
}

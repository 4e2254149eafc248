package org.nernst.core.table;

/**
 * A column of doubles; {@code NaN} marks a missing value.
 *
 * @since 0.1
 */
public final class DoubleColumn extends Column {
    private static final long serialVersionUID = 1L;

    private final double[] values;

    public DoubleColumn(String name, String unit, Role role, double[] values) {
        super(name, unit, role);
        this.values = values;
    }

    public DoubleColumn(String name, String unit, double[] values) {
        this(name, unit, Role.NONE, values);
    }

    @Override
    public ColumnType type() {
        return ColumnType.DOUBLE;
    }

    @Override
    public int size() {
        return values.length;
    }

    public double get(int row) {
        return values[row];
    }

    /** A copy of the values. */
    public double[] toArray() {
        return values.clone();
    }

    @Override
    public double asDouble(int row) {
        return values[row];
    }

    @Override
    public String format(int row) {
        double v = values[row];
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    @Override
    public Column with(String newName, String newUnit, Role newRole) {
        return new DoubleColumn(newName, newUnit, newRole, values);
    }

    @Override
    public Column select(int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new DoubleColumn(name(), unit(), role(), out);
    }
}

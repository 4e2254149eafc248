package org.nernst.core.table;

/**
 * A column of text (cell ids, formulas, cycle types); {@code null} marks a missing value.
 *
 * @since 0.1
 */
public final class StringColumn extends Column {
    private static final long serialVersionUID = 1L;

    private final String[] values;

    public StringColumn(String name, Role role, String[] values) {
        super(name, "", role);
        this.values = values;
    }

    @Override
    public ColumnType type() {
        return ColumnType.STRING;
    }

    @Override
    public int size() {
        return values.length;
    }

    public String get(int row) {
        return values[row];
    }

    @Override
    public double asDouble(int row) {
        String v = values[row];
        if (v == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Override
    public String format(int row) {
        String v = values[row];
        return v == null ? "" : v;
    }

    @Override
    public Column with(String newName, String newUnit, Role newRole) {
        return new StringColumn(newName, newRole, values);
    }

    @Override
    public Column select(int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new StringColumn(name(), role(), out);
    }
}

package org.nernst.core.table;

import java.util.Objects;

/**
 * One named, typed column of a {@link Table}, with its unit and {@link Role}. Columns are
 * immutable: the constructors copy nothing, so the array handed in must not be changed afterwards
 * (this is what keeps a 10-million-row import free of copies).
 *
 * @since 0.1
 */
public abstract sealed class Column implements java.io.Serializable permits DoubleColumn, LongColumn, StringColumn {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String unit;
    private final Role role;

    Column(String name, String unit, Role role) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a column needs a non-empty name");
        }
        this.name = name;
        this.unit = unit == null ? "" : unit;
        this.role = Objects.requireNonNull(role, "role");
    }

    public final String name() {
        return name;
    }

    /** The unit symbol (e.g. {@code V}, {@code Ah}, {@code °C}); empty when dimensionless or unknown. */
    public final String unit() {
        return unit;
    }

    public final Role role() {
        return role;
    }

    /** The header form used in CSV files: {@code name [unit]}, or {@code name} without a unit. */
    public final String header() {
        return unit.isEmpty() ? name : name + " [" + unit + "]";
    }

    public abstract ColumnType type();

    public abstract int size();

    /** The value at {@code row} as text, for display and CSV ({@code ""} when missing). */
    public abstract String format(int row);

    /** The value at {@code row} as a double ({@code NaN} when missing or not numeric). */
    public abstract double asDouble(int row);

    /** A column with the same data under another name, unit or role. */
    public abstract Column with(String newName, String newUnit, Role newRole);

    /** A column of the rows listed, in that order. */
    public abstract Column select(int[] rows);

    public final Column withRole(Role newRole) {
        return with(name, unit, newRole);
    }
}

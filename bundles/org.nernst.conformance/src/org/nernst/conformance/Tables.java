package org.nernst.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.nernst.core.table.Column;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;

/**
 * Table assertions and small tables the checks use.
 *
 * @since 0.1
 */
public final class Tables {

    private Tables() {
    }

    /** Same columns (names, units, types) and the same value in every cell. */
    public static void assertSameTable(Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames(), "column names");
        assertEquals(expected.rowCount(), actual.rowCount(), "row count");
        for (Column e : expected.columns()) {
            Column a = actual.column(e.name());
            assertEquals(e.type(), a.type(), "type of column " + e.name());
            assertEquals(e.unit(), a.unit(), "unit of column " + e.name());
            for (int r = 0; r < e.size(); r++) {
                assertEquals(e.format(r), a.format(r), "column " + e.name() + ", row " + (r + 1));
            }
        }
    }

    /** Every value of a numeric column is finite. */
    public static void assertFinite(Table t, String column) {
        double[] v = t.doubles(column);
        for (int i = 0; i < v.length; i++) {
            assertTrue(Double.isFinite(v[i]), "column " + column + ", row " + (i + 1) + " is " + v[i]);
        }
    }

    /**
     * A load profile for twins: {@code time [s]} every second for {@code seconds} and a constant
     * {@code current [A]}, positive while charging (so a discharge is negative).
     */
    public static Table constantCurrent(double amps, int seconds) {
        double[] t = new double[seconds + 1];
        double[] i = new double[seconds + 1];
        for (int k = 0; k <= seconds; k++) {
            t[k] = k;
            i[k] = amps;
        }
        return new Table("constant current", java.util.List.of(new DoubleColumn("time", "s", Role.NONE, t),
                new DoubleColumn("current", "A", Role.NONE, i)));
    }
}

package org.nernst.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.nernst.core.table.Column;
import org.nernst.core.table.Table;

/** Cell-by-cell table comparison: names, units, roles, types and every value (doubles bit for bit, NaN equal to NaN). */
final class Tables {
    private Tables() {
    }

    static void assertIdentical(Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames(), "columns");
        assertEquals(expected.rowCount(), actual.rowCount(), "rows of " + expected.name());
        for (Column e : expected.columns()) {
            Column a = actual.column(e.name());
            assertEquals(e.getClass(), a.getClass(), "type of " + e.name());
            assertEquals(e.unit(), a.unit(), "unit of " + e.name());
            assertEquals(e.role(), a.role(), "role of " + e.name());
            for (int r = 0; r < e.size(); r++) {
                if (!(e instanceof org.nernst.core.table.StringColumn)) {
                    long eb = Double.doubleToLongBits(e.asDouble(r));
                    long ab = Double.doubleToLongBits(a.asDouble(r));
                    if (eb != ab) {
                        assertEquals(e.asDouble(r), a.asDouble(r), 0.0, e.name() + " row " + r);
                    }
                } else {
                    assertEquals(e.format(r), a.format(r), e.name() + " row " + r);
                }
            }
        }
    }
}

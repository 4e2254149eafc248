package org.nernst.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.LongColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;
import org.nernst.core.table.TableBuilder;

class TableTest {

    private static Table sample() {
        TableBuilder b = new TableBuilder("t").stringColumn("cell", Role.GROUP).longColumn("cycle", "", Role.TIME)
                .doubleColumn("capacity", "Ah", Role.TARGET);
        for (int i = 0; i < 200; i++) {
            b.set(0, i < 100 ? "A" : "B").set(1, (long) i).set(2, 2.0 - i * 0.001).endRow();
        }
        return b.build();
    }

    @Test
    void builderGrowsAndKeepsTypesUnitsAndRoles() {
        Table t = sample();
        assertEquals(200, t.rowCount());
        assertEquals(List.of("cell", "cycle", "capacity"), t.columnNames());
        assertEquals("capacity [Ah]", t.column("capacity").header());
        assertEquals(Role.GROUP, t.column("cell").role());
        assertEquals(1.801, ((DoubleColumn) t.column("capacity")).get(199), 1e-12);
        assertEquals(199L, ((LongColumn) t.column("cycle")).get(199));
    }

    @Test
    void unsetDoubleCellsAreMissing() {
        Table t = new TableBuilder("t").doubleColumn("v", "V", Role.NONE).endRow().build();
        assertTrue(Double.isNaN(t.doubles("v")[0]));
        assertEquals("", t.column("v").format(0));
    }

    @Test
    void filterSelectAndConcat() {
        Table t = sample();
        Table b = t.filter(r -> ((StringColumn) t.column("cell")).get(r).equals("B"));
        assertEquals(100, b.rowCount());
        assertEquals(100L, ((LongColumn) b.column("cycle")).get(0));
        Table both = Table.concat("both", List.of(b, b));
        assertEquals(200, both.rowCount());
        assertArrayEquals(new double[] { 100, 101 }, t.select(new int[] { 100, 101 }).doubles("cycle"));
    }

    @Test
    void columnsOfUnequalLengthAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Table("t",
                List.of(new DoubleColumn("a", "", new double[3]), new DoubleColumn("b", "", new double[2]))));
        assertTrue(e.getMessage().contains("'b' has 2 rows, expected 3"), e.getMessage());
    }

    @Test
    void unknownColumnNamesTheColumnsThatExist() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sample().column("voltage"));
        assertTrue(e.getMessage().contains("no column 'voltage'") && e.getMessage().contains("capacity"), e.getMessage());
    }

    @Test
    void textColumnIsNotReadAsNumbers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sample().doubles("cell"));
        assertTrue(e.getMessage().contains("holds text"), e.getMessage());
    }
}

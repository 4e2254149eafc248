package org.nernst.data.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;
import org.nernst.features.cycling.CycleSummaries;

/** Cycle summaries on a series small enough to integrate by hand. */
class CycleSummariesTest {
    private static DoubleColumn col(String name, String unit, double... v) {
        return new DoubleColumn(name, unit, Role.NONE, v);
    }

    @Test
    void integratesCurrentAndPowerPerCellAndCycle() throws Exception {
        // cell A cycle 1: charge at 1 A for 20 s at 4 V, then rest; cycle 2: discharge at 2 A for 30 s at 3 V
        // cell B cycle 1: one sample (nothing to integrate)
        Table ts = new Table("t", List.of(
                new StringColumn("cell", Role.GROUP, new String[] { "A", "A", "A", "A", "A", "A", "B" }),
                col("cycle", "", 1, 1, 1, 2, 2, 2, 1),
                col("test_time", "s", 0, 10, 20, 30, 45, 60, 0),
                col("current", "A", 1, 1, 1, -2, -2, -2, 0),
                col("voltage", "V", 4, 4, 4, 3, 3, 3, 3.5),
                col("temperature", "°C", 25, 26, 27, 30, Double.NaN, 32, 20),
                col("internal_resistance", "Ω", 0, 0.02, 0, 0.03, 0.031, 0, Double.NaN)));
        Table c = new CycleSummaries("cell", "test_time").compute(ts, ProgressMonitor.none());
        assertEquals(3, c.rowCount());
        assertEquals("A", c.column("cell").format(0));
        assertEquals("B", c.column("cell").format(2));
        assertArrayEquals(new double[] { 1, 2, 1 }, c.doubles("cycle"));
        assertArrayEquals(new double[] { 20 / 3600.0, 0, 0 }, c.doubles("charge_capacity"), 1e-15);
        assertArrayEquals(new double[] { 0, 60 / 3600.0, 0 }, c.doubles("discharge_capacity"), 1e-15);
        assertArrayEquals(new double[] { 80 / 3600.0, 0, 0 }, c.doubles("charge_energy"), 1e-15);
        assertArrayEquals(new double[] { 0, 180 / 3600.0, 0 }, c.doubles("discharge_energy"), 1e-15);
        assertArrayEquals(new double[] { 26, 31, 20 }, c.doubles("mean_temperature"), 1e-12);
        assertArrayEquals(new double[] { 27, 32, 20 }, c.doubles("max_temperature"));
        assertArrayEquals(new double[] { 0.02, 0.031, Double.NaN }, c.doubles("internal_resistance"),
                "last value measured in the cycle; zero means not measured");
        assertArrayEquals(new double[] { 20, 30, 0 }, c.doubles("duration"));
        assertArrayEquals(new double[] { 3, 3, 1 }, c.doubles("samples"));
        assertEquals(0.0, c.doubles("coulombic_efficiency")[0]);
        assertTrue(Double.isNaN(c.doubles("coulombic_efficiency")[1]), "no charge in the cycle: efficiency undefined");
    }

    @Test
    void cumulativeCapacityColumnsAreUsedWhereTheFileHasThem() throws Exception {
        // capacity counted over the whole test (never reset): the cycle's share is max - min
        Table ts = new Table("t", List.of(col("cycle", "", 1, 1, 2, 2), col("test_time", "s", 0, 10, 20, 30),
                col("current", "A", 1, 1, -1, -1), col("voltage", "V", 4, 4, 3, 3),
                col("charge_capacity", "Ah", 5.0, 5.5, 5.5, 5.5), col("discharge_capacity", "Ah", 2, 2, 2.1, 2.4)));
        Table c = new CycleSummaries("cell", "test_time").compute(ts, ProgressMonitor.none());
        assertArrayEquals(new double[] { 0.5, 0 }, c.doubles("charge_capacity"), 1e-15);
        assertArrayEquals(new double[] { 0, 0.3 }, c.doubles("discharge_capacity"), 1e-15);
        assertEquals(List.of("cycle", "start_time", "duration", "samples", "charge_capacity", "discharge_capacity",
                "charge_energy", "discharge_energy", "coulombic_efficiency", "energy_efficiency", "min_voltage", "max_voltage"),
                c.columnNames(), "no cell, temperature or resistance columns in, none out");
    }

    @Test
    void missingColumnIsNamed() {
        Table ts = new Table("t", List.of(col("cycle", "", 1), col("current", "A", 1), col("voltage", "V", 4)));
        DataException e = assertThrows(DataException.class,
                () -> new CycleSummaries("cell", "test_time").compute(ts, ProgressMonitor.none()));
        assertEquals("column 'test_time'", e.location());
    }
}

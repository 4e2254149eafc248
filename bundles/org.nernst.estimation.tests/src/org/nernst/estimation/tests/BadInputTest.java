package org.nernst.estimation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Table;
import org.nernst.estimation.health.RulEstimator;
import org.nernst.estimation.rnn.GruSocEstimator;

/** Unusable inputs end in a DataException that names the table, where, and what was expected. */
class BadInputTest {

    @Test
    void rulWithFewerCapacitiesThanTheStartCycleSaysHowManyAreNeeded() {
        Table t = new Table("short", List.of(new DoubleColumn("capacity", "Ah", new double[] { 2, 1.99, Double.NaN, 1.98 })));
        DataException e = assertThrows(DataException.class, () -> new RulEstimator().estimate(t,
                Parameters.of(Map.of("startCycle", 20L)), ProgressMonitor.none()));
        assertEquals("short", e.source());
        assertEquals("column capacity", e.location());
        assertTrue(e.getMessage().contains("has 3 positive capacities; at least 20"), e.getMessage());
    }

    @Test
    void rulWithoutCapacityColumnListsTheColumnsItHas() {
        Table t = new Table("nocap", List.of(new DoubleColumn("q", "Ah", new double[] { 2 })));
        DataException e = assertThrows(DataException.class,
                () -> new RulEstimator().estimate(t, Parameters.of(Map.of()), ProgressMonitor.none()));
        assertEquals("columns [q]", e.location());
    }

    @Test
    void gruWithoutTrainingInputIsADataError() {
        Table m = new Table("m", List.of(new DoubleColumn("time", "s", new double[] { 0, 1 })));
        DataException e = assertThrows(DataException.class,
                () -> new GruSocEstimator().estimate(m, Map.of(), Parameters.of(Map.of()), ProgressMonitor.none()));
        assertEquals("input training", e.location());
    }

    @Test
    void gruTrainingRowWithMissingSocNamesTheRow() {
        Table tr = new Table("train", List.of(new DoubleColumn("time", "s", new double[] { 0, 1, 2 }),
                new DoubleColumn("voltage", "V", new double[] { 4, 4, 4 }),
                new DoubleColumn("current", "A", new double[] { -1, -1, -1 }),
                new DoubleColumn("soc", "", new double[] { 1, Double.NaN, 0.99 })));
        Table m = new Table("m", List.of(new DoubleColumn("time", "s", new double[] { 0, 1 }),
                new DoubleColumn("voltage", "V", new double[] { 4, 4 }),
                new DoubleColumn("current", "A", new double[] { -1, -1 })));
        DataException e = assertThrows(DataException.class, () -> new GruSocEstimator().estimate(m,
                Map.<String, Object>of("training", tr), Parameters.of(Map.of()), ProgressMonitor.none()));
        assertEquals("train", e.source());
        assertEquals("row 2", e.location());
    }
}

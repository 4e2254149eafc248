package org.nernst.store.tests;

import org.nernst.conformance.TestData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.node.CancelledException;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.ColumnType;
import org.nernst.core.table.LongColumn;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;
import org.nernst.data.csv.CsvReader;
import org.nernst.store.CellStore;
import org.nernst.store.ImportSource;

class QueryTest {

    private static Table arbin() throws Exception {
        Path csv = TestData.folder("cycler-samples/arbin").resolve("FastCharge_000025_CH8.csv");
        return new CsvReader(',', Set.of(), w -> { }).read(csv, ProgressMonitor.none());
    }

    /** Expected values from python3's csv module over the same file (grouped by hand, no DuckDB). */
    @Test
    void perWindowMaximumVoltageOfTheArbinSample(@TempDir Path dir) throws Exception {
        Table t = arbin();
        try (CellStore s = CellStore.open(dir.resolve("s.duckdb"))) {
            assertEquals(248, s.importTable("ch8", t, ImportSource.ofTable(t)).rows());
            Table perCycle = s.query("SELECT Cycle_Index, count(*) AS n, max(Voltage) AS \"vmax [V]\" FROM ch8 GROUP BY ALL");
            assertEquals(1, perCycle.rowCount());
            assertEquals(0.0, perCycle.column("Cycle_Index").asDouble(0));
            assertEquals(248, ((LongColumn) perCycle.column("n")).get(0));
            assertEquals(3.3011565, perCycle.column("vmax").asDouble(0));
            assertEquals("V", perCycle.column("vmax").unit());

            Table windows = s.query("""
                    -- ten-minute windows of the rest period
                    WITH w AS (SELECT floor(Test_Time / 600)::BIGINT AS win, Voltage FROM ch8)
                    SELECT win, count(*) AS n, max(Voltage) AS vmax, sum(win) AS s FROM w GROUP BY win ORDER BY win
                    """);
            assertEquals(List.of("win", "n", "vmax", "s"), windows.columnNames());
            assertEquals(ColumnType.LONG, windows.column("win").type());
            assertArrayEquals(new double[] { 0, 1, 2, 3 }, windows.doubles("win"));
            assertArrayEquals(new double[] { 77, 83, 86, 2 }, windows.doubles("n"));
            assertArrayEquals(new double[] { 3.3011565, 3.3011031, 3.3010468, 3.3009725 }, windows.doubles("vmax"));
            assertEquals(ColumnType.LONG, windows.column("s").type(), "a HUGEINT sum that fits becomes a 64-bit integer");
            assertArrayEquals(new double[] { 0, 83, 172, 6 }, windows.doubles("s"));
        }
    }

    @Test
    void onlySelectMayRun(@TempDir Path dir) throws Exception {
        Table t = Tables.synthetic("cell", 10, 0);
        try (CellStore s = CellStore.open(dir.resolve("s.duckdb"))) {
            s.importTable("cell", t, ImportSource.ofTable(t));
            for (String sql : List.of("DROP TABLE cell", "DELETE FROM cell", "INSERT INTO cell VALUES (1, 2, 3)",
                    "COPY cell TO '" + dir.resolve("x.csv") + "'", "ATTACH '" + dir.resolve("other.duckdb") + "'",
                    "PRAGMA version", "UPDATE nernst_catalogue.imports SET row_count = 0", "CREATE TABLE x AS SELECT 1")) {
                DataException e = assertThrows(DataException.class, () -> s.query(sql), sql);
                assertEquals(s.file() + ": query: only a SELECT query may run here (the store changes only through imports); "
                        + "refused: " + sql, e.getMessage());
            }
            DataException two = assertThrows(DataException.class, () -> s.query("SELECT 1; SELECT 2"));
            assertEquals(s.file() + ": query: one SELECT statement at a time, please; got 2: SELECT 1; SELECT 2", two.getMessage());
            DataException sneaky = assertThrows(DataException.class, () -> s.query("SELECT 1; DROP TABLE cell"));
            assertTrue(sneaky.getMessage().contains("only a SELECT query may run here"), sneaky.getMessage());
            DataException typo = assertThrows(DataException.class, () -> s.query("SELEC * FROM cell"));
            assertTrue(typo.getMessage().startsWith(s.file() + ": query: SQL syntax error: syntax error at or near \"SELEC\""),
                    typo.getMessage());
            DataException empty = assertThrows(DataException.class, () -> s.query("  "));
            assertEquals(s.file() + ": query: the query is empty; write a SELECT statement", empty.getMessage());
            DataException unknown = assertThrows(DataException.class, () -> s.query("SELECT * FROM cells"));
            assertTrue(unknown.getMessage().contains("cells") && unknown.getMessage().endsWith("(datasets in the store: cell)"),
                    unknown.getMessage());
            assertEquals(10, s.read("cell").rowCount(), "nothing was changed");
            assertEquals(1, s.listImports().size());
        }
    }

    @Test
    void aCancelledMonitorInterruptsALongQuery(@TempDir Path dir) throws Exception {
        try (CellStore s = CellStore.open(dir.resolve("s.duckdb"))) {
            // 10^10 row pairs: minutes of work unless the cancel reaches DuckDB
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(CancelledException.class,
                    () -> s.query("SELECT sum(a.range * b.range) AS x FROM range(100000) a, range(100000) b",
                            Tables.cancelAfter(0))));
            assertEquals(1, s.query("SELECT 1 AS one").rowCount(), "the store is usable afterwards");
        }
    }

    @Test
    void sqlTypesMapToTableColumns(@TempDir Path dir) throws Exception {
        try (CellStore s = CellStore.open(dir.resolve("s.duckdb"))) {
            Table t = s.query("""
                    SELECT * FROM (VALUES
                      (1::INTEGER, 1::BIGINT, 1.25::DECIMAL(5,2), true, DATE '2017-05-13', TIMESTAMP '2017-05-13 10:34:03', 'a', 2::UTINYINT),
                      (2::INTEGER, NULL::BIGINT, NULL, false, NULL, NULL, NULL, 3::UTINYINT))
                      AS v(i, nullable, dec, flag, day, ts, txt, tiny)
                    """);
            assertEquals(ColumnType.LONG, t.column("i").type());
            assertEquals(ColumnType.DOUBLE, t.column("nullable").type(), "a NULL among integers makes them doubles with NaN");
            assertEquals(1.0, t.column("nullable").asDouble(0));
            assertTrue(Double.isNaN(t.column("nullable").asDouble(1)));
            assertEquals(ColumnType.DOUBLE, t.column("dec").type());
            assertEquals(1.25, t.column("dec").asDouble(0));
            assertEquals(ColumnType.LONG, t.column("flag").type());
            assertArrayEquals(new double[] { 1, 0 }, t.doubles("flag"));
            assertEquals("2017-05-13", ((StringColumn) t.column("day")).get(0));
            assertNull(((StringColumn) t.column("day")).get(1));
            assertEquals("2017-05-13T10:34:03", ((StringColumn) t.column("ts")).get(0));
            assertNull(((StringColumn) t.column("txt")).get(1));
            assertEquals(ColumnType.LONG, t.column("tiny").type());

            DataException list = assertThrows(DataException.class, () -> s.query("SELECT 1 AS id, [1, 2] AS readings"));
            assertTrue(list.getMessage().startsWith(s.file() + ": query: column 'readings': has SQL type INTEGER[], which a "
                    + "Nernst table cannot hold"), list.getMessage());
            DataException huge = assertThrows(DataException.class, () -> s.query("SELECT '170141183460469231731687303715884105727'::HUGEINT AS big"));
            assertEquals(s.file() + ": query: column 'big', row 1: value 170141183460469231731687303715884105727 does not fit "
                    + "a 64-bit integer; CAST the column to DOUBLE in the query", huge.getMessage());
        }
    }
}

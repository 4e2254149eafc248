package org.nernst.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.store.CellStore;
import org.nernst.store.IfExists;
import org.nernst.store.ImportRecord;
import org.nernst.store.ImportSource;

class ParquetTest {

    private static List<String> listing(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void exportThenImportElsewhereGivesTheSameTable(@TempDir Path dir) throws Exception {
        Table t = Tables.allKinds();
        Path out = dir.resolve("export/cell.parquet");
        try (CellStore a = CellStore.open(dir.resolve("a.duckdb"))) {
            a.importTable("cell_a", t, ImportSource.ofTable(t));
            assertEquals(5, a.exportParquet("cell_a", out));
        }
        assertEquals(List.of("cell.parquet"), listing(out.getParent()), "no temporary file is left beside it");
        try (CellStore b = CellStore.open(dir.resolve("b.duckdb"))) {
            ImportRecord r = b.importParquet(out, "copy", IfExists.FAIL, ProgressMonitor.none());
            assertEquals(5, r.rows());
            assertEquals(ImportSource.ofFile(out).sha256(), r.sha256());
            Tables.assertSame(t.renamed("copy"), b.read("copy"));
            assertEquals(r, b.importParquet(out, "copy_again", IfExists.FAIL, ProgressMonitor.none()),
                    "the same file is recognised by its hash");
            assertEquals(1, b.listImports().size());
        }
    }

    @Test
    void aForeignParquetFileImportsWithoutUnitsAndWithNaNAsMissing(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("foreign.parquet");
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:", new Properties()); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT range AS i, CASE WHEN range = 1 THEN 'NaN'::DOUBLE ELSE range / 2 END AS x, "
                    + "range::INTEGER AS small FROM range(3)) TO '" + f + "' (FORMAT parquet)");
        }
        try (CellStore store = CellStore.open(dir.resolve("s.duckdb"))) {
            IllegalArgumentException keyword = assertThrows(IllegalArgumentException.class,
                    () -> store.importParquet(f, "foreign", IfExists.FAIL, ProgressMonitor.none()));
            assertEquals("'foreign' is an SQL keyword, which every query would have to quote; choose another dataset name",
                    keyword.getMessage());
            store.importParquet(f, "foreign_cells", IfExists.FAIL, ProgressMonitor.none());
            Table t = store.read("foreign_cells");
            assertEquals(List.of("i", "x", "small"), t.columnNames());
            assertEquals("", t.column("x").unit());
            assertEquals(Role.NONE, t.column("x").role());
            assertEquals(0.0, t.column("x").asDouble(0));
            assertTrue(Double.isNaN(t.column("x").asDouble(1)));
            assertEquals(1.0, t.column("x").asDouble(2));
            assertEquals(2, store.query("SELECT count(x) AS n FROM foreign_cells").column("n").asDouble(0), "NaN became NULL");
            assertEquals(2.0, t.column("small").asDouble(2));
        }
    }

    @Test
    void unusableFilesAreRefusedNamingFileAndColumn(@TempDir Path dir) throws Exception {
        Path lists = dir.resolve("lists.parquet");
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:", new Properties()); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT 1 AS id, [1, 2] AS readings) TO '" + lists + "' (FORMAT parquet)");
        }
        Path text = Files.writeString(dir.resolve("not.parquet"), "time,voltage\n0,4.1\n");
        try (CellStore store = CellStore.open(dir.resolve("s.duckdb"))) {
            DataException e = assertThrows(DataException.class,
                    () -> store.importParquet(lists, "lists", IfExists.FAIL, ProgressMonitor.none()));
            assertTrue(e.getMessage().startsWith(lists + ": column 'readings': has SQL type INTEGER[], which a Nernst table "
                    + "cannot hold"), e.getMessage());
            DataException bad = assertThrows(DataException.class,
                    () -> store.importParquet(text, "bad", IfExists.FAIL, ProgressMonitor.none()));
            assertTrue(bad.getMessage().startsWith(text + ": cannot be read as Parquet: "), bad.getMessage());
            DataException none = assertThrows(DataException.class,
                    () -> store.importParquet(dir.resolve("none.parquet"), "nothing", IfExists.FAIL, ProgressMonitor.none()));
            assertEquals(dir.resolve("none.parquet") + ": file not found", none.getMessage());
            assertEquals(List.of(), store.listImports());
        }
    }

    @Test
    void aFailedExportLeavesTheOldFileUntouched(@TempDir Path dir) throws Exception {
        Path out = Files.writeString(dir.resolve("old.parquet"), "previous content");
        try (CellStore store = CellStore.open(dir.resolve("s.duckdb"))) {
            DataException e = assertThrows(DataException.class, () -> store.exportParquet("missing", out));
            assertEquals(store.file() + ": dataset 'missing': no such dataset in this store (the store holds no datasets yet)",
                    e.getMessage());
        }
        assertEquals("previous content", Files.readString(out));
        assertEquals(List.of("old.parquet", "s.duckdb"), listing(dir).stream().filter(n -> !n.endsWith(".wal")).toList());
    }
}

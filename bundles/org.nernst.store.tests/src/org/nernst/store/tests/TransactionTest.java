package org.nernst.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.node.CancelledException;
import org.nernst.core.node.DataException;
import org.nernst.core.table.Table;
import org.nernst.store.CellStore;
import org.nernst.store.IfExists;
import org.nernst.store.ImportSource;

/** An import is all or nothing: a cancel or a failure midway leaves the store exactly as it was. */
class TransactionTest {
    /** Large enough for several progress reports (one per 65,536 rows). */
    private static final int ROWS = 300_000;

    private static long tablesNamed(CellStore s, String name) throws DataException {
        return (long) s.query("SELECT count(*) AS n FROM information_schema.tables WHERE lower(table_name) = '" + name + "'")
                .column("n").asDouble(0);
    }

    @Test
    void aCancelMidwayLeavesNoTableAndNoCatalogueEntry(@TempDir Path dir) throws Exception {
        Table big = Tables.synthetic("big", ROWS, 0);
        try (CellStore s = CellStore.open(dir.resolve("s.duckdb"))) {
            assertThrows(CancelledException.class,
                    () -> s.importTable("big", big, ImportSource.ofTable(big), IfExists.FAIL, Tables.cancelAfter(2)));
            assertEquals(List.of(), s.listImports());
            assertEquals(0, tablesNamed(s, "big"));
            assertEquals(0, s.query("SELECT * FROM nernst_catalogue.columns").rowCount());
            // still usable: the same import now goes through
            assertEquals(ROWS, s.importTable("big", big, ImportSource.ofTable(big)).rows());
            assertEquals(ROWS, s.read("big").rowCount());
        }
    }

    @Test
    void aFailureMidwayLeavesNothingEitherAndTheStoreReopens(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("s.duckdb");
        Table big = Tables.synthetic("big", ROWS, 0);
        try (CellStore s = CellStore.open(db)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> s.importTable("big", big, ImportSource.ofTable(big), IfExists.FAIL, Tables.failAt(3)));
            assertEquals("failure on purpose, midway through the import", e.getMessage());
        }
        try (CellStore s = CellStore.open(db)) {
            assertEquals(List.of(), s.listImports());
            assertEquals(0, tablesNamed(s, "big"));
        }
    }

    @Test
    void aCancelledReplaceKeepsTheOldDataset(@TempDir Path dir) throws Exception {
        Table old = Tables.synthetic("old", 1000, 0);
        Table big = Tables.synthetic("new", ROWS, 1);
        try (CellStore s = CellStore.open(dir.resolve("s.duckdb"))) {
            var r = s.importTable("cell", old, ImportSource.ofTable(old));
            assertThrows(CancelledException.class,
                    () -> s.importTable("cell", big, ImportSource.ofTable(big), IfExists.REPLACE, Tables.cancelAfter(1)));
            assertEquals(List.of(r), s.listImports());
            Tables.assertSame(old.renamed("cell"), s.read("cell"));
        }
    }
}

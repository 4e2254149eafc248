package org.nernst.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Table;
import org.nernst.store.CellStore;
import org.nernst.store.IfExists;
import org.nernst.store.ImportRecord;
import org.nernst.store.ImportSource;

class DeduplicationTest {

    private static long count(CellStore s, String dataset) throws DataException {
        return (long) s.query("SELECT count(*) AS n FROM " + dataset).column("n").asDouble(0);
    }

    @Test
    void theSameContentImportedTwiceIsStoredOnce(@TempDir Path dir) throws Exception {
        Table t = Tables.synthetic("cell", 3000, 0);
        try (CellStore s = CellStore.open(dir.resolve("s.duckdb"))) {
            ImportRecord first = s.importTable("cell", t, ImportSource.ofTable(t));
            ImportRecord again = s.importTable("cell", t, ImportSource.ofTable(t));
            assertEquals(first, again);
            assertEquals(3000, count(s, "cell"));
            ImportRecord underOtherName = s.importTable("cell_copy", t, ImportSource.ofTable(t));
            assertEquals(first, underOtherName, "the existing dataset is returned, no copy is made");
            assertEquals(List.of(first), s.listImports());
            assertEquals(first, s.findImport(first.sha256()).orElseThrow());
        }
    }

    @Test
    void otherContentUnderATakenNameFailsUnlessReplaced(@TempDir Path dir) throws Exception {
        Table v1 = Tables.synthetic("v1", 100, 0);
        Table v2 = Tables.synthetic("v2", 50, 1);
        try (CellStore s = CellStore.open(dir.resolve("s.duckdb"))) {
            ImportRecord r1 = s.importTable("cell", v1, ImportSource.ofTable(v1));
            DataException e = assertThrows(DataException.class, () -> s.importTable("Cell", v2, ImportSource.ofTable(v2)));
            assertTrue(e.getMessage().startsWith(s.file() + ": dataset 'Cell': already holds other data (100 rows from v1, imported "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("choose another dataset name, or replace it (ifExists=replace)"), e.getMessage());
            ImportRecord r2 = s.importTable("cell", v2, ImportSource.ofTable(v2), IfExists.REPLACE, ProgressMonitor.none());
            assertTrue(r2.id() > r1.id());
            assertEquals(List.of(r2), s.listImports());
            Tables.assertSame(v2.renamed("cell"), s.read("cell"));
            assertTrue(s.drop("cell"));
            assertEquals(List.of(), s.listImports());
            assertEquals(false, s.drop("cell"));
        }
    }
}

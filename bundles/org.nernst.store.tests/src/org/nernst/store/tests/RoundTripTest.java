package org.nernst.store.tests;

import org.nernst.conformance.TestData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.exec.Hashing;
import org.nernst.core.node.DataException;
import org.nernst.core.table.Table;
import org.nernst.store.CellStore;
import org.nernst.store.ImportRecord;
import org.nernst.store.ImportSource;

class RoundTripTest {

    @Test
    void everyColumnTypeUnitRoleAndMissingValueSurvivesStoreAndReopen(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("sub/folder/store.duckdb");
        Table t = Tables.allKinds();
        ImportRecord r;
        try (CellStore s = CellStore.open(db)) {
            r = s.importTable("cell_a", t, ImportSource.ofTable(t));
            Tables.assertSame(t, s.read("cell_a"));
        }
        assertTrue(Files.isRegularFile(db), "the store and its folders are created");
        try (CellStore s = CellStore.open(db)) {
            Table back = s.read("CELL_A");
            assertEquals("cell_a", back.name(), "dataset names ignore case, as SQL does");
            Tables.assertSame(t, back);
            assertEquals(List.of(r), s.listImports());
        }
        assertEquals(1, r.id());
        assertEquals("cell_a", r.dataset());
        assertEquals("cell A", r.source());
        assertEquals(Hashing.of(t), r.sha256());
        assertEquals(5, r.rows());
        assertTrue(Duration.between(r.imported(), Instant.now()).abs().toMinutes() < 5);
    }

    @Test
    void missingValuesAreSqlNullsSoAggregatesSkipThem(@TempDir Path dir) throws Exception {
        Table t = Tables.allKinds();
        try (CellStore s = CellStore.open(dir.resolve("s.duckdb"))) {
            s.importTable("cell_a", t, ImportSource.ofTable(t));
            Table q = s.query("SELECT count(voltage) AS n, max(voltage) AS vmax, count(cell) AS cells, "
                    + "count(\"dV/dt [raw]\") AS slopes FROM cell_a");
            assertEquals(4, q.column("n").asDouble(0));
            assertEquals(4.2, q.column("vmax").asDouble(0), "NaN would otherwise be the maximum");
            assertEquals(4, q.column("cells").asDouble(0), "null text is NULL, the empty string is not");
            assertEquals(3, q.column("slopes").asDouble(0));
        }
    }

    @Test
    void anEmptyTableKeepsItsColumns(@TempDir Path dir) throws Exception {
        Table t = Tables.allKinds().filter(i -> false);
        try (CellStore s = CellStore.open(dir.resolve("s.duckdb"))) {
            assertEquals(0, s.importTable("empty", t, ImportSource.ofTable(t)).rows());
            Tables.assertSame(t, s.read("empty"));
        }
    }

    @Test
    void badDatasetNamesAndColumnsSqlCannotTellApartAreRefused(@TempDir Path dir) throws Exception {
        Table t = Tables.allKinds();
        try (CellStore s = CellStore.open(dir.resolve("s.duckdb"))) {
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> s.importTable("cell-a; DROP TABLE x", t, ImportSource.ofTable(t)));
            assertTrue(bad.getMessage().startsWith("'cell-a; DROP TABLE x' is not a valid dataset name"), bad.getMessage());
            Table clash = t.with(Tables.synthetic("x", 5, 0).column("time").with("Voltage", "V",
                    org.nernst.core.table.Role.NONE));
            DataException e = assertThrows(DataException.class, () -> s.importTable("clash", clash, ImportSource.ofTable(clash)));
            assertEquals("cell A: column 'Voltage': differs from column 'voltage' only in case, which SQL does not "
                    + "distinguish; rename one of them", e.getMessage());
            DataException missing = assertThrows(DataException.class, () -> s.read("nothing"));
            assertEquals(s.file() + ": dataset 'nothing': no such dataset in this store (the store holds no datasets yet)",
                    missing.getMessage());
            assertEquals(List.of(), s.listImports());
        }
    }

    @Test
    void aFileThatIsNotAStoreIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("cells.duckdb"), "time,voltage\n0,4.1\n");
        DataException e = assertThrows(DataException.class, () -> CellStore.open(text));
        assertTrue(e.getMessage().startsWith(text + ": cannot be opened as a Nernst store (DuckDB database): "), e.getMessage());
        DataException folder = assertThrows(DataException.class, () -> CellStore.open(dir));
        assertEquals(dir + ": is a folder; a store is a file (e.g. .../store/nernst.duckdb)", folder.getMessage());
    }

    @Test
    void theFileHashIsTheSha256OfItsBytes() throws Exception {
        Path csv = TestData.folder("cycler-samples/arbin").resolve("FastCharge_000025_CH8.csv");
        // sha256sum FastCharge_000025_CH8.csv
        assertEquals("7531313424b492fc50fc11d35c7ef3f1019ef60560489e258b02012f54c29c95", ImportSource.ofFile(csv).sha256());
        assertEquals(csv.toAbsolutePath().normalize().toString(), ImportSource.ofFile(csv).name());
    }
}

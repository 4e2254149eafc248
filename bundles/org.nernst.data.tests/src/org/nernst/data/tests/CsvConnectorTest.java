package org.nernst.data.tests;

import org.nernst.conformance.TestData;
import org.nernst.conformance.Workflows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.exec.NodeExecutionException;
import org.nernst.core.node.DataException;
import org.nernst.core.table.ColumnType;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;

class CsvConnectorTest {

    private static Table read(Map<String, Object> params) throws Exception {
        return Workflows.node("org.nernst.data.csv", params).value("n", "table", Table.class);
    }

    private static DataException error(Map<String, Object> params) {
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> Workflows.node("org.nernst.data.csv", params));
        return assertInstanceOf(DataException.class, e.getCause());
    }

    @Test
    void nasaPerCycleTableOfB0005() throws Exception {
        Table t = read(Map.of("file", TestData.folder("nasa-pcoe").resolve("per-cycle/B0005_per_cycle.csv").toString(),
                "target", "capacity"));
        assertEquals(168, t.rowCount());
        assertEquals("index", t.columnNames().get(0), "the unnamed pandas index column gets a name");
        assertEquals(1.8564874208181574, t.doubles("capacity")[0], 1e-15);
        assertTrue(t.doubles("capacity")[167] < 1.35);
        assertEquals(Role.TARGET, t.column("capacity").role());
        assertEquals(ColumnType.DOUBLE, t.column("max_temp_D").type());
    }

    @Test
    void globStacksTheFourPerCycleFilesWithASourceColumn() throws Exception {
        Table t = read(Map.of("file", TestData.folder("nasa-pcoe").resolve("per-cycle/*_per_cycle.csv").toString()));
        assertEquals(168 * 3 + 132, t.rowCount());
        assertEquals(Role.GROUP, t.column("source").role());
        assertEquals("B0018_per_cycle", t.column("source").format(t.rowCount() - 1));
    }

    @Test
    void unitsComeFromBracketedHeaders(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cell.csv");
        Files.writeString(f, "time [s];voltage [V];note\n0;4.1;\"rest, then load\"\n1;4.0;\n");
        Table t = read(Map.of("file", f.toString()));
        assertEquals(List.of("time", "voltage", "note"), t.columnNames());
        assertEquals("V", t.column("voltage").unit());
        assertEquals("rest, then load", t.column("note").format(0));
    }

    @Test
    void nonNumericCellNamesLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "time [s],voltage [V]\n0,4.1\n1,4.0\n2,abc\n");
        DataException e = error(Map.of("file", f.toString()));
        assertEquals(f + ": line 4, column 'voltage [V]': 'abc' is not a number; the column's first value was numeric "
                + "(list the column in the 'text' parameter to read it as text)", e.getMessage());
    }

    @Test
    void wrongFieldCountNamesTheLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("ragged.csv");
        Files.writeString(f, "a,b\n1,2\n3,4,5\n");
        assertEquals(f + ": line 3: has 3 fields, the header has 2", error(Map.of("file", f.toString())).getMessage());
    }

    @Test
    void missingFileAndEmptyFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("none.csv");
        assertEquals(missing + ": file not found", error(Map.of("file", missing.toString())).getMessage());
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        assertTrue(error(Map.of("file", empty.toString())).getMessage().contains("empty file"));
    }

    @Test
    void filesStackedByAGlobMustAgreeOnUnits(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.csv"), "time [s],voltage [V]\n0,4.1\n");
        Files.writeString(dir.resolve("b.csv"), "time [s],voltage [mV]\n0,4100\n");
        DataException e = error(Map.of("file", dir.resolve("*.csv").toString()));
        assertEquals(dir.resolve("b.csv") + ": column 'voltage': is numeric in mV but numeric in V in a.csv; "
                + "files read together must agree", e.getMessage());
    }

    @Test
    void onlyPlainDecimalNumbersAreNumbers(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("java.csv");
        Files.writeString(f, "x\n1\n2f\n");
        assertTrue(error(Map.of("file", f.toString())).getMessage().contains("line 3, column 'x': '2f' is not a number"));
        Path ok = dir.resolve("ok.csv");
        Files.writeString(ok, "x\n-1.5e-3\n.5\n+2\nNaN\n");
        assertEquals(4, read(Map.of("file", ok.toString())).rowCount());
    }

    @Test
    void duplicateColumnNamesAreRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("dup.csv");
        Files.writeString(f, "voltage [V],voltage [mV]\n1,2\n");
        assertEquals(f + ": line 1: columns 1 and 2 are both named 'voltage'; column names must be unique",
                error(Map.of("file", f.toString())).getMessage());
    }

    @Test
    void unknownRoleColumnIsNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "a,b\n1,2\n");
        assertEquals(f + ": column 'capacity': not found; the file has columns [a, b]",
                error(Map.of("file", f.toString(), "target", "capacity")).getMessage());
    }
}

package org.nernst.data.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.ColumnType;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;
import org.nernst.data.csv.CsvReader;

/**
 * Files big enough (over 4 MB) that the reader splits them into slices parsed in parallel: every
 * value must land in its row, and the problem reported must be the first one in the file even when
 * a later slice fails first.
 */
class LargeCsvTest {
    private static final int ROWS = 600_000;

    @TempDir
    Path tmp;

    private Path write(String header, IntFunction<String> row) throws IOException {
        Path f = tmp.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            w.write(header);
            w.write('\n');
            for (int i = 0; i < ROWS; i++) {
                w.write(row.apply(i));
                w.write(i % 3 == 0 ? "\r\n" : "\n");
                if (i == 1000) {
                    w.write("  \n"); // a blank line: skipped, but counted for line numbers
                }
            }
        }
        assertTrue(Files.size(f) > 4 << 20, "the file must be large enough to be read in slices");
        return f;
    }

    private static Table read(Path f) throws Exception {
        return new CsvReader((char) 0, Set.of(), s -> {
        }).read(f, ProgressMonitor.none());
    }

    @Test
    void everyValueLandsInItsRow() throws Exception {
        Path f = write("time [s],voltage [V],label,note", i -> i + "," + (3 + i * 1e-6) + ",cell" + (i % 7) + ","
                + (i % 2 == 0 ? "" : "\"a, b\""));
        Table t = read(f);
        assertEquals(ROWS, t.rowCount());
        double[] time = t.doubles("time"), v = t.doubles("voltage");
        for (int i = 0; i < ROWS; i++) {
            assertEquals(i, time[i]);
            assertEquals(Double.parseDouble(Double.toString(3 + i * 1e-6)), v[i]);
        }
        StringColumn label = (StringColumn) t.column("label"), note = (StringColumn) t.column("note");
        assertEquals("cell" + (ROWS - 1) % 7, label.get(ROWS - 1));
        assertNull(note.get(0));
        assertEquals("a, b", note.get(ROWS - 1));
        assertEquals("V", t.column("voltage").unit());
    }

    @Test
    void firstProblemInTheFileIsReportedNotTheFirstFound() throws Exception {
        // two bad values, one early and one near the end (in another slice); line numbers count the
        // header and the blank line after data row 1000
        Path f = write("a,b", i -> i == 150_000 ? "1,oops" : i == 590_000 ? "2,late" : i + ",1");
        DataException e = assertThrows(DataException.class, () -> read(f));
        assertEquals("line " + (150_000 + 3) + ", column 'b'", e.location());
    }

    @Test
    void columnEmptyAtFirstThatTurnsOutTextIsReadAsText() throws Exception {
        Path f = write("a,comment", i -> i + "," + (i < 50_000 ? "" : "note " + i));
        Table t = read(f);
        assertEquals(ColumnType.STRING, t.column("comment").type());
        assertEquals("note 599999", t.column("comment").format(ROWS - 1));
    }

    @Test
    void columnEmptyAtFirstWithANumberThenTextIsAnErrorAtTheText() throws Exception {
        Path f = write("a,late", i -> i + "," + (i < 50_000 ? "" : i < 120_000 ? "1.5" : "x"));
        DataException e = assertThrows(DataException.class, () -> read(f));
        assertEquals("line " + (120_000 + 3) + ", column 'late'", e.location());
        assertTrue(e.getMessage().contains("first value (line " + (50_000 + 3) + ") was numeric"), e.getMessage());
    }
}

package org.nernst.data.tests;

import org.nernst.conformance.TestData;
import org.nernst.conformance.Workflows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.exec.NodeExecutionException;
import org.nernst.core.node.DataException;
import org.nernst.core.table.ColumnType;
import org.nernst.core.table.Table;
import org.nernst.data.mat.MatArray;
import org.nernst.data.mat.MatCell;
import org.nernst.data.mat.MatFiles;
import org.nernst.data.mat.MatFormat;
import org.nernst.data.mat.MatStruct;
import org.nernst.data.mat.MatText;
import org.nernst.data.mat.MatView;

import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/**
 * One view of MAT-files whatever their version: the header picks the reader, and the same content
 * reads alike from MATLAB 5 (written here by mfl-core, the library that reads it) and MATLAB 7.3
 * ({@code variables.mat}, written by hdf5storage, a real tool: see fixtures/mat/generate_fixtures.py).
 */
class MatFilesTest {

    /** The v5 twin of variables.mat's run, M, note and names. */
    private static Path writeV5(Path dir) throws Exception {
        Path f = dir.resolve("variables-v5.mat");
        try (MatFile mat = Mat5.newMatFile()) {
            Struct run = Mat5.newStruct();
            Matrix time = Mat5.newMatrix(5, 1);
            Matrix voltage = Mat5.newMatrix(5, 1);
            Matrix current = Mat5.newMatrix(5, 1, MatlabType.Int32);
            for (int i = 0; i < 5; i++) {
                time.setDouble(i, i);
                voltage.setDouble(i, 4.2 - 0.1 * i);
                current.setInt(i, -1);
            }
            run.set("current", current).set("time", time).set("voltage", voltage);
            Matrix m = Mat5.newMatrix(3, 4);
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 4; c++) {
                    m.setDouble(r, c, 4 * r + c + 1);
                }
            }
            Cell names = Mat5.newCell(1, 2);
            names.set(0, Mat5.newString("x"));
            names.set(1, Mat5.newString("yy"));
            mat.addArray("M", m).addArray("names", names).addArray("note", Mat5.newString("hello")).addArray("run", run);
            Mat5.writeToFile(mat, f.toFile());
        }
        return f;
    }

    @Test
    void headerPicksTheReader(@TempDir Path dir) throws Exception {
        assertEquals(MatFormat.V5, MatFiles.detect(writeV5(dir)));
        assertEquals(MatFormat.V73, MatFiles.detect(Fixtures.mat("variables.mat")));
        assertEquals(MatFormat.V5, MatFiles.detect(TestData.folder("nasa-pcoe").resolve("B0025.mat")));
    }

    @Test
    void sameContentReadsAlikeFromVersion5And73(@TempDir Path dir) throws Exception {
        for (Path f : List.of(writeV5(dir), Fixtures.mat("variables.mat"))) {
            try (MatView mat = MatFiles.open(f)) {
                String v = mat.format().label();
                assertTrue(mat.variableNames().containsAll(List.of("M", "names", "note", "run")), v + mat.variableNames());
                MatArray m = assertInstanceOf(MatArray.class, mat.variable("M"), v);
                assertArrayEquals(new int[] { 3, 4 }, m.dims(), v);
                assertEquals("3×4 double", m.describe(), v);
                assertArrayEquals(new double[] { 1, 5, 9, 2, 6, 10, 3, 7, 11, 4, 8, 12 }, m.doubles(), v + " column-major");
                assertEquals("hello", assertInstanceOf(MatText.class, mat.variable("note")).text(), v);
                MatCell names = assertInstanceOf(MatCell.class, mat.variable("names"), v);
                assertArrayEquals(new int[] { 1, 2 }, names.dims(), v);
                assertEquals("yy", assertInstanceOf(MatText.class, names.get(1)).text(), v);
                assertEquals("names{2}", names.get(1).where(), v);
                MatStruct run = mat.struct("run", "a struct");
                assertEquals(List.of("current", "time", "voltage"), run.fields(), v);
                MatArray current = run.get("current", 0, MatArray.class, "numbers");
                assertEquals("int32", current.matlabClass(), v);
                assertEquals("run.current", current.where(), v);
                assertArrayEquals(new double[] { -1, -1, -1, -1, -1 }, current.doubles(), v);
                DataException e = assertThrows(DataException.class, () -> run.get("capacity", 0));
                assertEquals(f + ": run: has no field 'capacity'; its fields are [current, time, voltage]", e.getMessage());
                DataException missing = assertThrows(DataException.class, () -> mat.variable("batch"));
                assertEquals(f + ": variable 'batch': not found; the variable was asked for, this file holds "
                        + mat.variableNames(), missing.getMessage());
            }
        }
    }

    @Test
    void structOfVectorsBecomesATableFromEitherVersion(@TempDir Path dir) throws Exception {
        for (Path f : List.of(writeV5(dir), Fixtures.mat("variables.mat"))) {
            Table t = Workflows.node("org.nernst.data.matVariables", Map.of("file", f.toString(), "variable", "run"))
                    .value("n", "table", Table.class);
            assertEquals(5, t.rowCount(), f.toString());
            assertEquals(List.of("current", "time", "voltage"), t.columnNames());
            assertEquals(ColumnType.LONG, t.column("current").type(), "int32 stays integer");
            assertEquals(4.2, t.doubles("voltage")[0], 1e-12);
            assertEquals(3.8, t.doubles("voltage")[4], 1e-12);
            assertEquals(4.0, t.doubles("time")[4]);
        }
    }

    @Test
    void matrixBecomesOneColumnPerMatrixColumn(@TempDir Path dir) throws Exception {
        for (Path f : List.of(writeV5(dir), Fixtures.mat("variables.mat"))) {
            Table t = Workflows.node("org.nernst.data.matVariables", Map.of("file", f.toString(), "variable", "M"))
                    .value("n", "table", Table.class);
            assertEquals(List.of("M_1", "M_2", "M_3", "M_4"), t.columnNames());
            assertArrayEquals(new double[] { 1, 5, 9 }, t.doubles("M_1"));
            assertArrayEquals(new double[] { 4, 8, 12 }, t.doubles("M_4"));
        }
    }

    @Test
    void structOfUnequalVectorsIsRefusedNamingTheField() {
        Path f = Fixtures.mat("variables.mat");
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> Workflows.node(
                "org.nernst.data.matVariables", Map.of("file", f.toString(), "variable", "ragged")));
        assertEquals(f + ": ragged.b: is a 3×1 double but a has 2 values; a struct of equal-length vectors or a 2-D "
                + "numeric matrix was expected", assertInstanceOf(DataException.class, e.getCause()).getMessage());
    }

    @Test
    void fileWithSeveralVariablesNeedsTheVariableNamed() {
        Path f = Fixtures.mat("variables.mat");
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> Workflows.node(
                "org.nernst.data.matVariables", Map.of("file", f.toString())));
        assertEquals(f + ": holds 5 variables [M, names, note, ragged, run]; name the one to read with parameter "
                + "'variable'", assertInstanceOf(DataException.class, e.getCause()).getMessage());
    }

    // --- files written by Octave 7.3 (Debian octave; fixtures/mat/generate_fixtures.py) ---------

    @Test
    void octaveV7FileIsMatlab5AndReadsAsATable() throws Exception {
        Path f = Fixtures.mat("octave-v7.mat");
        assertEquals(MatFormat.V5, MatFiles.detect(f));
        Table s = Workflows.node("org.nernst.data.matVariables", Map.of("file", f.toString(), "variable", "s"))
                .value("n", "table", Table.class);
        assertEquals(List.of("a", "b"), s.columnNames());
        assertArrayEquals(new double[] { 3, 4 }, s.doubles("b"));
        Table x = Workflows.node("org.nernst.data.matVariables", Map.of("file", f.toString(), "variable", "x"))
                .value("n", "table", Table.class);
        assertArrayEquals(new double[] { 1, 2, 3 }, x.doubles("x"), "a 1×3 row vector is one column");
    }

    @Test
    void octaveHdf5FileIsNotAMatlab73File() {
        Path f = Fixtures.mat("octave-hdf5.mat");
        assertTrue(refused(f).startsWith(f + ": header: is a plain HDF5 file, not a MATLAB 7.3 MAT-file"), refused(f));
    }

    @Test
    void octaveV4FileIsRecognisedAsMatlab4() {
        Path f = Fixtures.mat("octave-v4.mat");
        assertTrue(refused(f).contains("it looks like a MATLAB 4 MAT-file, which has no text header"), refused(f));
    }

    // --- headers that are not MATLAB 5 or 7.3 ----------------------------------------------------

    private static String refused(Path f) {
        return assertThrows(DataException.class, () -> MatFiles.open(f)).getMessage();
    }

    @Test
    void matlab4FileIsRecognisedAndRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("old.mat");
        ByteBuffer b = ByteBuffer.allocate(20 + 2 + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).putInt(1).putInt(1).putInt(0).putInt(2).put((byte) 'x').put((byte) 0).putDouble(1.5);
        Files.write(f, b.array());
        assertEquals(f + ": header: not a MATLAB MAT-file: it starts '????????????????????x???' instead of "
                + "'MATLAB 5.0 MAT-file' or 'MATLAB 7.3 MAT-file'; it looks like a MATLAB 4 MAT-file, which has no text "
                + "header (save it again in MATLAB with -v7 or -v7.3); supported are MATLAB 5 (v6/v7) and MATLAB 7.3 "
                + "(HDF5) MAT-files", refused(f));
    }

    @Test
    void emptyFileIsRefused(@TempDir Path dir) throws Exception {
        Path f = Files.createFile(dir.resolve("empty.mat"));
        assertEquals(f + ": header: the file is empty; supported are MATLAB 5 (v6/v7) and MATLAB 7.3 (HDF5) MAT-files",
                refused(f));
    }

    @Test
    void unknownHeaderVersionIsNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("future.mat");
        byte[] head = new byte[128];
        Arrays.fill(head, (byte) ' ');
        byte[] text = "MATLAB 9.9 MAT-file".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, head, 0, text.length);
        head[124] = 0x00;
        head[125] = 0x03;
        head[126] = 'I';
        head[127] = 'M';
        Files.write(f, head);
        assertEquals(f + ": header: starts 'MATLAB 9.9 MAT-file                     ' but has version 0x0300 and endian "
                + "indicator 'IM' at byte 124 (MATLAB 5 has 0x0100, MATLAB 7.3 0x0200, with 'IM' or 'MI'); supported are "
                + "MATLAB 5 (v6/v7) and MATLAB 7.3 (HDF5) MAT-files", refused(f));
    }

    @Test
    void matlab73HeaderWithoutHdf5DataIsCalledTruncated(@TempDir Path dir) throws Exception {
        byte[] all = Files.readAllBytes(Fixtures.mat("variables.mat"));
        Path f = dir.resolve("cut.mat");
        Files.write(f, Arrays.copyOf(all, 300));
        assertEquals(f + ": header: says MATLAB 7.3 (HDF5) but there is no HDF5 signature at byte 512 (300 bytes read): "
                + "the file is truncated or corrupt", refused(f));
    }
}

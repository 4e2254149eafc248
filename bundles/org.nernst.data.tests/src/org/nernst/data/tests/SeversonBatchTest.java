package org.nernst.data.tests;

import org.nernst.conformance.Workflows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.exec.NodeExecutionException;
import org.nernst.core.exec.RunResult;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Table;
import org.nernst.core.workflow.WorkflowNode;
import org.nernst.data.mat.SeversonBatchReader;

import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/**
 * The Severson/Attia batch connector on small files of the published layout. MATLAB 7.3 has no
 * public sample small enough to commit, so {@code fixtures/mat/generate_fixtures.py} wrote them
 * with hdf5storage 0.1.19 (Debian python3-hdf5storage), a real tool that writes genuine MATLAB
 * 7.3 files (user block, MATLAB_class, struct arrays as object references into #refs#); the
 * damaged ones are hdf5storage files that h5py then changed on purpose, as the script says.
 * The expected values below restate the script's formulas.
 */
class SeversonBatchTest {
    private final SeversonBatchReader reader = new SeversonBatchReader();

    private static String text(Table t, String col, int row) {
        return t.column(col).format(row);
    }

    private SeversonBatchReader.Batch read(String fixture, List<Integer> cycles) throws Exception {
        return reader.read(Fixtures.mat(fixture), cycles, "", ProgressMonitor.none());
    }

    @Test
    void cellsTableHasOneRowPerCellWithPolicyAndCycleLife() throws Exception {
        Table cells = read("severson-batch.mat", List.of()).cells();
        assertEquals(3, cells.rowCount());
        assertEquals(List.of("cell", "barcode", "channel", "policy_readable", "cycle_life", "cycles"), cells.columnNames());
        assertEquals("c0", text(cells, "cell", 0));
        assertEquals("EL150800460514", text(cells, "barcode", 0));
        assertEquals("CH1", text(cells, "channel", 0));
        assertEquals("3.6C(80%)-3.6C", text(cells, "policy_readable", 0));
        assertEquals("5.4C(40%)-3.6C", text(cells, "policy_readable", 2));
        assertEquals("CH10", text(cells, "channel", 2));
        assertArrayEquals(new double[] { 4, 3, Double.NaN }, cells.doubles("cycle_life"), "a cell short of 80 % has NaN");
        assertArrayEquals(new double[] { 4, 3, 5 }, cells.doubles("cycles"));
        assertEquals("cycles", cells.column("cycle_life").unit());
    }

    @Test
    void summaryHasOneRowPerCellAndCycleWithUnits() throws Exception {
        Table s = read("severson-batch.mat", List.of()).summary();
        assertEquals(4 + 3 + 5, s.rowCount());
        assertEquals(List.of("cell", "cycle", "QDischarge", "QCharge", "IR", "Tmax", "Tavg", "Tmin", "chargetime"),
                s.columnNames());
        assertEquals(List.of("", "", "Ah", "Ah", "Ω", "°C", "°C", "°C", "min"),
                s.columns().stream().map(c -> c.unit()).toList());
        int last = s.rowCount() - 1;
        assertEquals("c0", text(s, "cell", 0));
        assertEquals("1", text(s, "cycle", 0));
        assertEquals(1.07, s.doubles("QDischarge")[0], 1e-12);
        assertEquals(1.08, s.doubles("QCharge")[0], 1e-12);
        assertEquals(0.017, s.doubles("IR")[0], 1e-12);
        assertEquals(36.0, s.doubles("Tmax")[0], 1e-12);
        assertEquals(10.5, s.doubles("chargetime")[0], 1e-12);
        assertEquals("c2", text(s, "cell", last));
        assertEquals("5", text(s, "cycle", last));
        assertEquals(0.83, s.doubles("QDischarge")[last], 1e-12);
        assertEquals(0.84, s.doubles("QCharge")[last], 1e-12);
        assertEquals(0.021, s.doubles("IR")[last], 1e-12);
        assertEquals(40.0, s.doubles("Tmax")[last], 1e-12);
        assertEquals(37.0, s.doubles("Tavg")[last], 1e-12);
        assertEquals(35.0, s.doubles("Tmin")[last], 1e-12);
        assertEquals(12.5, s.doubles("chargetime")[last], 1e-12);
        assertEquals("c1", text(s, "cell", 4), "c0's 4 cycles come first");
    }

    @Test
    void noTimeSeriesUnlessCyclesAreAskedFor() throws Exception {
        assertEquals(0, read("severson-batch.mat", List.of()).timeseries().rowCount());
    }

    @Test
    void timeSeriesOfChosenCyclesFollowsTheNestedReferences() throws Exception {
        SeversonBatchReader.Batch b = read("severson-batch.mat", List.of(2));
        Table ts = b.timeseries();
        assertEquals(3 * 5, ts.rowCount(), "cycle 2 has 5 samples in each of the 3 cells");
        assertEquals(List.of("cell", "cycle", "t", "V", "I", "Qc", "Qd", "T"), ts.columnNames());
        assertEquals(List.of("", "", "min", "V", "C-rate", "Ah", "Ah", "°C"), ts.columns().stream().map(c -> c.unit()).toList());
        assertArrayEquals(new double[] { 0, 0.5, 1.0, 1.5, 2.0 }, Arrays.copyOf(ts.doubles("t"), 5));
        assertArrayEquals(new double[] { 3.0, 3.1, 3.2, 3.3, 3.4 }, Arrays.copyOf(ts.doubles("V"), 5), 1e-12);
        assertEquals(-3.98, ts.doubles("I")[0], 1e-12);
        assertEquals(1.0, ts.doubles("Qc")[4], 1e-12);
        assertEquals(0.502, ts.doubles("Qd")[4], 1e-12);
        int last = ts.rowCount() - 1;
        assertEquals("c2", text(ts, "cell", last));
        assertEquals("2", text(ts, "cycle", last));
        assertEquals(202.0, ts.doubles("t")[last], 1e-12);
        assertEquals(36.0, ts.doubles("T")[last], 1e-12);
        assertEquals(List.of(), b.notes());
    }

    @Test
    void cyclesBeyondACellsLastAreNotedNotInvented() throws Exception {
        SeversonBatchReader.Batch b = read("severson-batch.mat", List.of(5));
        assertEquals(3 + 5, b.timeseries().rowCount(), "only c2 has a 5th cycle, of 8 samples");
        assertEquals(List.of("cell c0 has 4 cycles; cycle 5 is not there", "cell c1 has 3 cycles; cycle 5 is not there"),
                b.notes());
    }

    @Test
    void connectorNodeRunsThroughTheRegistryWithPrefixAndRanges() throws Exception {
        List<String> messages = new ArrayList<>();
        RunResult r = Workflows.nodes(List.of(new WorkflowNode("b", "org.nernst.data.seversonBatch", Map.of("file",
                Fixtures.mat("severson-batch.mat").toString(), "cycles", List.of("1-2", "4"), "cellPrefix", "b1"),
                Map.of())), messages);
        Table cells = r.value("b", "cells", Table.class);
        assertEquals("b1c2", text(cells, "cell", 2));
        assertEquals(12, r.value("b", "summary", Table.class).rowCount());
        // cycles 1, 2 (4 + 5 samples) in every cell, cycle 4 (7 samples) in c0 and c2
        assertEquals(3 * 9 + 2 * 7, r.value("b", "timeseries", Table.class).rowCount());
        assertTrue(messages.contains("WARNING b: cell b1c1 has 3 cycles; cycle 4 is not there"), messages.toString());
    }

    @Test
    void badCyclesParameterIsRejectedBeforeRunning() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeversonBatchReader.parsePositions(List.of("1", "x-3")));
        assertEquals("parameter 'cycles': 'x-3' is not a cycle number (1, 2, ...) or a range such as 100-105", e.getMessage());
        assertEquals(List.of(3, 4, 5, 9), SeversonBatchReader.parsePositions(List.of("3-5", " 9 ")));
    }

    /** The reader goes through the format-neutral view: the same layout saved as MATLAB 5 (by mfl-core) reads alike. */
    @Test
    void batchLayoutSavedAsMatlab5ReadsAlike(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("batch-v5.mat");
        try (MatFile mat = Mat5.newMatFile()) {
            Struct batch = Mat5.newStruct(1, 2);
            for (int i = 0; i < 2; i++) {
                Struct summary = Mat5.newStruct();
                for (String field : List.of("cycle", "QDischarge", "QCharge", "IR", "Tmax", "Tavg", "Tmin", "chargetime")) {
                    Matrix m = Mat5.newMatrix(3, 1);
                    for (int k = 0; k < 3; k++) {
                        m.setDouble(k, field.equals("cycle") ? k + 1 : 1.07 - 0.01 * k - 0.1 * i);
                    }
                    summary.set(field, m);
                }
                Struct cycles = Mat5.newStruct(1, 3);
                for (int k = 0; k < 3; k++) {
                    for (String field : List.of("t", "V", "I", "Qc", "Qd", "T")) {
                        Matrix m = Mat5.newMatrix(2, 1);
                        m.setDouble(0, field.equals("t") ? 0 : 3.3);
                        m.setDouble(1, field.equals("t") ? 0.5 : 3.2);
                        cycles.set(field, k, m);
                    }
                }
                batch.set("policy_readable", i, Mat5.newString("4C(80%)-4C")).set("cycle_life", i, Mat5.newScalar(500 + i))
                        .set("barcode", i, Mat5.newString("EL" + i)).set("channel_id", i, Mat5.newScalar(7 + i))
                        .set("summary", i, summary).set("cycles", i, cycles);
            }
            mat.addArray("batch", batch);
            Mat5.writeToFile(mat, f.toFile());
        }
        SeversonBatchReader.Batch b = reader.read(f, List.of(3), "", ProgressMonitor.none());
        assertEquals("EL1", text(b.cells(), "barcode", 1));
        assertEquals("8", text(b.cells(), "channel", 1), "a numeric channel reads as its number");
        assertArrayEquals(new double[] { 500, 501 }, b.cells().doubles("cycle_life"));
        assertEquals(6, b.summary().rowCount());
        assertEquals(0.95, b.summary().doubles("QDischarge")[5], 1e-12);
        assertEquals(4, b.timeseries().rowCount(), "cycle 3 of both cells, 2 samples each");
        assertEquals(0.5, b.timeseries().doubles("t")[3]);
    }

    // --- errors: every one a DataException naming the file, where, and what was expected --------

    private DataException failure(Path file, List<Integer> cycles) {
        return assertThrows(DataException.class, () -> reader.read(file, cycles, "", ProgressMonitor.none()));
    }

    private DataException failure(String fixture) {
        return failure(Fixtures.mat(fixture), List.of(1));
    }

    @Test
    void cycleVectorsOfDifferentLengthsAreAnError() {
        Path f = Fixtures.mat("cycle-length-mismatch.mat");
        assertEquals(f + ": batch(1).cycles(2).V: has 4 samples but t has 5",
                failure(f, List.of(1, 2)).getMessage());
    }

    @Test
    void missingBatchVariableListsTheVariablesFound() {
        Path f = Fixtures.mat("no-batch.mat");
        assertEquals(f + ": variable 'batch': not found; a Severson/Attia batch file holds a struct array named 'batch', "
                + "this file holds [data, meta]", failure("no-batch.mat").getMessage());
    }

    @Test
    void summaryOfTheWrongTypeIsNamedWithWhatWasExpected() {
        Path f = Fixtures.mat("summary-wrong-type.mat");
        // hdf5storage stores a Python str as a 4×1 char (MATLAB would write 1×4): the file's own shape is reported
        assertEquals(f + ": batch(2).summary: is a 4×1 char, a struct of per-cycle vectors was expected",
                failure("summary-wrong-type.mat").getMessage());
    }

    @Test
    void summaryVectorShorterThanTheCyclesIsAnError() {
        Path f = Fixtures.mat("summary-length-mismatch.mat");
        assertEquals(f + ": batch(1).summary.QDischarge: has 1 values but summary.cycle has 2; one value per cycle "
                + "was expected", failure("summary-length-mismatch.mat").getMessage());
    }

    @Test
    void referencePointingOutsideTheFileIsAnError() {
        Path f = Fixtures.mat("dangling-reference.mat");
        DataException e = failure("dangling-reference.mat");
        assertTrue(e.getMessage().startsWith(f + ": batch(2).summary: is an object reference to address 0x7fff0000, "
                + "which lies outside the file's "), e.getMessage());
        assertTrue(e.getMessage().endsWith("the reference points nowhere (corrupt or truncated file)"), e.getMessage());
    }

    @Test
    void referenceToBytesThatAreNoObjectIsAnError() {
        Path f = Fixtures.mat("reference-to-garbage.mat");
        DataException e = failure("reference-to-garbage.mat");
        assertTrue(e.getMessage().startsWith(f + ": batch(2).summary: is an object reference to address 0x28, where no "
                + "HDF5 object can be read (corrupt file)"), e.getMessage());
    }

    @Test
    void hugeDeclaredSizeInASmallFileIsRefusedWithoutAllocating() throws Exception {
        Path f = Fixtures.mat("huge-declared-size.mat");
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        DataException e = failure("huge-declared-size.mat");
        assertEquals(f + ": batch(1).summary.IR: declares 2147483648×4 values (68,719,476,736 bytes) in a file of "
                + String.format("%,d", Files.size(f)) + " bytes: the file is corrupt, or the array too large to read whole",
                e.getMessage());
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertTrue(after - before < 256L << 20, "no large allocation: " + (after - before) + " bytes more in use");
    }

    @Test
    void truncatedFileSaysSoWithBothSizes(@TempDir Path dir) throws Exception {
        byte[] all = Files.readAllBytes(Fixtures.mat("severson-batch.mat"));
        Path cut = dir.resolve("batch.mat");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        assertEquals(cut + ": HDF5 superblock: the file is truncated: it should be " + String.format("%,d", all.length)
                + " bytes long but has " + String.format("%,d", all.length / 2), failure(cut, List.of()).getMessage());
    }

    @Test
    void textFileNamedMatIsRefusedSayingWhatItStartsWith(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("batch.mat");
        Files.writeString(f, "cycle,QDischarge\n1,1.07\n", StandardCharsets.US_ASCII);
        assertEquals(f + ": header: not a MATLAB MAT-file: it starts 'cycle,QDischarge?1,1.07?' instead of "
                + "'MATLAB 5.0 MAT-file' or 'MATLAB 7.3 MAT-file'; supported are MATLAB 5 (v6/v7) and MATLAB 7.3 (HDF5) "
                + "MAT-files", failure(f, List.of()).getMessage());
    }

    @Test
    void plainHdf5WithoutTheMatlabHeaderIsNotTakenForMatlab73() {
        Path f = Fixtures.mat("plain-hdf5.mat");
        assertEquals(f + ": header: is a plain HDF5 file, not a MATLAB 7.3 MAT-file: it lacks the 512-byte MATLAB header "
                + "(files written by h5py or Octave's save -hdf5 look like this); supported are MATLAB 5 (v6/v7) and "
                + "MATLAB 7.3 (HDF5) MAT-files", failure("plain-hdf5.mat").getMessage());
    }

    @Test
    void missingFileIsAnInputDataErrorOfTheRun() {
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> Workflows.node(
                "org.nernst.data.seversonBatch", Map.of("file", "/nonexistent/2017-05-12_batchdata.mat")));
        DataException d = assertInstanceOf(DataException.class, e.getCause());
        assertEquals("/nonexistent/2017-05-12_batchdata.mat: file not found (parameter 'file' of node 'n')", d.getMessage());
    }
}

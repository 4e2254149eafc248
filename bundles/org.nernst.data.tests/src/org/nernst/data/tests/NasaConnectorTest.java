package org.nernst.data.tests;

import org.nernst.conformance.TestData;
import org.nernst.conformance.Workflows;
import org.nernst.core.workflow.PortRef;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.exec.NodeExecutionException;
import org.nernst.core.exec.RunResult;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Table;
import org.nernst.core.workflow.WorkflowNode;
import org.nernst.data.mat.NasaCellReader;

import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Struct;

class NasaConnectorTest {
    private final NasaCellReader reader = new NasaCellReader();

    private static long count(Table t, String col, String value) {
        long n = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            if (value.equals(t.column(col).format(r))) {
                n++;
            }
        }
        return n;
    }

    /** Cycle and discharge counts of every cell, as listed in nasa-pcoe/PROVENANCE.md. */
    @Test
    void cycleCountsMatchProvenance() throws Exception {
        Path dir = TestData.folder("nasa-pcoe");
        Map<String, int[]> expected = Map.ofEntries(Map.entry("B0025", new int[] { 80, 28 }),
                Map.entry("B0026", new int[] { 80, 28 }), Map.entry("B0027", new int[] { 80, 28 }),
                Map.entry("B0028", new int[] { 80, 28 }), Map.entry("B0029", new int[] { 97, 40 }),
                Map.entry("B0030", new int[] { 97, 40 }), Map.entry("B0031", new int[] { 97, 40 }),
                Map.entry("B0032", new int[] { 97, 40 }), Map.entry("B0038", new int[] { 122, 47 }),
                Map.entry("B0039", new int[] { 122, 47 }), Map.entry("B0040", new int[] { 122, 47 }),
                Map.entry("B0041", new int[] { 163, 67 }), Map.entry("B0053", new int[] { 137, 56 }));
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            Table cycles = reader.read(dir.resolve(e.getKey() + ".mat"), Set.of(), ProgressMonitor.none()).cycles();
            assertEquals(e.getValue()[0], cycles.rowCount(), e.getKey() + " cycles");
            assertEquals(e.getValue()[1], count(cycles, "type", "discharge"), e.getKey() + " discharges");
        }
    }

    @Test
    void b0025CapacityFadesFrom1847To1768() throws Exception {
        NasaCellReader.Cell cell = reader.read(TestData.folder("nasa-pcoe").resolve("B0025.mat"), Set.of("discharge"),
                ProgressMonitor.none());
        Table d = cell.cycles().filter(r -> cell.cycles().column("type").format(r).equals("discharge"));
        double[] cap = d.doubles("capacity");
        assertEquals(1.847, cap[0], 0.0005);
        assertEquals(1.768, cap[cap.length - 1], 0.0005);
        assertEquals(24.0, d.doubles("ambient_temperature")[0]);
        assertEquals("Ah", d.column("capacity").unit());
        // every discharge's samples are in the time series, with time starting at 0 s
        long samples = (long) java.util.Arrays.stream(d.doubles("samples")).sum();
        assertEquals(samples, cell.timeseries().rowCount());
        assertEquals(0.0, cell.timeseries().doubles("time")[0], 1e-9);
        assertTrue(cell.timeseries().doubles("voltage")[0] > 3.5);
    }

    @Test
    void connectorNodeStacksCellsThroughTheRegistry() throws Exception {
        RunResult r = Workflows.node("org.nernst.data.nasaPcoe", Map.of("folder", TestData.folder("nasa-pcoe").toString(),
                "cells", List.of("B0025", "B0029"), "series", List.of("discharge", "charge")));
        Table cycles = r.value("n", "cycles", Table.class);
        assertEquals(80 + 97, cycles.rowCount());
        Table ts = r.value("n", "timeseries", Table.class);
        assertTrue(count(ts, "type", "charge") > 0 && count(ts, "type", "discharge") > 0);
        assertEquals(Set.of("B0025", "B0029"), Set.copyOf(java.util.stream.IntStream.range(0, ts.rowCount())
                .mapToObj(i -> ts.column("cell").format(i)).toList()));
    }

    @Test
    void featurizerExcludesInvalidCyclesAndCountsThem() throws Exception {
        List<String> messages = new ArrayList<>();
        String folder = TestData.folder("nasa-pcoe").toString();
        RunResult r = Workflows.nodes(List.of(
                new WorkflowNode("cells", "org.nernst.data.nasaPcoe", Map.of("folder", folder, "cells",
                        List.of("B0041", "B0053")), Map.of()),
                new WorkflowNode("f", "org.nernst.features.dischargeCycles", Map.of(), Map.of("cycles",
                        PortRef.parse("cells.cycles"), "timeseries", PortRef.parse("cells.timeseries")))), messages);
        Table features = r.value("f", "features", Table.class);
        Table excluded = r.value("f", "excluded", Table.class);
        assertEquals(67 + 56, features.rowCount() + excluded.rowCount(), "every discharge is kept or excluded");
        assertTrue(excluded.rowCount() > 0);
        // B0041's first capacity (0.056 Ah) and B0053's final 0 Ah are invalid
        List<String> reasons = java.util.stream.IntStream.range(0, excluded.rowCount())
                .mapToObj(i -> excluded.column("cell").format(i) + " " + excluded.column("reason").format(i)).toList();
        assertTrue(reasons.stream().anyMatch(s -> s.startsWith("B0041 capacity 0.056")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(s -> s.startsWith("B0053") && s.contains("below minCapacity")), reasons.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("WARNING f: excluded " + excluded.rowCount() + " of 123")),
                messages.toString());
        for (double c : features.doubles("capacity")) {
            assertTrue(c >= 0.1, "an invalid capacity slipped through: " + c);
        }
    }

    @Test
    void sohStartsAtOneForEveryCell() throws Exception {
        RunResult r = Workflows.nodes(List.of(
                new WorkflowNode("cells", "org.nernst.data.nasaPcoe", Map.of("folder",
                        TestData.folder("nasa-pcoe").toString(), "cells", List.of("B0025", "B0030")), Map.of()),
                new WorkflowNode("f", "org.nernst.features.dischargeCycles", Map.of(), Map.of("cycles",
                        PortRef.parse("cells.cycles"), "timeseries", PortRef.parse("cells.timeseries")))), new ArrayList<>());
        Table f = r.value("f", "features", Table.class);
        double[] soh = f.doubles("soh");
        assertEquals(1.0, soh[0], 1e-12);
        int firstOfSecondCell = 0;
        while (f.column("cell").format(firstOfSecondCell).equals("B0025")) {
            firstOfSecondCell++;
        }
        assertEquals(1.0, soh[firstOfSecondCell], 1e-12);
        for (double t : f.doubles("time_to_threshold")) {
            assertTrue(t > 100 && t < 10_000, "time to 3 V out of range: " + t);
        }
    }

    @Test
    void truncatedFileIsADataErrorNamingTheFile(@TempDir Path dir) throws Exception {
        byte[] all = Files.readAllBytes(TestData.folder("nasa-pcoe").resolve("B0025.mat"));
        Path cut = dir.resolve("B0025.mat");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 3));
        DataException e = assertThrows(DataException.class, () -> reader.read(cut, Set.of(), ProgressMonitor.none()));
        assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
    }

    @Test
    void wrongVariableNamesWhatTheFileHolds(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("B0099.mat");
        try (MatFile mat = Mat5.newMatFile()) {
            Struct s = Mat5.newStruct();
            s.set("cycle", Mat5.newScalar(1));
            mat.addArray("battery", s);
            Mat5.writeToFile(mat, f.toFile());
        }
        DataException e = assertThrows(DataException.class, () -> reader.read(f, Set.of(), ProgressMonitor.none()));
        assertEquals(f + ": variable 'B0099': not found; a NASA PCoE cell file holds a struct named as the file, "
                + "this file holds [battery]", e.getMessage());
    }

    @Test
    void cycleWithoutDataFieldIsNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("B0098.mat");
        try (MatFile mat = Mat5.newMatFile()) {
            Struct cycle = Mat5.newStruct(1, 2);
            cycle.set("type", 0, Mat5.newString("charge"));
            cycle.set("type", 1, Mat5.newString("discharge"));
            Struct top = Mat5.newStruct();
            top.set("cycle", cycle);
            mat.addArray("B0098", top);
            Mat5.writeToFile(mat, f.toFile());
        }
        DataException e = assertThrows(DataException.class, () -> reader.read(f, Set.of(), ProgressMonitor.none()));
        assertEquals(f + ": B0098.cycle(1): has no field 'data'", e.getMessage());
    }

    @Test
    void matlab73HeaderWithoutHdf5DataIsRefusedAsTruncated(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("B0097.mat");
        byte[] head = new byte[512];
        byte[] text = "MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Thu Nov 26 10:00:00 2026 HDF5 schema 1.00 ."
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.util.Arrays.fill(head, (byte) ' ');
        System.arraycopy(text, 0, head, 0, text.length);
        Files.write(f, head);
        DataException e = assertThrows(DataException.class, () -> reader.read(f, Set.of(), ProgressMonitor.none()));
        assertEquals(f + ": header: says MATLAB 7.3 (HDF5) but there is no HDF5 signature at byte 512 (512 bytes read): "
                + "the file is truncated or corrupt", e.getMessage());
    }

    /**
     * The NASA layout saved as MATLAB 7.3 by hdf5storage (a real tool; fixtures/mat/generate_fixtures.py):
     * the struct array of cycles becomes object references into #refs#, and reads as the v5 files do.
     */
    @Test
    void nasaCellSavedAsMatlab73ReadsLikeTheVersion5Files() throws Exception {
        NasaCellReader.Cell cell = reader.read(Fixtures.mat("nasa73/B0090.mat"), Set.of("charge", "discharge"),
                ProgressMonitor.none());
        Table c = cell.cycles();
        assertEquals(3, c.rowCount());
        assertEquals(List.of("charge", "discharge", "impedance"), List.of(c.column("type").format(0),
                c.column("type").format(1), c.column("type").format(2)));
        assertArrayEquals(new double[] { 24, 24, 24 }, c.doubles("ambient_temperature"));
        assertEquals("2008-04-02T13:08:17.921", c.column("start").format(0));
        assertArrayEquals(new double[] { 4, 3, 0 }, c.doubles("samples"));
        assertArrayEquals(new double[] { Double.NaN, 1.8565, Double.NaN }, c.doubles("capacity"));
        assertEquals(0.0561, c.doubles("Re")[2]);
        assertEquals(0.2009, c.doubles("Rct")[2]);
        Table ts = cell.timeseries();
        assertEquals(4 + 3, ts.rowCount());
        assertEquals(4.19, ts.doubles("voltage")[0]);
        assertEquals(30.5, ts.doubles("time")[3]);
        assertEquals(200.0, ts.doubles("time")[6]);
        assertEquals(28.0, ts.doubles("temperature")[6]);
        assertEquals("discharge", ts.column("type").format(6));
    }

    @Test
    void connectorNodeReadsAMatlab73CellFromItsFolder() throws Exception {
        Path folder = Fixtures.mat("nasa73/B0090.mat").getParent();
        RunResult r = Workflows.node("org.nernst.data.nasaPcoe", Map.of("folder", folder.toString(), "cells", List.of("B0090")));
        assertEquals(3, r.value("n", "cycles", Table.class).rowCount());
        assertEquals(3, r.value("n", "timeseries", Table.class).rowCount(), "the discharge's 3 samples");
    }

    @Test
    void missingCellIsAnInputDataErrorOfTheRun() throws Exception {
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> Workflows.node("org.nernst.data.nasaPcoe",
                Map.of("folder", TestData.folder("nasa-pcoe").toString(), "cells", List.of("B9999"))));
        DataException d = assertInstanceOf(DataException.class, e.getCause());
        assertTrue(d.getMessage().contains("B9999.mat: file not found (cell 'B9999' of parameter 'cells')"), d.getMessage());
    }
}

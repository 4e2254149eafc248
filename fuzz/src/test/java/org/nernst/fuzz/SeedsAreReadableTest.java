package org.nernst.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Table;
import org.nernst.data.csv.CsvReader;
import org.nernst.data.mat.NasaCellReader;

/** The valid seeds really are valid, so the fuzzer starts from inputs that reach deep into each reader. */
class SeedsAreReadableTest {
    private static Path input(Class<?> fuzzTest, String name) throws Exception {
        return Path.of(fuzzTest.getResource(fuzzTest.getSimpleName() + "Inputs/fuzz/" + name).toURI());
    }

    @Test
    void nasaSeedsReadAsThreeCyclesWithFourSamplesPerChargeAndDischarge() throws Exception {
        for (String seed : new String[] { "nasa-tiny-uncompressed.mat", "nasa-tiny-compressed.mat" }) {
            Path copy = java.nio.file.Files.createTempDirectory("seed").resolve("B0005.mat");
            java.nio.file.Files.copy(input(NasaCellReaderFuzzTest.class, seed), copy);
            NasaCellReader.Cell cell = new NasaCellReader().read(copy, Set.of("charge", "discharge"), ProgressMonitor.none());
            assertEquals(3, cell.cycles().rowCount(), seed);
            assertEquals(8, cell.timeseries().rowCount(), seed);
            assertEquals(1.856, cell.cycles().doubles("capacity")[1], 1e-12, seed);
        }
    }

    @Test
    void batteryArchiveLikeSeedReadsThreeRowsOfElevenColumns() throws Exception {
        Table t = new CsvReader((char) 0, Set.of(), w -> { })
                .read(input(CsvReaderFuzzTest.class, "batteryarchive-like.csv"), ProgressMonitor.none());
        assertEquals(3, t.rowCount());
        assertEquals(11, t.columnCount());
        assertEquals(-4.4, t.doubles("Current (A)")[2], 1e-12);
    }
}

package org.nernst.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.data.mat.NasaCellReader;

/**
 * Fields of the wrong MATLAB type used to escape as ClassCastException from the typed look-ups of
 * the MAT File Library; now they are data errors naming the variable path. Inputs made for the
 * purpose (they are also replayed by {@link NasaCellReaderFuzzTest}).
 */
class NasaCellReaderFindingsTest {

    private static DataException read(String input) throws Exception {
        Path file = Files.createTempDirectory("finding").resolve("B0005.mat");
        Files.copy(Path.of(NasaCellReaderFuzzTest.class.getResource("NasaCellReaderFuzzTestInputs/fuzz/" + input).toURI()), file);
        return assertThrows(DataException.class,
                () -> new NasaCellReader().read(file, Set.of("charge", "discharge"), ProgressMonitor.none()));
    }

    @Test
    void cycleDataThatIsAMatrixIsADataErrorAtThatField() throws Exception {
        DataException e = read("cycle-data-is-a-matrix.mat");
        assertEquals("B0005.cycle(1).data", e.location());
        assertTrue(e.getMessage().contains("a struct of measurements was expected"), e.getMessage());
    }

    @Test
    void timeSeriesThatIsAStructIsADataErrorAtThatField() throws Exception {
        DataException e = read("data-time-is-a-struct.mat");
        assertEquals("B0005.cycle(1).data.Time", e.location());
        assertTrue(e.getMessage().contains("a numeric vector was expected"), e.getMessage());
    }
}

package org.nernst.estimation.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import org.nernst.conformance.TestData;

/**
 * Capacity per discharge cycle of NASA cells B0005/6/7/18 from {@code nasa-pcoe/per-cycle} (their
 * .mat files are not in the shared subset; PROVENANCE.md says the per-cycle tables derive from them).
 */
final class NasaCapacity {
    private NasaCapacity() {
    }

    static double[] of(String cell) throws IOException {
        List<String> lines = Files.readAllLines(TestData.folder("nasa-pcoe").resolve("per-cycle")
                .resolve(cell + "_per_cycle.csv"));
        int col = Arrays.asList(lines.get(0).split(",", -1)).indexOf("capacity");
        if (col < 0) {
            fail(cell + "_per_cycle.csv has no capacity column: " + lines.get(0));
        }
        double[] c = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            c[i - 1] = Double.parseDouble(lines.get(i).split(",", -1)[col]);
        }
        return c;
    }
}

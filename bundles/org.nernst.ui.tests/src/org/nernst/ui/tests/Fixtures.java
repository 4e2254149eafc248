package org.nernst.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the example workflow and the real data; both fail loudly when missing. */
final class Fixtures {
    private Fixtures() {
    }

    static Path example() {
        Path p = Path.of(System.getProperty("nernst.examples", "../../examples"), "workflows", "nasa-soh.workflow.json");
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("EXAMPLE MISSING: " + p.toAbsolutePath() + " (set -Dnernst.examples)");
        }
        return p;
    }

    static Path nasaData() {
        String data = System.getProperty("nernst.data");
        Path p = data == null ? null : Path.of(data, "nasa-pcoe");
        if (p == null || !Files.isDirectory(p)) {
            throw new AssertionError("REAL DATA MISSING: " + p + " does not exist (set -Dnernst.data)");
        }
        return p;
    }
}

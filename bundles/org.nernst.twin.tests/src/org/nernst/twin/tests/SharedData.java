package org.nernst.twin.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public datasets, read in place from the folder named by system property {@code nernst.data}
 * (the build sets it to {@code ../shared/data} beside the repository). A missing folder fails the
 * real-data tests with a message that says which folder was looked for: never a silent skip.
 */
final class SharedData {
    private SharedData() {
    }

    static Path folder(String sub) {
        Path root = Path.of(System.getProperty("nernst.data", "../../../shared/data"));
        Path p = root.resolve(sub);
        if (!Files.isDirectory(p)) {
            fail("REAL DATA MISSING: " + p.toAbsolutePath().normalize() + " does not exist. These tests read the public "
                    + "datasets in place; set -Dnernst.data=<folder holding nasa-pcoe/ ...> or place shared/ beside the repository.");
        }
        return p;
    }
}

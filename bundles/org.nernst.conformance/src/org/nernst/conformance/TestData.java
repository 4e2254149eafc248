package org.nernst.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public datasets tests read in place, from the folder named by the system property
 * {@code nernst.data} (the Nernst build sets it to {@code ../shared/data} beside the repository; a
 * plugin's build may point it anywhere). A missing folder fails the test with the folder looked
 * for — never a silent skip — so a report without the data says so loudly.
 *
 * @since 0.2
 */
public final class TestData {
    private TestData() {
    }

    /** The data root: {@code -Dnernst.data}, else {@code ../../../shared/data} from a test bundle. */
    public static Path root() {
        return Path.of(System.getProperty("nernst.data", "../../../shared/data"));
    }

    /** {@code sub} below the data root; fails the calling test when it is not a folder. */
    public static Path folder(String sub) {
        Path p = root().resolve(sub);
        if (!Files.isDirectory(p)) {
            throw new AssertionError("REAL DATA MISSING: " + p.toAbsolutePath().normalize() + " does not exist. These "
                    + "tests read the public datasets in place; set -Dnernst.data=<folder holding nasa-pcoe/ ...> or "
                    + "place shared/ beside the repository.");
        }
        return p;
    }
}

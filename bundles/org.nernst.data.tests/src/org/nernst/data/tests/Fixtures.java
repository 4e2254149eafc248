package org.nernst.data.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The small MAT-files committed under {@code fixtures/mat} of this bundle, copied out of the
 * bundle (a folder or a jar, whichever the runtime has) to a temporary file so readers get a path.
 * {@code fixtures/mat/generate_fixtures.py} wrote them with hdf5storage and h5py; see there.
 */
final class Fixtures {
    private static Path dir;

    private Fixtures() {
    }

    static synchronized Path mat(String name) {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("nernst-mat-fixtures");
            }
            Path out = dir.resolve(name);
            if (!Files.exists(out)) {
                Bundle b = FrameworkUtil.getBundle(Fixtures.class);
                URL url = b.getEntry("fixtures/mat/" + name);
                if (url == null) {
                    fail("FIXTURE MISSING: fixtures/mat/" + name + " is not in bundle " + b.getSymbolicName()
                            + " (run fixtures/mat/generate_fixtures.py and list fixtures/ in build.properties)");
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = url.openStream()) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

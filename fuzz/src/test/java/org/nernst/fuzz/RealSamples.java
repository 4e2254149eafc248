package org.nernst.fuzz;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Real files of the shared data folder (system property {@code nernst.data}), read in place and cut
 * into prefixes: whole files show the readers accept real data, prefixes are the truncated files a
 * scientist meets after an interrupted copy. Nothing here is committed to the repository.
 */
final class RealSamples {
    private RealSamples() {
    }

    static Path dataFolder() {
        Path root = Path.of(System.getProperty("nernst.data", "../../shared/data"));
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("REAL DATA MISSING: " + root.toAbsolutePath().normalize() + " does not exist; "
                    + "set -Dnernst.data=<folder holding cycler-samples/, nasa-pcoe/ ...> or place shared/ beside the repository");
        }
        return root;
    }

    /** The files matching the target's globs, sorted; an empty result is an error (a moved folder). */
    static List<Path> files(FuzzTargets target) throws IOException {
        Path root = dataFolder();
        TreeSet<Path> out = new TreeSet<>();
        for (String glob : target.samples()) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(Files::isRegularFile).filter(p -> m.matches(root.relativize(p))).forEach(out::add);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no real sample of " + target + " under " + root + " matches " + target.samples());
        }
        return new ArrayList<>(out);
    }

    /** Prefix lengths worth trying on a file of {@code size} bytes: around headers, and half, and all. */
    static int[] cuts(int size) {
        return Arrays.stream(new int[] { 1, 16, 127, 128, 129, 136, 1024, 4096, size / 2, size - 1, size })
                .filter(n -> n > 0 && n <= size).distinct().sorted().toArray();
    }

    static byte[] prefix(byte[] all, int n) {
        return Arrays.copyOf(all, n);
    }
}

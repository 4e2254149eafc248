package org.nernst.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes small prefixes of a target's real samples into a folder, as extra seeds for
 * scripts/fuzz.sh (the committed seeds are inputs made for the purpose; real data is read in place
 * and never committed). Usage: {@code SeedCorpus TARGET FOLDER}.
 */
public final class SeedCorpus {
    /** Seeds stay small: libFuzzer mutates small inputs far faster. */
    private static final int MAX_SEED = 8192;

    private SeedCorpus() {
    }

    public static void main(String[] args) throws Exception {
        FuzzTargets target = FuzzTargets.valueOf(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        int written = 0;
        for (Path file : RealSamples.files(target)) {
            byte[] all = Files.readAllBytes(file);
            int n = Math.min(all.length, MAX_SEED);
            Files.write(out.resolve("real-" + file.getFileName() + "-" + n), RealSamples.prefix(all, n));
            written++;
        }
        System.out.println("SeedCorpus: " + written + " real-sample seeds for " + target + " in " + out);
    }
}

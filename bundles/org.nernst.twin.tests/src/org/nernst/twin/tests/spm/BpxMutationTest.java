package org.nernst.twin.tests.spm;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.node.DataException;
import org.nernst.twin.spm.BpxReader;

/**
 * The reader's contract on damaged files: whatever the bytes, a parameter set or a
 * {@link DataException} naming the file, never another exception, never a hang. Seeded random
 * mutations (byte flips, deletions, insertions of JSON punctuation, truncations) of the Chen file.
 */
class BpxMutationTest {
    private static final byte[] TOKENS = "{}[]\",:-+eE.0123456789x*()/ \\truefalsenull".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void damagedChenFilesAreReadOrRefusedWithADataException() throws Exception {
        byte[] original = BpxReaderTest.chenJson().getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("mutant.json");
        int[] counts = new int[2];
        // a hang fails here (1500 small files take a few seconds on a loaded build machine)
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            SplittableRandom random = new SplittableRandom(20260526L);
            for (int i = 0; i < 1500; i++) {
                Files.write(file, mutate(original, random));
                try {
                    BpxReader.read(file);
                    counts[0]++;
                } catch (DataException e) {
                    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
                    counts[1]++;
                }
            }
        });
        assertTrue(counts[1] > 500 && counts[0] > 50, counts[1] + " refused, " + counts[0] + " read");
    }

    private static byte[] mutate(byte[] in, SplittableRandom r) {
        byte[] b = in.clone();
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && b.length > 1; e++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(4)) {
                case 0 -> b[at] = TOKENS[r.nextInt(TOKENS.length)];
                case 1 -> b = splice(b, at, 1 + r.nextInt(8), new byte[0]);
                case 2 -> b = splice(b, at, 0, new byte[] {TOKENS[r.nextInt(TOKENS.length)]});
                default -> b = java.util.Arrays.copyOf(b, Math.max(1, at));
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        int end = Math.min(b.length, at + remove);
        byte[] out = new byte[b.length - (end - at) + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, end, out, at + insert.length, b.length - end);
        return out;
    }
}

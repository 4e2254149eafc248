package org.nernst.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Regression inputs made at run time from the real samples: every fuzzed reader on each real file
 * in its format and on prefixes of it, under the same contract as the fuzzer (a table or a
 * DataException naming the file).
 */
class RealSampleSlicesTest {

    @TestFactory
    Stream<DynamicTest> everyReaderOnRealFilesAndTheirPrefixes() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (FuzzTargets target : FuzzTargets.values()) {
            for (Path file : RealSamples.files(target)) {
                byte[] all = Files.readAllBytes(file);
                int[] cuts = RealSamples.cuts(all.length);
                tests.add(DynamicTest.dynamicTest(target + " on " + file.getFileName() + " cut at " + cuts.length + " lengths",
                        () -> assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                            // a hang fails here: JUnit's default timeout covers the factory, not its dynamic tests
                            for (int n : cuts) {
                                try {
                                    target.check(RealSamples.prefix(all, n));
                                } catch (Throwable t) {
                                    throw new AssertionError(target + ": the first " + n + " of " + all.length + " bytes of "
                                            + file + " gave " + t, t);
                                }
                            }
                        })));
            }
        }
        return tests.stream();
    }
}

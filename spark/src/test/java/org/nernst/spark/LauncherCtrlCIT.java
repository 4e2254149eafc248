package org.nernst.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code nernst-spark run --master local[2]}: SIGINT to the launcher's JVM while the
 * screening job runs cancels the job (its two tasks are killed), exits 6 within seconds and writes
 * nothing: the output folder, which does not exist yet, is still missing afterwards.
 */
class LauncherCtrlCIT {

    @Test
    void ctrlCDuringASparkJobExitsSixAndWritesNothing(@TempDir Path dir) throws Exception {
        Path wf = ScreeningWorkflow.write(dir, 6, 300);
        Path out = dir.resolve("out");
        Map<String, String> before = Launcher.folderState(dir);
        Launcher run = Launcher.start(dir.resolve("logs"), null, "run", wf.toString(), "--master", "local[2]", "--out",
                out.toString());
        // the driver reports the first task of a stage when Spark runs it: the prediction job is under way
        run.awaitWhileRunning("prediction on Spark", 120, () -> {
            String err = run.err();
            int predicting = err.indexOf("Predicting 18672 candidates");
            return predicting >= 0 && err.indexOf("nernst-spark: Spark stage ", predicting) >= 0;
        });
        long t0 = System.nanoTime();
        run.interrupt();
        int code = run.waitFor(30);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("Ctrl-C on local[2]: nernst-spark exited %d %.1f s after SIGINT%n", code, seconds);
        assertEquals(6, code, run.err());
        assertTrue(seconds < 10, seconds + " s from SIGINT to exit");
        assertTrue(run.err().contains("nernst-spark: interrupted, cancelling 1 running Spark job(s) ..."), run.err());
        assertTrue(Pattern.compile("nernst-spark: cancelled; no output written \\([12] running Spark task\\(s\\) killed\\)")
                .matcher(run.err()).find(), run.err());
        assertFalse(Files.exists(out), "no output folder");
        Map<String, String> after = Launcher.folderState(dir);
        after.keySet().removeIf(k -> k.startsWith("logs"));
        before.keySet().removeIf(k -> k.startsWith("logs"));
        assertEquals(before, after);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().contains("partial")).toList());
        }
    }
}

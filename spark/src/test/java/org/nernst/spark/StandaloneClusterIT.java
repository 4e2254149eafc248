package org.nernst.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/nernst-spark run --master spark://...} against a real standalone cluster (a Master and
 * a Worker in their own JVMs, see {@link StandaloneCluster}), with the jars shipped the way
 * docs/spark.md says ({@code JAVA_OPTS=-Dspark.jars=$(cat spark/target/submit.classpath),<nernst-spark jar>}):
 * the screening tasks run in the Worker's executor JVM and the tables written are those of the
 * in-process run, byte for byte; Ctrl-C cancels the job on the executor, exits 6 and leaves the output
 * folder as it was.
 */
class StandaloneClusterIT {
    private static final Pattern SUCCEEDED = Pattern.compile("nernst-spark: (\\d+) Spark task\\(s\\) succeeded(.*)");

    @TempDir
    static Path dir;
    private static StandaloneCluster cluster;
    private static String shipJars;

    @BeforeAll
    static void startCluster() throws Exception {
        long t0 = System.nanoTime();
        cluster = StandaloneCluster.start(dir.resolve("spark-home"));
        System.out.printf("standalone cluster (master + worker) up in %.1f s at %s%n", (System.nanoTime() - t0) / 1e9,
                cluster.url());
        // what docs/spark.md tells a user to pass
        Path target = Launcher.module().resolve("target");
        shipJars = "-Dspark.jars=" + Files.readString(target.resolve("submit.classpath")).trim() + ","
                + target.resolve("nernst-spark-0.1.0-SNAPSHOT.jar");
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void screeningRunsInTheWorkersExecutorAndWritesWhatTheInProcessRunWrites() throws Exception {
        Path wf = ScreeningWorkflow.write(dir.resolve("screen"), 6, 50);
        Path local = dir.resolve("screen/out-in-process");
        Path onCluster = dir.resolve("screen/out-cluster");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int inProcess = SparkRun.execute(new String[] {"run", wf.toString(), "--in-process", "--out", local.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), true);
        assertEquals(0, inProcess, err.toString(StandardCharsets.UTF_8));

        List<Path> before = cluster.executorLogs();
        long t0 = System.nanoTime();
        Launcher run = Launcher.start(dir.resolve("screen/logs"), shipJars, "run", wf.toString(), "--master",
                cluster.url(), "--partitions", "2", "--out", onCluster.toString());
        int code = run.waitFor(150);
        System.out.printf("screening on the standalone cluster: nernst-spark ran %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals(0, code, run.err() + "\nworker log:\n" + cluster.log("worker"));
        assertTrue(run.err().contains("on spark " + cluster.url() + ", 2 partitions"), run.err());
        assertTrue(run.out().contains("screen.ranked: 18672 rows"), run.out());

        // the driver's listener saw every successful task on executor 0 of the Worker, none on the driver
        Matcher m = SUCCEEDED.matcher(run.err());
        assertTrue(m.find(), run.err());
        int tasks = Integer.parseInt(m.group(1));
        assertTrue(tasks >= 2, m.group());
        assertEquals(": " + tasks + " on executor 0 (127.0.0.1)", m.group(2), m.group());
        // and the executor JVM the Worker launched logged running them
        List<Path> logs = new ArrayList<>(cluster.executorLogs());
        logs.removeAll(before);
        assertEquals(1, logs.size(), "one new executor: " + logs);
        String executor = Files.readString(logs.get(0));
        assertTrue(executor.contains("Finished task 0.0 in stage 0.0"), executor);
        assertTrue(executor.contains("Finished task 1.0 in stage 0.0"), executor);

        List<Path> tables = files(local);
        assertTrue(tables.contains(Path.of("screen.ranked.csv")), tables.toString());
        assertEquals(tables, files(onCluster));
        for (Path t : tables) {
            if (t.toString().endsWith(".csv")) {
                assertEquals(Files.readString(local.resolve(t)), Files.readString(onCluster.resolve(t)), t.toString());
            }
        }
    }

    @Test
    void ctrlCCancelsTheJobOnTheExecutorExitsSixAndLeavesTheOutputFolderAlone() throws Exception {
        Path small = ScreeningWorkflow.write(dir.resolve("earlier"), 1, 5);
        Path out = dir.resolve("ctrl-c/out");
        // an earlier result in the output folder
        int earlier = SparkRun.execute(new String[] {"run", small.toString(), "--in-process", "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), true);
        assertEquals(0, earlier);
        Map<String, String> state = Launcher.folderState(out);
        assertTrue(state.containsKey("screen.ranked.csv"), state.toString());

        // 300 trees: the executor's single core predicts for tens of seconds
        Path wf = ScreeningWorkflow.write(dir.resolve("ctrl-c"), 6, 300);
        List<Path> before = cluster.executorLogs();
        Launcher run = Launcher.start(dir.resolve("ctrl-c/logs"), shipJars, "run", wf.toString(), "--master",
                cluster.url(), "--partitions", "2", "--out", out.toString());
        String[] executor = {""};
        run.awaitWhileRunning("task running on the executor", 120, () -> {
            try {
                List<Path> logs = new ArrayList<>(cluster.executorLogs());
                logs.removeAll(before);
                executor[0] = logs.isEmpty() ? "" : Files.readString(logs.get(0));
                return executor[0].contains("Running task 0.0 in stage 0.0");
            } catch (IOException e) {
                return false;
            }
        });
        Thread.sleep(500);
        long t0 = System.nanoTime();
        run.interrupt();
        int code = run.waitFor(30);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("Ctrl-C on the standalone cluster: nernst-spark exited %d %.1f s after SIGINT%n", code, seconds);
        assertEquals(6, code, run.err());
        assertTrue(seconds < 10, seconds + " s from SIGINT to exit");
        assertTrue(run.err().contains("nernst-spark: interrupted, cancelling 1 running Spark job(s) ..."), run.err());
        assertTrue(Pattern.compile("nernst-spark: cancelled; no output written \\([1-9]\\d* running Spark task\\(s\\) killed\\)")
                .matcher(run.err()).find(), run.err());
        assertFalse(run.out().contains("wrote"), run.out());
        List<Path> logs = new ArrayList<>(cluster.executorLogs());
        logs.removeAll(before);
        String log = Files.readString(logs.get(0));
        // "Executor killed task" if the kill finds the task predicting; "Executor interrupted and killed task" if it
        // finds it still reading the broadcast model (the interrupt then surfaces inside Spark's block manager)
        assertTrue(Pattern.compile("Executor (interrupted and )?killed task 0\\.0 in stage 0\\.0").matcher(log).find(), log);

        assertEquals(state, Launcher.folderState(out));
        try (Stream<Path> s = Files.list(out.getParent())) {
            List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> n.contains("partial")).toList();
            assertEquals(List.of(), left, "no partial output folder");
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}

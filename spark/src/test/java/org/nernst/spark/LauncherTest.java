package org.nernst.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nernst-spark run} on the example workflow of the digital twin (an equivalent circuit
 * identified from the Panasonic HPPC test, an EKF along US06, a synthesized population of cells with
 * faults): every table it writes equals the in-process run's.
 */
class LauncherTest {
    private static final Path EXAMPLE = Path.of(System.getProperty("nernst.examples", "../examples/workflows"))
            .resolve("panasonic-twin.workflow.json");

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome launch(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LocalSpark.context(); // the launcher joins the tests' local[2] session (getOrCreate)
        int code = SparkRun.execute(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> args(Path out, String... extra) {
        String folder = LocalSpark.data("panasonic-18650pf/25degC").toString();
        List<String> a = new ArrayList<>(List.of("run", EXAMPLE.toString(), "--out", out.toString(),
                "--set", "hppc.folder=" + folder, "--set", "c20.folder=" + folder, "--set", "us06.folder=" + folder,
                "--set", "population.cells=16"));
        a.addAll(List.of(extra));
        return a;
    }

    @Test
    void theTwinExampleRunsOnSparkAndWritesTheSameTablesAsInProcess(@TempDir Path dir) throws Exception {
        Outcome spark = launch(args(dir.resolve("spark"), "--master", "local[2]", "--partitions", "4"));
        assertEquals(0, spark.code(), spark.err());
        assertTrue(spark.err().contains("on spark local[2], 4 partitions"), spark.err());
        // in local mode the tasks run in the driver's JVM, on the executor Spark calls "driver"
        assertTrue(java.util.regex.Pattern.compile("nernst-spark: (\\d+) Spark task\\(s\\) succeeded: \\1 on executor driver \\(")
                .matcher(spark.err()).find(), spark.err());
        assertTrue(spark.out().contains("population.cells: 16 rows"), spark.out());
        Outcome local = launch(args(dir.resolve("local"), "--in-process"));
        assertEquals(0, local.code(), local.err());
        List<Path> tables = csvFiles(dir.resolve("local"));
        assertTrue(tables.stream().anyMatch(p -> p.toString().contains("population")), tables.toString());
        assertEquals(tables, csvFiles(dir.resolve("spark")));
        for (Path t : tables) {
            assertEquals(Files.readString(dir.resolve("local").resolve(t)), Files.readString(dir.resolve("spark").resolve(t)),
                    t.toString());
        }
    }

    @Test
    void aMissingWorkflowFileIsAnInvalidWorkflow(@TempDir Path dir) {
        Outcome o = launch(List.of("run", dir.resolve("nope.workflow.json").toString(), "--master", "local[2]"));
        assertEquals(3, o.code(), o.err());
        assertTrue(o.err().contains("file not found"), o.err());
    }

    @Test
    void aBadPartitionCountIsABadCommandLine() {
        Outcome o = launch(List.of("run", EXAMPLE.toString(), "--partitions", "zero"));
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--partitions needs a positive whole number"), o.err());
    }

    private static List<Path> csvFiles(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".csv")).map(root::relativize).sorted().toList();
        }
    }
}

package org.nernst.spark.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.nernst.core.exec.CancelToken;
import org.nernst.core.exec.DataParallel;
import org.nernst.core.exec.ExecutionListener;
import org.nernst.core.exec.RunResult;
import org.nernst.core.exec.SerializableFunction;
import org.nernst.core.exec.WorkflowExecutor;
import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.Prediction;
import org.nernst.core.ml.TrainedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Table;
import org.nernst.core.workflow.PortRef;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowNode;
import org.nernst.spark.PluginXmlNodeRegistry;
import org.nernst.spark.SparkDataParallel;

/**
 * Benchmark (not a test), docs/spark.md: in-process threads against Spark on the same machine.
 * <ol>
 * <li>Screening: a random forest fitted on the Materials Project electrodes predicts N candidates
 * (the real entries resampled with 5 % jitter on every feature) in the screening node's chunks of
 * 16 384 rows, through {@link DataParallel#map}: predictions per second.</li>
 * <li>Synthesis: the synthesis node builds a population of C cells (an ECM cell running a
 * discharge/charge cycle): cells per second, end to end through the WorkflowExecutor.</li>
 * </ol>
 * Each figure is the median of {@code --runs} timed runs after one untimed warm-up run.
 * <pre>java -Xmx14g [Spark's --add-opens] -cp target/classes:$(cat target/launcher.classpath):$(cat target/spark.classpath) org.nernst.spark.bench.SparkBenchmark
 *     --data ../../shared/data [--master local[2]] [--candidates 10000000] [--cells 2000] [--trees 100] [--runs 3] [--warmup true] [--threads 2] [--partitions N]</pre>
 */
public final class SparkBenchmark {
    private static final List<String> FEATURES = List.of("Max Delta Volume", "Average Voltage", "Gravimetric Capacity",
            "Volumetric Capacity", "Atomic Fraction Charge", "Atomic Fraction Discharge", "Steps");
    private static final int CHUNK_ROWS = 16_384;

    private static boolean warmup = true;

    private SparkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        Path data = Path.of(o.getOrDefault("--data", "../../shared/data"));
        String master = o.getOrDefault("--master", "local[2]");
        int candidates = Integer.parseInt(o.getOrDefault("--candidates", "10000000"));
        int cells = Integer.parseInt(o.getOrDefault("--cells", "2000"));
        int trees = Integer.parseInt(o.getOrDefault("--trees", "100"));
        int runs = Integer.parseInt(o.getOrDefault("--runs", "3"));
        warmup = Boolean.parseBoolean(o.getOrDefault("--warmup", "true"));
        int threads = Integer.parseInt(o.getOrDefault("--threads", "2"));
        int partitions = Integer.parseInt(o.getOrDefault("--partitions", "0"));
        PluginXmlNodeRegistry registry = PluginXmlNodeRegistry.fromClassPath();
        SparkSession session = SparkSession.builder().master(master).appName("nernst-bench")
                .config("spark.ui.enabled", "false").getOrCreate();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(session.sparkContext());
        DataParallel local = DataParallel.inProcess(threads);
        System.out.printf(Locale.ROOT, "java %s, %d cores, max heap %d MB, spark %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, sc.version());

        // screening predictions
        Table known = run(registry, new Workflow("read", "", 1, List.of(new WorkflowNode("read", "org.nernst.data.csv",
                Map.of("file", data.resolve("materials/mp_batteries.csv").toString()), Map.of()))), local)
                .value("read", "table", Table.class);
        NodeDescriptor rf = registry.find("org.nernst.ml.smile.randomForest").orElseThrow();
        Estimator est = (Estimator) Class.forName(rf.className()).getDeclaredConstructor().newInstance();
        TrainedModel model = new ConfiguredEstimator(rf, est, Parameters.resolve(rf.parameters(), Map.of("trees", trees)))
                .fit(TrainingSet.from(known, FEATURES, "Gravimetric Energy"), 42, ProgressMonitor.none());
        double[][] x = resample(TrainingSet.matrix(known, FEATURES), candidates, 42);
        List<double[][]> chunks = new ArrayList<>();
        for (int from = 0; from < x.length; from += CHUNK_ROWS) {
            chunks.add(Arrays.copyOfRange(x, from, Math.min(x.length, from + CHUNK_ROWS)));
        }
        SerializableFunction<double[][], Prediction> predict = model::predict;
        // Spark needs partitions small enough to serialize comfortably: ~64 chunks (1 M rows) each at most
        DataParallel spark = new SparkDataParallel(sc, partitions > 0 ? partitions
                : Math.max(sc.defaultParallelism(), (chunks.size() + 63) / 64));
        double[] checksum = new double[2];
        int b = 0;
        for (DataParallel backend : List.of(local, spark)) {
            int k = b++;
            double s = median(runs, () -> {
                List<Prediction> p = backend.map(chunks, predict, ProgressMonitor.none());
                checksum[k] = p.stream().flatMapToDouble(q -> Arrays.stream(q.mean())).sum();
            });
            System.out.printf(Locale.ROOT, "screening  %-34s %,d candidates, %d trees: %.2f s, %,.0f predictions/s%n",
                    backend.describe(), candidates, trees, s, candidates / s);
        }
        System.out.printf(Locale.ROOT, "screening  sums of predictions equal: %s%n", checksum[0] == checksum[1]);

        // population synthesis
        Workflow synth = new Workflow("synth", "", 42, List.of(
                new WorkflowNode("cycle", "org.nernst.twin.experiment", Map.of("steps",
                        "Rest for 5 minutes\nDischarge at 1C until 3.0 V\nRest for 10 minutes\nCharge at 1C until 4.1 V"),
                        Map.of()),
                new WorkflowNode("population", "org.nernst.twin.synthesize", Map.of("cells", (long) cells,
                        "ocvSoc", List.of("0", "0.1", "0.5", "0.9", "1"),
                        "ocvVoltage", List.of("3.0", "3.45", "3.7", "4.05", "4.2"), "period", 10.0,
                        "internalShortFraction", 0.05, "platingFraction", 0.05),
                        Map.of("experiment", PortRef.parse("cycle.experiment")))));
        long[] samples = new long[2];
        b = 0;
        for (DataParallel backend : List.of(local, new SparkDataParallel(sc, partitions))) {
            int k = b++;
            double s = median(runs, () -> samples[k] = run(registry, synth, backend)
                    .value("population", "samples", Table.class).rowCount());
            System.out.printf(Locale.ROOT, "synthesis  %-34s %,d cells (%,d samples): %.2f s, %,.0f cells/s%n",
                    backend.describe(), cells, samples[k], s, cells / s);
        }
        session.stop();
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Median seconds of {@code runs} timed runs after one untimed warm-up (unless --warmup false). */
    private static double median(int runs, Work w) throws Exception {
        if (warmup) {
            w.run();
        }
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            w.run();
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

    private static RunResult run(PluginXmlNodeRegistry registry, Workflow wf, DataParallel backend) throws Exception {
        return new WorkflowExecutor(registry, 2, backend).run(wf, new ExecutionListener() {
        }, new CancelToken());
    }

    /** n rows drawn from the real ones, every feature scaled by 1 + 5 % Gaussian noise (deterministic). */
    private static double[][] resample(double[][] real, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] r = real[rng.nextInt(real.length)].clone();
            for (int j = 0; j < r.length; j++) {
                r[j] *= 1 + 0.05 * gaussian(rng);
            }
            out[i] = r;
        }
        return out;
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        return o;
    }
}

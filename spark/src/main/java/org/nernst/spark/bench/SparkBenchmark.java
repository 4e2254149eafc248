package org.nernst.spark.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.spark.SparkConf;
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
 * Each figure is the median of {@code --runs} timed runs after one untimed warm-up run; every run's wall
 * time and the CPU time the whole JVM spent in it are printed too (the CPU time says more on a loaded machine).
 * The screening backends take turns run by run (in-process, then Spark with each partition count of
 * {@code --partitions 10,20,...}, then with {@code --baseline true} the transport Spark
 * screening used before, {@link PlainSparkMap}), and every prediction of every Spark run is compared bit for bit with
 * the in-process one.
 * <pre>java -Xmx14g [Spark's --add-opens] -cp target/classes:$(cat target/launcher.classpath):$(cat target/spark.classpath) org.nernst.spark.bench.SparkBenchmark
 *     --data ../../shared/data [--master local[2]] [--candidates 10000000] [--cells 2000 (0: no synthesis)] [--trees 100] [--runs 3] [--warmup true] [--threads 2] [--partitions N[,N...]] [--metrics false] [--baseline false] [--spark.some.key value ...]</pre>
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
        // one number, or several separated by commas to compare partition counts in one run; 0: the backend default
        int[] partitionList = Arrays.stream(o.getOrDefault("--partitions", "0").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        int partitions = partitionList[0];
        PluginXmlNodeRegistry registry = PluginXmlNodeRegistry.fromClassPath();
        // Spark as nernst-spark configures it, then any --spark.* options of this command line on top
        SparkConf conf = new SparkConf().setMaster(master).setAppName("nernst-bench").set("spark.ui.enabled", "false");
        o.forEach((k, v) -> {
            if (k.startsWith("--spark.")) {
                conf.set(k.substring(2), v);
            }
        });
        SparkSession session = SparkSession.builder().config(SparkDataParallel.tune(conf)).getOrCreate();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(session.sparkContext());
        if (Boolean.parseBoolean(o.getOrDefault("--metrics", "false"))) {
            sc.sc().addSparkListener(new StageMetrics());
        }
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
        System.out.printf(Locale.ROOT, "%,d chunks of %,d rows; by default Spark splits them into %d partitions%n",
                chunks.size(), CHUNK_ROWS, new SparkDataParallel(sc, 0).partitions(chunks));
        List<DataParallel> backends = new ArrayList<>(List.of(local));
        for (int p : partitionList) {
            backends.add(new SparkDataParallel(sc, p)); // 0: the backend's default, as nernst-spark without --partitions
        }
        // the backends take turns (a warm-up of each, then run 1 of each, run 2 of each, ...), so a shared
        // machine's changing load falls on all of them alike
        if (Boolean.parseBoolean(o.getOrDefault("--baseline", "false"))) {
            int p = partitionList[0];
            backends.add(new PlainSparkMap(sc, p > 0 ? p : new SparkDataParallel(sc, 0).partitions(chunks)));
        }
        double[][] reference = new double[1][];
        boolean[] identical = { true };
        Work[] work = new Work[backends.size()];
        for (int k = 0; k < work.length; k++) {
            DataParallel backend = backends.get(k);
            work[k] = () -> {
                List<Prediction> p = backend.map(chunks, predict, ProgressMonitor.none());
                double[] all = p.stream().flatMapToDouble(q -> Arrays.stream(q.mean())).toArray();
                if (reference[0] == null) {
                    reference[0] = all;
                } else {
                    identical[0] &= bitwiseEqual(reference[0], all);
                }
            };
        }
        double[][][] times = interleaved(runs, work);
        for (int k = 0; k < work.length; k++) {
            double s = median(times[k][0]);
            System.out.printf(Locale.ROOT, "screening  %-34s %,d candidates, %d trees: %.2f s, %,.0f predictions/s%n",
                    backends.get(k).describe(), candidates, trees, s, candidates / s);
            System.out.printf(Locale.ROOT, "  runs: wall %s s, CPU of the whole JVM %s s (median %.2f s)%n",
                    seconds(times[k][0]), seconds(times[k][1]), median(times[k][1]));
        }
        System.out.printf(Locale.ROOT, "screening  every prediction bit for bit equal to in-process: %s%n", identical[0]);

        // population synthesis (--cells 0 skips it)
        if (cells <= 0) {
            session.stop();
            return;
        }
        Workflow synth = new Workflow("synth", "", 42, List.of(
                new WorkflowNode("cycle", "org.nernst.twin.experiment", Map.of("steps",
                        "Rest for 5 minutes\nDischarge at 1C until 3.0 V\nRest for 10 minutes\nCharge at 1C until 4.1 V"),
                        Map.of()),
                new WorkflowNode("population", "org.nernst.twin.synthesize", Map.of("cells", (long) cells,
                        "ocvSoc", List.of("0", "0.1", "0.5", "0.9", "1"),
                        "ocvVoltage", List.of("3.0", "3.45", "3.7", "4.05", "4.2"), "period", 10.0,
                        "internalShortFraction", 0.05, "platingFraction", 0.05),
                        Map.of("experiment", PortRef.parse("cycle.experiment")))));
        List<DataParallel> synthBackends = new ArrayList<>(List.of(local));
        for (int p : partitionList) {
            synthBackends.add(new SparkDataParallel(sc, p));
        }
        long[] samples = new long[synthBackends.size()];
        Work[] synthWork = new Work[synthBackends.size()];
        for (int k = 0; k < synthWork.length; k++) {
            int kk = k;
            synthWork[k] = () -> samples[kk] = run(registry, synth, synthBackends.get(kk))
                    .value("population", "samples", Table.class).rowCount();
        }
        double[][][] synthTimes = interleaved(runs, synthWork);
        for (int k = 0; k < synthWork.length; k++) {
            double s = median(synthTimes[k][0]);
            System.out.printf(Locale.ROOT, "synthesis  %-34s %,d cells (%,d samples): %.2f s, %,.0f cells/s%n",
                    synthBackends.get(k).describe(), cells, samples[k], s, cells / s);
            System.out.printf(Locale.ROOT, "  runs: wall %s s, CPU of the whole JVM %s s (median %.2f s)%n",
                    seconds(synthTimes[k][0]), seconds(synthTimes[k][1]), median(synthTimes[k][1]));
        }
        session.stop();
    }

    private interface Work {
        void run() throws Exception;
    }

    /**
     * Wall and CPU seconds ([work][0 wall, 1 cpu][run]) of {@code runs} turns of every work, after one
     * untimed warm-up of each (unless --warmup false).
     */
    private static double[][][] interleaved(int runs, Work[] work) throws Exception {
        if (warmup) {
            for (Work w : work) {
                w.run();
            }
        }
        double[][][] t = new double[work.length][2][runs];
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < work.length; k++) {
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                work[k].run();
                t[k][0][i] = (System.nanoTime() - t0) / 1e9;
                t[k][1][i] = (processCpuNanos() - c0) / 1e9;
            }
        }
        return t;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static boolean bitwiseEqual(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static String seconds(double[] s) {
        StringBuilder b = new StringBuilder("[");
        for (double v : s) {
            b.append(b.length() > 1 ? ", " : "").append(String.format(Locale.ROOT, "%.2f", v));
        }
        return b.append(']').toString();
    }

    /** CPU time of this JVM, all threads (Spark's scheduler, serialization and GC included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
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

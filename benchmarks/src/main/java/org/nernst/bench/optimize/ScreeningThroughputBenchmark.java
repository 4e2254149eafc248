package org.nernst.bench.optimize;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.ml.Estimator;
import org.nernst.ml.smile.internal.ExtraTreesEstimator;
import org.nernst.ml.smile.internal.GradientBoostingEstimator;
import org.nernst.ml.smile.internal.RandomForestEstimator;
import org.nernst.optimize.Screening;

/**
 * In-process screening throughput: a tree ensemble ({@code --trees} 100) fitted on 2000 synthetic
 * rows of {@code --features} (20) descriptors predicts {@code --candidates} (1 M) rows in blocks of
 * 10 000 on {@code --threads} threads, then the candidates are ordered by the prediction. Warm-up
 * runs excluded; medians reported. {@code --model} picks the ensemble, otherwise with Nernst's
 * default parameters: {@code forest} (Smile random forest, depth 20, node size 5, the default),
 * {@code boosting} (Smile gradient boosting, depth 6, node size 5, shrinkage 0.05, subsample 0.7) or
 * {@code extraTrees} (Nernst's extremely randomized trees, unlimited depth, node size 5, all
 * features, no bootstrap; its prediction includes the trees' spread).
 */
public final class ScreeningThroughputBenchmark {
    private ScreeningThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trees = 100;
        int features = 20;
        int candidates = 1_000_000;
        int threads = 2;
        int runs = 3;
        String kind = "forest";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--trees" -> trees = Integer.parseInt(args[i + 1]);
                case "--features" -> features = Integer.parseInt(args[i + 1]);
                case "--candidates" -> candidates = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--model" -> kind = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SplittableRandom rng = new SplittableRandom(1);
        int n = 2000;
        double[][] x = new double[n][features];
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < features; j++) {
                x[r][j] = rng.nextDouble();
            }
            y[r] = Math.sin(3 * x[r][0]) + x[r][1] * x[r][2] + 0.1 * rng.nextGaussian();
        }
        List<String> names = java.util.stream.IntStream.range(0, features).mapToObj(j -> "f" + j).toList();
        Estimator estimator;
        Map<String, Object> parameters;
        String label;
        switch (kind) {
            case "forest" -> {
                estimator = new RandomForestEstimator();
                parameters = Map.of("trees", (long) trees, "maxDepth", 20L, "nodeSize", 5L, "mtry", 0L, "subsample", 1.0);
                label = "random forest";
            }
            case "boosting" -> {
                estimator = new GradientBoostingEstimator();
                parameters = Map.of("trees", (long) trees, "maxDepth", 6L, "nodeSize", 5L, "shrinkage", 0.05,
                        "subsample", 0.7);
                label = "gradient boosting";
            }
            case "extraTrees" -> {
                estimator = new ExtraTreesEstimator();
                parameters = Map.of("trees", (long) trees, "mtry", 0L, "nodeSize", 5L, "maxDepth", 0L, "bootstrap", false);
                label = "extra trees";
            }
            default -> throw new IllegalArgumentException("unknown --model " + kind + " (forest, boosting or extraTrees)");
        }
        FittedModel model = estimator.fit(new TrainingSet(x, y, names, "y"), Parameters.of(parameters), 1,
                ProgressMonitor.none());
        double[][] cand = new double[candidates][features];
        for (double[] row : cand) {
            for (int j = 0; j < features; j++) {
                row[j] = rng.nextDouble();
            }
        }
        int block = 10_000;
        int blocks = (candidates + block - 1) / block;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        long[] nanos = new long[runs];
        long[] cpuNanos = new long[runs];
        long[] rankNanos = new long[runs];
        // The machine may be shared: process CPU time shows what the work costs when the cores are not.
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double load = os.getSystemLoadAverage();
        double checksum = 0;
        try {
            for (int r = -1; r < runs; r++) {
                double[] pred = new double[candidates];
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
                for (int b = 0; b < blocks; b++) {
                    int from = b * block;
                    int to = Math.min(candidates, from + block);
                    futures.add(pool.submit(() -> {
                        double[] p = model.predict(Arrays.copyOfRange(cand, from, to)).mean();
                        System.arraycopy(p, 0, pred, from, p.length);
                    }));
                }
                for (var f : futures) {
                    f.get();
                }
                long tRank = System.nanoTime();
                int[] order = Screening.order(pred);
                long t1 = System.nanoTime();
                long t = t1 - t0;
                long c = os.getProcessCpuTime() - c0;
                checksum += pred[order[0]];
                if (r >= 0) {
                    nanos[r] = t;
                    cpuNanos[r] = c;
                    rankNanos[r] = t1 - tRank;
                }
            }
        } finally {
            pool.shutdown();
        }
        Arrays.sort(nanos);
        Arrays.sort(cpuNanos);
        Arrays.sort(rankNanos);
        double seconds = nanos[runs / 2] / 1e9;
        double cpuSeconds = cpuNanos[runs / 2] / 1e9;
        System.out.printf(Locale.ROOT, "%s (%d trees) screening of %d candidates × %d features on %d threads: "
                + "median %.2f s, %.0f predictions/s including the ranking (checksum %.3f); CPU %.2f s, %.0f predictions"
                + " per CPU-second; ranking alone %.3f s (load average %.1f at start on %d cores)%n", label, trees, candidates,
                features, threads, seconds, candidates / seconds, checksum, cpuSeconds, candidates / cpuSeconds,
                rankNanos[runs / 2] / 1e9, load, Runtime.getRuntime().availableProcessors());
    }
}

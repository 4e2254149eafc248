package org.nernst.bench.ml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.ml.smile.internal.GaussianProcessEstimator;
import org.nernst.ml.smile.internal.GradientBoostingEstimator;
import org.nernst.ml.smile.internal.RandomForestEstimator;
import org.nernst.ml.smile.internal.RidgeEstimator;
import org.nernst.ml.smile.internal.SvrEstimator;

/**
 * Nernst side of the ML speed benchmark (scripts/benchmark-ml.sh): fit and predict times of the
 * Smile-backed estimators on the synthetic tables that scripts/benchmark_ml.py wrote, with the
 * parameters that script gives scikit-learn. One warm-up run per case is not counted; the medians
 * of the following runs are printed as CSV lines: side,set,model,rows,fit_s,predict_s,rmse.
 * <p>
 * Usage: {@code MlBenchmark --dir benchmarks/target/ml-bench [--runs 3] [--seed 42] [--sets 10k_x_20,100k_x_50] [--models rf,gb,gpr,svr,ridge] [--warmup 1]}
 * ({@code --warmup 0} for fits of minutes, where compilation is a negligible share)
 */
public final class MlBenchmark {
    /** Rows GPR and SVR fit on (their cost grows as n³ and n²); the same caps as the Python side. */
    static final int GPR_ROWS = 2_000, SVR_ROWS = 5_000;

    private MlBenchmark() {
    }

    record Case(String name, Estimator estimator, Map<String, Object> parameters, int rows) {
    }

    static List<Case> cases(int p) {
        List<Case> out = new ArrayList<>();
        out.add(new Case("rf", new RandomForestEstimator(), Map.of("trees", 100L, "maxDepth", 20L, "nodeSize", 5L, "mtry",
                (long) Math.max(1, p / 3), "subsample", 1.0), 0));
        out.add(new Case("gb", new GradientBoostingEstimator(), Map.of("trees", 100L, "maxDepth", 6L, "nodeSize", 5L,
                "shrinkage", 0.1, "subsample", 0.7), 0));
        out.add(new Case("gpr", new GaussianProcessEstimator(), Map.of("lengthScale", 0.0, "noise", 0.01, "optimize", true),
                GPR_ROWS));
        out.add(new Case("svr", new SvrEstimator(), Map.of("c", 10.0, "epsilon", 0.05, "sigma", 0.0), SVR_ROWS));
        out.add(new Case("ridge", new RidgeEstimator(), Map.of("lambda", 1e-3), 0));
        return out;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>(Map.of("--dir", "benchmarks/target/ml-bench", "--runs", "3", "--seed",
                "42", "--sets", "10k_x_20,100k_x_50", "--models", "rf,gb,gpr,svr,ridge", "--warmup", "1"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i], args[i + 1]);
        }
        Path dir = Path.of(opt.get("--dir"));
        int runs = Integer.parseInt(opt.get("--runs"));
        int warmup = Integer.parseInt(opt.get("--warmup"));
        long seed = Long.parseLong(opt.get("--seed"));
        List<String> models = List.of(opt.get("--models").split(","));
        for (String set : opt.get("--sets").split(",")) {
            TrainingSet train = read(dir.resolve(set + "_train.csv"));
            TrainingSet test = read(dir.resolve(set + "_test.csv"));
            for (Case c : cases(train.features())) {
                if (!models.contains(c.name())) {
                    continue;
                }
                TrainingSet data = c.rows() > 0 && c.rows() < train.rows() ? train.subset(firstRows(c.rows())) : train;
                double[] fits = new double[runs], predicts = new double[runs];
                double[] predicted = null;
                for (int r = 1 - warmup; r <= runs; r++) { // runs up to 0 warm the JIT up and are not counted
                    long t0 = System.nanoTime();
                    FittedModel m = c.estimator().fit(data, Parameters.of(c.parameters()), seed, ProgressMonitor.none());
                    long t1 = System.nanoTime();
                    predicted = m.predict(test.x()).mean();
                    long t2 = System.nanoTime();
                    if (r > 0) {
                        fits[r - 1] = (t1 - t0) / 1e9;
                        predicts[r - 1] = (t2 - t1) / 1e9;
                    }
                }
                System.out.printf(java.util.Locale.ROOT, "nernst,%s,%s,%d,%.4f,%.4f,%.4f%n", set, c.name(), data.rows(),
                        median(fits), median(predicts), rmse(test.y(), predicted));
            }
        }
    }

    private static int[] firstRows(int n) {
        int[] rows = new int[n];
        Arrays.setAll(rows, i -> i);
        return rows;
    }

    /** Reads x0..x(p−1),y written by benchmark_ml.py. */
    static TrainingSet read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        int p = header.length - 1;
        double[][] x = new double[lines.size() - 1][p];
        double[] y = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            for (int j = 0; j < p; j++) {
                x[i - 1][j] = Double.parseDouble(f[j]);
            }
            y[i - 1] = Double.parseDouble(f[p]);
        }
        return new TrainingSet(x, y, Arrays.asList(header).subList(0, p), header[p]);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double rmse(double[] y, double[] p) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += (y[i] - p[i]) * (y[i] - p[i]);
        }
        return Math.sqrt(s / y.length);
    }
}

package org.nernst.bench.optimize;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.nernst.core.node.Parameters;
import org.nernst.core.optimize.Optimizer;
import org.nernst.optimize.BayesianOptimizer;
import org.nernst.optimize.Screening;
import org.nernst.optimize.Space;

/**
 * Bayesian-optimization proposal latency: a session told {@code --observations} (200) random points
 * of the 6-dimensional Hartmann function, then timed on one {@code propose(q)} (surrogate fit by
 * marginal likelihood + acquisition maximization). Each run uses other observations (seed = run);
 * the first {@code --warmup} runs are excluded and the median reported. Also times Pareto ranking
 * of the screening node on 10 000 candidates with two objectives.
 */
public final class BoLatencyBenchmark {
    private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] A = {{10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8},
        {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] P = {{0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
        {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991}, {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
        {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

    private BoLatencyBenchmark() {
    }

    static double hartmann6(double[] x) {
        double s = 0;
        for (int i = 0; i < 4; i++) {
            double e = 0;
            for (int j = 0; j < 6; j++) {
                e += A[i][j] * (x[j] - P[i][j]) * (x[j] - P[i][j]);
            }
            s -= ALPHA[i] * Math.exp(-e);
        }
        return s;
    }

    public static void main(String[] args) {
        int observations = 200;
        int warmup = 2;
        int runs = 7;
        int q = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--observations" -> observations = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--q" -> q = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Space space = Space.parse("x1:double:0:1; x2:double:0:1; x3:double:0:1; x4:double:0:1; x5:double:0:1; x6:double:0:1");
        long[] nanos = new long[runs];
        for (int r = -warmup; r < runs; r++) {
            SplittableRandom rng = new SplittableRandom(100 + r);
            Optimizer.Session s = new BayesianOptimizer().start(space.variables(), Parameters.of(Map.of()), r);
            for (int k = 0; k < observations; k++) {
                double[] x = new double[6];
                for (int j = 0; j < 6; j++) {
                    x[j] = rng.nextDouble();
                }
                s.observe(space.decode(x), hartmann6(x));
            }
            long t0 = System.nanoTime();
            List<Map<String, Object>> p = s.propose(q);
            long t = System.nanoTime() - t0;
            if (p.size() != q) {
                throw new IllegalStateException("proposed " + p.size());
            }
            if (r >= 0) {
                nanos[r] = t;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "BO propose(q=%d) with %d observations in 6 dimensions: median %.1f ms "
                + "(min %.1f, max %.1f) over %d runs after %d warm-up%n", q, observations, nanos[runs / 2] / 1e6,
                nanos[0] / 1e6, nanos[runs - 1] / 1e6, runs, warmup);

        int n = 10_000;
        SplittableRandom rng = new SplittableRandom(1);
        double[][] obj = new double[n][2];
        for (double[] o : obj) {
            o[0] = rng.nextDouble();
            o[1] = rng.nextDouble();
        }
        long[] pareto = new long[5];
        for (int r = -1; r < pareto.length; r++) {
            long t0 = System.nanoTime();
            int[] f = Screening.paretoFronts(obj);
            long t = System.nanoTime() - t0;
            if (r >= 0) {
                pareto[r] = t + (f[0] > 0 ? 0 : 1);
            }
        }
        Arrays.sort(pareto);
        System.out.printf(Locale.ROOT, "Pareto fronts of %d candidates, 2 objectives: median %.1f ms%n", n,
                pareto[pareto.length / 2] / 1e6);
    }
}

package org.nernst.bench.optimize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.optimize.Optimizer;
import org.nernst.optimize.BayesianOptimizer;
import org.nernst.optimize.FastChargeTwin;
import org.nernst.optimize.GridSearch;
import org.nernst.optimize.OptimizationRun;
import org.nernst.optimize.RandomSearch;

/**
 * Fast-charging protocol design on the twin ({@link FastChargeTwin#defaults()}): exhaustive grid over
 * CC1..CC3 ({@code --levels} per variable, 16 = 0.5C steps over 0.5..8C), then Bayesian optimization
 * (expected improvement with margin {@code --xi}, 0.02 in ln-fade units, the fast-charge node's default) and random
 * search with {@code --budget} evaluations over {@code --seeds} seeds. Reports how many
 * evaluations each needs to come within 1 % of the grid optimum's predicted fade (median, worst),
 * the wall time to get there, and the best fade found.
 */
public final class FastChargeComparison {
    private FastChargeComparison() {
    }

    public static void main(String[] args) throws Exception {
        int levels = 16;
        int budget = 100;
        int seeds = 10;
        double xi = 0.02;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--levels" -> levels = Integer.parseInt(args[i + 1]);
                case "--budget" -> budget = Integer.parseInt(args[i + 1]);
                case "--seeds" -> seeds = Integer.parseInt(args[i + 1]);
                case "--xi" -> xi = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        FastChargeTwin twin = FastChargeTwin.defaults();
        long t0 = System.nanoTime();
        OptimizationRun.Result grid = new OptimizationRun("grid", new GridSearch(), twin.space(),
                Parameters.of(Map.of("levels", (long) levels)), 0).budget(Integer.MAX_VALUE).run(twin, ProgressMonitor.none());
        double gridSeconds = (System.nanoTime() - t0) / 1e9;
        double gridFade = FastChargeTwin.fade(grid.bestValue());
        long feasible = 0;
        for (int r = 0; r < grid.history().rowCount(); r++) {
            feasible += grid.history().column("feasible").format(r).equals("true") ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "grid %d levels: %d evaluations (%d feasible) in %.1f s, best fade %.3f %% at %s%n",
                levels, grid.evaluated(), feasible, gridSeconds, gridFade, grid.best());
        double target = Math.log(gridFade * 1.01);
        compare("Bayesian optimization (EI, xi " + xi + ")", BayesianOptimizer::new, Parameters.of(Map.of("xi", xi)), twin,
                budget, seeds, target, gridSeconds, grid.evaluated());
        compare("random search", RandomSearch::new, Parameters.of(Map.of()), twin, budget, seeds, target, gridSeconds,
                grid.evaluated());
    }

    private static void compare(String label, java.util.function.Supplier<Optimizer> optimizer, Parameters settings,
            FastChargeTwin twin,
            int budget, int seeds, double target, double gridSeconds, int gridEvaluations) throws Exception {
        List<Integer> needed = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        List<Double> bestFade = new ArrayList<>();
        for (int seed = 1; seed <= seeds; seed++) {
            long[] reachedAt = {-1};
            long start = System.nanoTime();
            int[] count = {0};
            OptimizationRun.Result r = new OptimizationRun(label, optimizer.get(), twin.space(), settings, seed)
                    .budget(budget).run((p, m) -> {
                        var e = twin.evaluate(p, m);
                        count[0]++;
                        if (reachedAt[0] < 0 && e.feasible() && e.value() <= target) {
                            reachedAt[0] = System.nanoTime();
                        }
                        return e;
                    }, ProgressMonitor.none());
            double[] best = r.history().doubles("best_so_far");
            int k = Integer.MAX_VALUE;
            for (int i = 0; i < best.length; i++) {
                if (best[i] <= target) {
                    k = i + 1;
                    break;
                }
            }
            needed.add(k);
            seconds.add(reachedAt[0] < 0 ? Double.NaN : (reachedAt[0] - start) / 1e9);
            bestFade.add(FastChargeTwin.fade(r.bestValue()));
            System.out.printf(Locale.ROOT, "  %s seed %d: within 1 %% after %s evaluations (%s s); best fade %.3f %% at %s%n",
                    label, seed, k == Integer.MAX_VALUE ? "never (" + budget + ")" : Integer.toString(k),
                    reachedAt[0] < 0 ? "-" : String.format(Locale.ROOT, "%.2f", seconds.get(seconds.size() - 1)),
                    bestFade.get(bestFade.size() - 1), r.best());
        }
        List<Integer> sorted = new ArrayList<>(needed);
        Collections.sort(sorted);
        int reached = (int) needed.stream().filter(k -> k != Integer.MAX_VALUE).count();
        List<Double> secs = seconds.stream().filter(d -> !Double.isNaN(d)).sorted().toList();
        System.out.printf(Locale.ROOT, "%s: reached within 1 %% of the grid optimum in %d of %d seeds; evaluations median %s, "
                + "worst %s (grid: %d); wall time to reach median %s s (grid: %.1f s); best fade median %.3f %%%n", label,
                reached, seeds, fmt(sorted.get(sorted.size() / 2), budget), fmt(sorted.get(sorted.size() - 1), budget),
                gridEvaluations, secs.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", secs.get(secs.size() / 2)),
                gridSeconds, bestFade.stream().sorted().toList().get(seeds / 2));
    }

    private static String fmt(int k, int budget) {
        return k == Integer.MAX_VALUE ? "> " + budget : Integer.toString(k);
    }
}

package org.nernst.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.nernst.core.node.ParameterSpec;
import org.nernst.core.node.ParameterType;
import org.nernst.core.node.Parameters;
import org.nernst.core.optimize.Optimizer;

/**
 * Bayesian optimization (minimizes): a Latin-hypercube initial design, then a {@link GaussianProcess}
 * surrogate refitted on every proposal and an {@link Acquisition} maximized by seeded random
 * multistart (uniform candidates plus perturbations of the best observations) and a compass
 * search refining the best few. Batches (q &gt; 1) are filled one point at a time with a fantasy
 * observation at each chosen point: the posterior mean (Kriging believer) or the best value seen
 * (constant liar), without refitting the hyperparameters.
 * <p>
 * Settings (all optional): {@code acquisition} EI|UCB|PI, {@code kappa} (UCB, default 2),
 * {@code xi} (EI/PI improvement margin in the objective's units, default 0),
 * {@code initialPoints} (default max(5, dimensions + 1)), {@code batchStrategy}
 * believer|liar, {@code candidates} (default 2000), {@code lengthScales} ard|isotropic.
 * <p>
 * Deterministic: each proposal draws from a stream seeded by the run's seed and the number of
 * observations, and the surrogate is fitted from the observations alone, so a run resumed from its
 * history proposes what the uninterrupted run proposed.
 *
 * @since 0.1
 */
public final class BayesianOptimizer implements Optimizer {

    @Override
    public Optimizer.Session start(List<ParameterSpec> space, Parameters parameters, long seed) {
        return new Session(new Space(space), parameters, seed);
    }

    public static final class Session implements Optimizer.Session, Proposals, Constrained {
        private final Space space;
        private final long seed;
        private final Acquisition acquisition;
        private final double kappa;
        private final double xi;
        private final int initial;
        private final boolean believer;
        private final int candidates;
        private final boolean ard;
        private final boolean allNumbers;
        private final double[][] design;
        private final List<double[]> xs = new ArrayList<>();
        private final List<Double> ys = new ArrayList<>();
        private final List<Boolean> feasible = new ArrayList<>();
        private double[] lastAcquisition = new double[0];
        private GaussianProcess lastModel;

        Session(Space space, Parameters p, long seed) {
            this.space = space;
            this.seed = seed;
            acquisition = p.has("acquisition") ? Acquisition.parse(p.string("acquisition")) : Acquisition.EI;
            kappa = p.has("kappa") ? p.number("kappa") : 2.0;
            xi = p.has("xi") ? p.number("xi") : 0.0;
            int d = space.dimensions();
            initial = p.has("initialPoints") && p.integer("initialPoints") > 0 ? (int) p.integer("initialPoints")
                    : Math.max(5, d + 1);
            String strategy = p.has("batchStrategy") ? p.string("batchStrategy") : "believer";
            if (!strategy.equals("believer") && !strategy.equals("liar")) {
                throw new IllegalArgumentException("batchStrategy '" + strategy + "' is not believer or liar");
            }
            believer = strategy.equals("believer");
            candidates = p.has("candidates") ? (int) p.integer("candidates") : 2000;
            ard = !p.has("lengthScales") || !p.string("lengthScales").equals("isotropic");
            allNumbers = space.variables().stream().allMatch(v -> v.type() == ParameterType.DOUBLE);
            design = latinHypercube(initial, d, Seeds.at(seed, 0, 1));
        }

        @Override
        public List<Map<String, Object>> propose(int count) {
            int n = xs.size();
            List<Map<String, Object>> out = new ArrayList<>();
            if (n < initial || n < 2) {
                int end = Math.min(initial, n + count);
                lastAcquisition = new double[Math.max(0, end - n)];
                Arrays.fill(lastAcquisition, Double.NaN);
                for (int i = n; i < end; i++) {
                    out.add(space.decode(design[i]));
                }
                return out;
            }
            SplittableRandom rng = Seeds.at(seed, n, 2);
            // the objective's surrogate learns from feasible points; a second GP on ±1 labels gives the
            // probability of feasibility that weighs the acquisition (constrained EI, Gardner et al. 2014)
            List<double[]> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            int feasibleCount = (int) feasible.stream().filter(f -> f).count();
            boolean constrained = feasibleCount >= 2 && feasibleCount < n;
            for (int i = 0; i < n; i++) {
                if (!constrained || feasible.get(i)) {
                    x.add(xs.get(i));
                    y.add(ys.get(i));
                }
            }
            GaussianProcess feasibility = null;
            if (constrained) {
                double[] labels = new double[n];
                for (int i = 0; i < n; i++) {
                    labels[i] = feasible.get(i) ? -1 : 1;
                }
                feasibility = GaussianProcess.fit(xs.toArray(double[][]::new), labels, ard, null);
            }
            GaussianProcess gp = GaussianProcess.fit(x.toArray(double[][]::new), unbox(y), ard, null);
            lastModel = gp;
            double spread = spread(y);
            lastAcquisition = new double[count];
            GaussianProcess pof = feasibility;
            for (int b = 0; b < count; b++) {
                double best = y.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                GaussianProcess model = gp;
                double margin = xi;
                java.util.function.ToDoubleFunction<double[]> score = u0 -> {
                    double[] m = model.predict(u0);
                    double a = acquisition.value(m[0], m[1], best, margin, kappa);
                    if (pof == null) {
                        return a;
                    }
                    double[] c = pof.predict(u0);
                    double p = 0.5 * org.hipparchus.special.Erf.erfc(c[0] / c[1] / Math.sqrt(2)); // P(label < 0)
                    return acquisition == Acquisition.UCB ? a - (1 - p) * 3 * spread : a * p;
                };
                double[] u = maximize(score, x, y, rng);
                double[] c = canonical(u);
                if (contains(xs, c) || contains(x, c)) {
                    c = canonical(random(rng)); // the surrogate has nothing new to say there
                }
                double[] m = gp.predict(c);
                lastAcquisition[b] = score.applyAsDouble(c);
                out.add(space.decode(c));
                x.add(c);
                y.add(believer ? m[0] : best);
                if (b + 1 < count) {
                    gp = gp.withData(x.toArray(double[][]::new), unbox(y));
                }
            }
            return out;
        }

        @Override
        public void observe(Map<String, Object> point, double objective) {
            if (!Double.isFinite(objective)) {
                throw new IllegalArgumentException("objective at " + point + " is " + objective
                        + "; report infeasible points with a finite penalty");
            }
            xs.add(space.encode(point));
            ys.add(objective);
            feasible.add(true);
        }

        @Override
        public void observeInfeasible(Map<String, Object> point, double penalty) {
            observe(point, penalty);
            feasible.set(feasible.size() - 1, false);
        }

        @Override
        public double[] lastAcquisition() {
            return lastAcquisition.clone();
        }

        /** The surrogate fitted for the last proposal (null before the initial design is done). */
        public GaussianProcess surrogate() {
            return lastModel;
        }

        private double[] maximize(java.util.function.ToDoubleFunction<double[]> f, List<double[]> x, List<Double> y,
                SplittableRandom rng) {
            int d = space.dimensions();
            List<double[]> pool = new ArrayList<>();
            for (int i = 0; i < candidates; i++) {
                pool.add(random(rng));
            }
            // perturbations of the best observations: the optimum of EI is often near them
            Integer[] order = new Integer[y.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(y.get(a), y.get(b)));
            for (int k = 0; k < Math.min(5, order.length); k++) {
                for (int j = 0; j < 40; j++) {
                    double[] u = x.get(order[k]).clone();
                    for (int t = 0; t < d; t++) {
                        u[t] = Math.min(1, Math.max(0, u[t] + 0.05 * rng.nextGaussian()));
                    }
                    pool.add(u);
                }
            }
            double[] scores = new double[pool.size()];
            Integer[] idx = new Integer[pool.size()];
            for (int i = 0; i < pool.size(); i++) {
                scores[i] = f.applyAsDouble(canonical(pool.get(i)));
                idx[i] = i;
            }
            Arrays.sort(idx, (a, b) -> Double.compare(scores[b], scores[a]));
            double[] best = pool.get(idx[0]);
            double bestScore = scores[idx[0]];
            for (int k = 0; k < Math.min(3, idx.length); k++) {
                double[] u = pool.get(idx[k]).clone();
                double s = compass(f, u, scores[idx[k]]);
                if (s > bestScore) {
                    bestScore = s;
                    best = u;
                }
            }
            return best;
        }

        /** Compass (pattern) search in the unit cube, refining {@code u} in place; returns its score. */
        private double compass(java.util.function.ToDoubleFunction<double[]> f, double[] u, double score) {
            double step = 0.05;
            int evaluations = 0;
            while (step > 1e-3 && evaluations < 60 * u.length) {
                boolean moved = false;
                for (int t = 0; t < u.length; t++) {
                    for (int sign = -1; sign <= 1; sign += 2) {
                        double old = u[t];
                        u[t] = Math.min(1, Math.max(0, old + sign * step));
                        double s = f.applyAsDouble(canonical(u));
                        evaluations++;
                        if (s > score) {
                            score = s;
                            moved = true;
                            break;
                        }
                        u[t] = old;
                    }
                }
                if (!moved) {
                    step /= 2;
                }
            }
            return score;
        }

        private double[] canonical(double[] u) {
            if (allNumbers) {
                double[] c = u.clone();
                for (int i = 0; i < c.length; i++) {
                    c[i] = Math.min(1, Math.max(0, c[i]));
                }
                return c;
            }
            return space.canonical(u);
        }

        private double[] random(SplittableRandom rng) {
            double[] u = new double[space.dimensions()];
            for (int i = 0; i < u.length; i++) {
                u[i] = rng.nextDouble();
            }
            return u;
        }
    }

    static double[][] latinHypercube(int n, int d, SplittableRandom rng) {
        double[][] out = new double[n][d];
        for (int j = 0; j < d; j++) {
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int k = rng.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[k];
                perm[k] = t;
            }
            for (int i = 0; i < n; i++) {
                out[i][j] = (perm[i] + rng.nextDouble()) / n;
            }
        }
        return out;
    }

    private static boolean contains(List<double[]> x, double[] c) {
        for (double[] v : x) {
            if (Arrays.equals(v, c)) {
                return true;
            }
        }
        return false;
    }

    private static double[] unbox(List<Double> y) {
        return y.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double spread(List<Double> y) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi > lo ? hi - lo : 1.0;
    }
}

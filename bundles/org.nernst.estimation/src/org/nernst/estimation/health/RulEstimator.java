package org.nernst.estimation.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nernst.core.estimation.StateEstimator;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.estimation.internal.Columns;
import org.nernst.estimation.internal.Groups;

/**
 * State estimator {@code org.nernst.estimation.rul}: remaining useful life with uncertainty from a
 * per-cycle capacity series, by particle filter ({@link ParticleFilterRul}) or Gaussian process
 * ({@link GaussianProcessRul}).
 * <p>
 * A state estimator rather than an operation: like a Kalman filter it walks a measured series in
 * order and emits, at each sample (cycle) from {@code startCycle}, an estimate of a hidden quantity
 * with its uncertainty, using only the samples up to that one. That is the contract of
 * {@code stateEstimators} (measurements in, states out, one row per sample), and it places the node
 * next to the SOH estimator whose output it can take as input.
 */
public final class RulEstimator implements StateEstimator {

    @Override
    public List<String> stateNames() {
        return List.of("eol_median", "eol_p05", "eol_p95", "rul_median", "reached_share");
    }

    @Override
    public Table estimate(Table measurements, Parameters p, ProgressMonitor monitor) throws Exception {
        Map<String, Table> results = new LinkedHashMap<>();
        for (Map.Entry<String, Table> g : Groups.split(measurements).entrySet()) {
            monitor.checkCanceled(); // per cell: the particle filter path has no check of its own
            results.put(g.getKey(), estimateOne(g.getValue(), p, monitor));
        }
        return Groups.stack(measurements.name() + " RUL", Groups.groupColumn(measurements), results);
    }

    /** One cell. */
    private Table estimateOne(Table m, Parameters p, ProgressMonitor monitor) throws Exception {
        double[] raw = Columns.require(m, "capacity", "capacity");
        double[] rawCycle = m.find("cycle").isPresent() ? Columns.doubles(m, "cycle") : null;
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] > 0) {
                kept.add(new double[] { rawCycle == null ? i + 1 : rawCycle[i], raw[i] });
            }
        }
        int n = kept.size();
        int start = (int) (p.has("startCycle") ? p.integer("startCycle") : 20);
        int every = (int) Math.max(1, p.has("every") ? p.integer("every") : 1);
        if (n < Math.max(start, 5)) {
            throw new DataException(m.name(), "column capacity", "has " + n + " positive capacities; at least "
                    + Math.max(start, 5) + " (startCycle) are needed before the first prediction");
        }
        double[] cycle = new double[n];
        double[] cap = new double[n];
        for (int i = 0; i < n; i++) {
            cycle[i] = kept.get(i)[0];
            cap[i] = kept.get(i)[1];
        }
        double thresholdAh = p.has("thresholdAh") ? p.number("thresholdAh") : 0;
        if (!(thresholdAh > 0)) {
            thresholdAh = (p.has("threshold") ? p.number("threshold") : 0.7) * cap[0];
        }
        int horizon = (int) (p.has("horizon") ? p.integer("horizon") : 500);
        long seed = p.has("seed") ? p.integer("seed") : 42;
        String method = p.has("method") ? p.string("method") : "particleFilter";
        List<Integer> at = new ArrayList<>();
        for (int i = Math.max(start, 5) - 1; i < n; i += every) {
            at.add(i);
        }
        int[] idx = at.stream().mapToInt(Integer::intValue).toArray();
        List<EolPrediction> preds;
        try {
            preds = predict(method, p, cycle, cap, idx, thresholdAh, horizon, seed, monitor);
        } catch (org.hipparchus.exception.MathRuntimeException | ArithmeticException e) {
            // a fade curve the model cannot fit (e.g. capacities that rise throughout) is a data problem
            throw new DataException(m.name(), "column capacity", "the " + method + " could not fit the capacity fade: "
                    + e.getMessage(), e);
        }
        int k = preds.size();
        double[][] cols = new double[7][k];
        for (int j = 0; j < k; j++) {
            EolPrediction e = preds.get(j);
            cols[0][j] = cycle[idx[j]];
            cols[1][j] = cap[idx[j]];
            cols[2][j] = e.median();
            cols[3][j] = e.p05();
            cols[4][j] = e.p95();
            cols[5][j] = e.rulMedian();
            cols[6][j] = e.reachedShare();
        }
        return new Table(m.name() + " RUL", List.of(
                new DoubleColumn("cycle", "", Role.TIME, cols[0]),
                new DoubleColumn("capacity", "Ah", cols[1]),
                new DoubleColumn("eol_median", "cycle", cols[2]),
                new DoubleColumn("eol_p05", "cycle", cols[3]),
                new DoubleColumn("eol_p95", "cycle", cols[4]),
                new DoubleColumn("rul_median", "cycle", cols[5]),
                new DoubleColumn("reached_share", "", cols[6])));
    }

    private static List<EolPrediction> predict(String method, Parameters p, double[] cycle, double[] cap, int[] idx,
            double thresholdAh, int horizon, long seed, ProgressMonitor monitor) {
        switch (method) {
            case "particleFilter" -> {
                int particles = (int) (p.has("particles") ? p.integer("particles") : 2000);
                double sigma = p.has("observationNoise") ? p.number("observationNoise") : 0.01;
                double walk = p.has("processNoise") ? p.number("processNoise") : 0.01;
                return new ParticleFilterRul(particles, 0, 0.2, sigma, walk, horizon, seed)
                        .predict(cycle, cap, idx, thresholdAh);
            }
            case "gaussianProcess" -> {
                GaussianProcessRul gp = new GaussianProcessRul(1, 1000, horizon, seed);
                List<EolPrediction> preds = new ArrayList<>();
                monitor.begin("GP RUL", idx.length);
                for (int i : idx) {
                    monitor.checkCanceled();
                    preds.add(gp.predict(cycle, cap, i + 1, thresholdAh));
                    monitor.worked(1);
                }
                return preds;
            }
            default -> throw new IllegalArgumentException("method must be particleFilter or gaussianProcess, got '"
                    + method + "'");
        }
    }
}

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
 * State estimator {@code org.nernst.estimation.soh}: state of health per cycle from capacity and
 * resistance tracking. Its "samples" are cycles, so its time column is {@code cycle}.
 * <p>
 * Input either a per-cycle table with a {@code capacity} column (e.g. the NASA reader's cycles, whose
 * charge and impedance rows have no capacity and are skipped), or a cycler time series with
 * {@code test_time}/{@code time}, {@code current}, {@code voltage} and {@code cycle}: the capacity of
 * a cycle is then the charge it discharged (current negative), and its resistance the median ΔV/ΔI
 * at current steps ({@link StepResistance}).
 */
public final class SohEstimator implements StateEstimator {

    @Override
    public List<String> stateNames() {
        return List.of("soh", "soh_trend", "resistance", "resistance_growth");
    }

    @Override
    public Table estimate(Table measurements, Parameters p, ProgressMonitor monitor) throws Exception {
        Map<String, Table> results = new LinkedHashMap<>();
        for (Map.Entry<String, Table> g : Groups.split(measurements).entrySet()) {
            results.put(g.getKey(), estimateOne(g.getValue(), p, monitor));
        }
        return Groups.stack(measurements.name() + " SOH", Groups.groupColumn(measurements), results);
    }

    /** One cell. */
    private Table estimateOne(Table m, Parameters p, ProgressMonitor monitor) throws Exception {
        double nominal = p.has("nominalCapacity") ? p.number("nominalCapacity") : 0;
        double half = p.has("window") ? p.number("window") : 10;
        double minStep = p.has("minStep") ? p.number("minStep") : 0.5;
        double maxDt = p.has("maxStepInterval") ? p.number("maxStepInterval") : 15;
        Map<Long, double[]> rows = new LinkedHashMap<>(); // cycle → {capacity, resistance}
        if (m.find("capacity").isPresent()) {
            double[] cap = Columns.doubles(m, "capacity");
            double[] cyc = m.find("cycle").isPresent() ? Columns.doubles(m, "cycle") : null;
            for (int i = 0; i < cap.length; i++) {
                if (cap[i] > 0) {
                    rows.put(cyc == null ? i + 1L : (long) cyc[i], new double[] { cap[i], Double.NaN });
                }
            }
        } else {
            double[] t = Columns.require(m, "time", "test_time", "time");
            double[] i = Columns.require(m, "current", "current");
            double[] v = Columns.require(m, "voltage", "voltage");
            double[] c = Columns.require(m, "cycle", "cycle");
            Map<Long, Double> discharged = new LinkedHashMap<>();
            for (int k = 1; k < t.length; k++) {
                monitor.checkCanceled();
                double dt = t[k] - t[k - 1];
                if (c[k] == c[k - 1] && dt > 0 && i[k] < 0) {
                    discharged.merge((long) c[k], -i[k] * dt / 3600.0, Double::sum);
                }
            }
            double max = discharged.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            Map<Long, Double> resistance = new LinkedHashMap<>();
            for (StepResistance.CycleResistance r : StepResistance.perCycle(t, i, v, c, minStep, maxDt)) {
                resistance.put(r.cycle(), r.ohm());
            }
            java.util.TreeSet<Long> cycles = new java.util.TreeSet<>(resistance.keySet());
            // a cycle that discharged under 5 % of the largest is a charge or a check-up, not a capacity test
            discharged.forEach((k, q) -> {
                if (q >= 0.05 * max) {
                    cycles.add(k);
                }
            });
            for (long k : cycles) {
                Double q = discharged.get(k);
                rows.put(k, new double[] { q != null && q >= 0.05 * max ? q : Double.NaN,
                        resistance.getOrDefault(k, Double.NaN) });
            }
        }
        if (rows.isEmpty()) {
            throw new DataException(m.name(), "all rows", "no cycle with a positive capacity or a current step");
        }
        int n = rows.size();
        double[] cycle = new double[n];
        double[] cap = new double[n];
        double[] res = new double[n];
        int r = 0;
        for (Map.Entry<Long, double[]> e : rows.entrySet()) {
            cycle[r] = e.getKey();
            cap[r] = e.getValue()[0];
            res[r] = e.getValue()[1];
            r++;
        }
        double[] soh = new double[n];
        double[] trend = new double[n];
        java.util.Arrays.fill(soh, Double.NaN);
        java.util.Arrays.fill(trend, Double.NaN);
        List<Integer> withCap = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (Double.isFinite(cap[k])) {
                withCap.add(k);
            }
        }
        if (!withCap.isEmpty()) {
            double[] cc = withCap.stream().mapToDouble(k -> cycle[k]).toArray();
            double[] qq = withCap.stream().mapToDouble(k -> cap[k]).toArray();
            SohTrack track = SohTrack.of(cc, qq, nominal, half);
            for (int k = 0; k < cc.length; k++) {
                soh[withCap.get(k)] = track.soh()[k];
                trend[withCap.get(k)] = track.trend()[k];
            }
        }
        double r0 = firstMedian(res, 3);
        double[] growth = new double[n];
        for (int k = 0; k < n; k++) {
            growth[k] = res[k] / r0;
        }
        return new Table(m.name() + " SOH", List.of(
                new DoubleColumn("cycle", "", Role.TIME, cycle),
                new DoubleColumn("capacity", "Ah", cap),
                new DoubleColumn("soh", "", soh),
                new DoubleColumn("soh_trend", "", trend),
                new DoubleColumn("resistance", "Ω", res),
                new DoubleColumn("resistance_growth", "", growth)));
    }

    /** Median of the first {@code count} finite values: the reference resistance of the new cell. */
    private static double firstMedian(double[] v, int count) {
        double[] f = java.util.Arrays.stream(v).filter(Double::isFinite).limit(count).sorted().toArray();
        return f.length == 0 ? Double.NaN : f[f.length / 2];
    }
}

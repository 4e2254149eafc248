package org.nernst.features.lifetime;

import java.util.ArrayList;
import java.util.List;

import org.nernst.core.node.DataException;
import org.nernst.core.table.Column;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;

/**
 * Incremental capacity (dQ/dV) of discharges, a standard SOH signature: Q(V) on a voltage grid
 * (from {@link DischargeCurves}), smoothed with a Gaussian kernel of a given width in volts, then
 * differentiated by central differences and sign-flipped so discharge peaks are positive
 * ({@code ic = −dQ/dV}, Ah/V). Peaks are local maxima of the smoothed curve; the highest ones give
 * the features {@code peak<k>_voltage} and {@code peak<k>_height} (ordered by voltage, high to
 * low), plus the maximum and its voltage. Peaks shift and shrink as a cell loses lithium inventory
 * and active material.
 *
 * @since 0.1
 */
public final class IncrementalCapacity {
    private final double vHigh, vLow, smoothing;
    private final int points, peaks;
    private final String timeColumn;

    public IncrementalCapacity(double vHigh, double vLow, int points, double smoothing, int peaks) {
        this(vHigh, vLow, points, smoothing, peaks, "test_time");
    }

    public IncrementalCapacity(double vHigh, double vLow, int points, double smoothing, int peaks, String timeColumn) {
        this.timeColumn = timeColumn;
        this.vHigh = vHigh;
        this.vLow = vLow;
        this.points = points;
        this.smoothing = smoothing;
        this.peaks = peaks;
    }

    /** Per cell and cycle: {@code curves} (cell, cycle, voltage, ic) and {@code features}. */
    public record Result(Table curves, Table features) {
    }

    public Result compute(Table ts, List<Integer> cycles) throws DataException {
        Table q = new DischargeCurves(vHigh, vLow, points, timeColumn).compute(ts, cycles);
        int cells = q.rowCount() / points;
        double[] grid = new double[points];
        for (int r = 0; r < points; r++) {
            grid[r] = q.doubles("voltage")[r];
        }
        double dv = Math.abs(grid[1] - grid[0]);
        List<String> curveCell = new ArrayList<>(), featureCell = new ArrayList<>();
        List<Double> curveCycle = new ArrayList<>(), curveV = new ArrayList<>(), curveIc = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (Column col : q.columns()) {
            if (!col.name().startsWith("q_")) {
                continue;
            }
            int cycle = Integer.parseInt(col.name().substring(2));
            double[] all = q.doubles(col.name());
            for (int c = 0; c < cells; c++) {
                double[] qv = java.util.Arrays.copyOfRange(all, c * points, (c + 1) * points);
                if (Double.isNaN(qv[0])) {
                    continue; // this cell has no discharge in this cycle
                }
                double[] ic = derivative(smooth(qv, smoothing / dv), dv);
                String cell = q.column("cell").format(c * points);
                for (int r = 0; r < points; r++) {
                    curveCell.add(cell);
                    curveCycle.add((double) cycle);
                    curveV.add(grid[r]);
                    curveIc.add(ic[r]);
                }
                featureCell.add(cell);
                rows.add(features(cycle, grid, ic));
            }
        }
        Table curves = new Table(ts.name() + "-ic", List.of(new StringColumn("cell", Role.GROUP, curveCell.toArray(String[]::new)),
                col("cycle", "", curveCycle), col("voltage", "V", curveV), col("ic", "Ah/V", curveIc)));
        List<Column> fc = new ArrayList<>();
        fc.add(new StringColumn("cell", Role.GROUP, featureCell.toArray(String[]::new)));
        List<String> names = new ArrayList<>(List.of("cycle", "ic_max", "ic_max_voltage"));
        for (int k = 1; k <= peaks; k++) {
            names.add("peak" + k + "_voltage");
            names.add("peak" + k + "_height");
        }
        for (int j = 0; j < names.size(); j++) {
            double[] v = new double[rows.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = rows.get(i)[j];
            }
            String unit = names.get(j).endsWith("voltage") ? "V" : names.get(j).equals("cycle") ? "" : "Ah/V";
            fc.add(new DoubleColumn(names.get(j), unit, j == 0 ? Role.NONE : Role.FEATURE, v));
        }
        return new Result(curves, new Table(ts.name() + "-ic-features", fc));
    }

    private double[] features(int cycle, double[] grid, double[] ic) {
        double[] out = new double[3 + 2 * peaks];
        java.util.Arrays.fill(out, Double.NaN);
        out[0] = cycle;
        int best = 0;
        for (int r = 1; r < ic.length; r++) {
            if (ic[r] > ic[best]) {
                best = r;
            }
        }
        out[1] = ic[best];
        out[2] = grid[best];
        List<Integer> maxima = new ArrayList<>();
        for (int r = 1; r + 1 < ic.length; r++) {
            if (ic[r] > ic[r - 1] && ic[r] >= ic[r + 1] && ic[r] > 0.05 * ic[best]) {
                maxima.add(r);
            }
        }
        maxima.sort((a, b) -> Double.compare(ic[b], ic[a]));
        List<Integer> top = new ArrayList<>(maxima.subList(0, Math.min(peaks, maxima.size())));
        top.sort((a, b) -> Double.compare(grid[b], grid[a]));
        for (int k = 0; k < top.size(); k++) {
            out[3 + 2 * k] = grid[top.get(k)];
            out[4 + 2 * k] = ic[top.get(k)];
        }
        return out;
    }

    /** Gaussian smoothing with a width of {@code sigma} grid steps (0 = none); edges renormalised. */
    static double[] smooth(double[] y, double sigma) {
        if (sigma <= 0) {
            return y.clone();
        }
        int half = (int) Math.ceil(3 * sigma);
        double[] w = new double[2 * half + 1];
        for (int k = -half; k <= half; k++) {
            w[k + half] = Math.exp(-0.5 * k * k / (sigma * sigma));
        }
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double s = 0, ws = 0;
            for (int k = -half; k <= half; k++) {
                int j = i + k;
                if (j >= 0 && j < y.length) {
                    s += w[k + half] * y[j];
                    ws += w[k + half];
                }
            }
            out[i] = s / ws;
        }
        return out;
    }

    /** −dQ/dV on a grid descending in steps of {@code dv} volts: central differences, one-sided at the ends. */
    static double[] derivative(double[] q, double dv) {
        int n = q.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - 1), b = Math.min(n - 1, i + 1);
            out[i] = (q[b] - q[a]) / ((b - a) * dv);
        }
        return out;
    }

    private static DoubleColumn col(String name, String unit, List<Double> v) {
        return new DoubleColumn(name, unit, Role.NONE, v.stream().mapToDouble(Double::doubleValue).toArray());
    }
}

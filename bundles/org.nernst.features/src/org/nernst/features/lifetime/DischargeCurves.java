package org.nernst.features.lifetime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.nernst.core.node.DataException;
import org.nernst.core.table.Column;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;

/**
 * Discharge capacity as a function of voltage, Q(V), of chosen cycles of any cycler time series in
 * the canonical layout, on a common linear voltage grid — the {@code Qdlin} curves of Severson et
 * al. 2019, so {@link EarlyLifeFeatures} runs on raw cycler data as on the published arrays. For
 * each cell and cycle the discharge samples (current below zero) are taken in order; capacity is the
 * file's {@code discharge_capacity} relative to its value at the start of the discharge, or else the
 * integrated current; Q at each grid voltage is interpolated linearly along the discharge (voltage
 * falling), using the first crossing; grid voltages the discharge never reached get the capacity at
 * its end (above the start voltage: 0).
 *
 * @since 0.1
 */
public final class DischargeCurves {
    private final double vHigh, vLow;
    private final int points;
    private final String timeColumn;

    public DischargeCurves(double vHigh, double vLow, int points) {
        this(vHigh, vLow, points, "test_time");
    }

    /** @param timeColumn the time column (s); {@code test_time} in the cycler layout, {@code time} in NASA's */
    public DischargeCurves(double vHigh, double vLow, int points, String timeColumn) {
        this.vHigh = vHigh;
        this.vLow = vLow;
        this.points = points;
        this.timeColumn = timeColumn;
    }

    public Table compute(Table ts, List<Integer> cycles) throws DataException {
        for (String need : List.of("cycle", timeColumn, "current", "voltage")) {
            if (ts.find(need).isEmpty()) {
                throw new DataException(ts.name(), "column '" + need + "'", "not found; discharge curves need cycle, "
                        + timeColumn + ", current and voltage (the cycler connectors' layout); the table has " + ts.columnNames());
            }
        }
        Column cellCol = ts.find("cell").orElse(null);
        double[] cycle = ts.doubles("cycle"), time = ts.doubles(timeColumn), current = ts.doubles("current"),
                voltage = ts.doubles("voltage");
        double[] qd = ts.find("discharge_capacity").isPresent() ? ts.doubles("discharge_capacity") : null;
        Map<String, TreeMap<Integer, List<double[]>>> samples = new LinkedHashMap<>();
        for (int i = 0; i < ts.rowCount(); i++) {
            int c = (int) cycle[i];
            if (Double.isNaN(cycle[i]) || !cycles.contains(c) || !(current[i] < 0)) {
                continue;
            }
            String cell = cellCol == null ? ts.name() : cellCol.format(i);
            samples.computeIfAbsent(cell, k -> new TreeMap<>()).computeIfAbsent(c, k -> new ArrayList<>())
                    .add(new double[] { time[i], current[i], voltage[i], qd == null ? Double.NaN : qd[i] });
        }
        if (samples.isEmpty()) {
            throw new DataException(ts.name(), "", "no discharge samples (current < 0) in cycles " + cycles);
        }
        int n = samples.size() * points;
        String[] cell = new String[n];
        double[] grid = new double[n];
        Map<Integer, double[]> q = new TreeMap<>();
        for (int c : cycles) {
            double[] col = new double[n];
            java.util.Arrays.fill(col, Double.NaN);
            q.put(c, col);
        }
        int block = 0;
        for (Map.Entry<String, TreeMap<Integer, List<double[]>>> e : samples.entrySet()) {
            for (int r = 0; r < points; r++) {
                cell[block * points + r] = e.getKey();
                grid[block * points + r] = vHigh + (vLow - vHigh) * r / (points - 1);
            }
            for (Map.Entry<Integer, List<double[]>> ce : e.getValue().entrySet()) {
                double[] curve = curve(ce.getValue());
                System.arraycopy(curve, 0, q.get(ce.getKey()), block * points, points);
            }
            block++;
        }
        List<Column> cols = new ArrayList<>();
        cols.add(new StringColumn("cell", Role.GROUP, cell));
        cols.add(new DoubleColumn("voltage", "V", Role.NONE, grid));
        q.forEach((c, v) -> cols.add(new DoubleColumn("q_" + c, "Ah", Role.NONE, v)));
        return new Table(ts.name() + "-discharge-curves", cols);
    }

    /** Q on the grid for one discharge: samples are {time, current, voltage, cumulative Qd or NaN}. */
    private double[] curve(List<double[]> s) {
        int m = s.size();
        double[] cap = new double[m];
        boolean measured = !Double.isNaN(s.get(0)[3]);
        for (int k = 1; k < m; k++) {
            cap[k] = measured ? s.get(k)[3] - s.get(0)[3]
                    : cap[k - 1] + Math.max(0, s.get(k)[0] - s.get(k - 1)[0]) * -(s.get(k)[1] + s.get(k - 1)[1]) / 2 / 3600;
        }
        double[] out = new double[points];
        int k = 0;
        for (int r = 0; r < points; r++) {
            double v = vHigh + (vLow - vHigh) * r / (points - 1);
            if (v >= s.get(0)[2]) {
                out[r] = 0;
                continue;
            }
            while (k + 1 < m && s.get(k + 1)[2] > v) {
                k++;
            }
            if (k + 1 >= m) {
                out[r] = cap[m - 1];
                continue;
            }
            double v0 = s.get(k)[2], v1 = s.get(k + 1)[2];
            double f = v0 == v1 ? 0 : (v0 - v) / (v0 - v1);
            out[r] = cap[k] + f * (cap[k + 1] - cap[k]);
        }
        return out;
    }
}

package org.nernst.features.cycling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.nernst.core.node.DataException;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Column;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.core.table.TableBuilder;

/**
 * Turns each cell's discharge cycles into one row of features beside the measured capacity and
 * SOH (capacity over the cell's first valid capacity). Invalid cycles (empty or implausible
 * capacity, too few samples, a voltage that never reaches the threshold, an erratic capacity far
 * from its neighbours) are excluded, listed with the reason in the {@code excluded} output, and
 * counted in a warning: never dropped silently.
 *
 * @since 0.1
 */
public final class DischargeCycleFeaturizer implements Node {

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Parameters p = c.parameters();
        Table cycles = c.input("cycles", Table.class);
        Table ts = c.input("timeseries", Table.class);
        double threshold = p.number("voltageThreshold");
        double window = p.number("initialWindow");
        double minCapacity = p.number("minCapacity");
        int minSamples = (int) p.integer("minSamples");
        double outlier = p.number("outlierFraction");

        Map<String, int[]> spans = spans(ts);
        Column cell = need(cycles, "cell"), cycle = need(cycles, "cycle"), type = need(cycles, "type"),
                capacity = need(cycles, "capacity"), ambient = need(cycles, "ambient_temperature");
        double[] time = ts.doubles(need(ts, "time").name()), volt = ts.doubles(need(ts, "voltage").name()),
                temp = ts.doubles(need(ts, "temperature").name());

        record Row(String cell, long cycle, long index, double ambient, double capacity, CurveFeatures.Values f) {
        }
        Map<String, List<Row>> byCell = new LinkedHashMap<>();
        TableBuilder excluded = new TableBuilder("excluded cycles").stringColumn("cell", Role.GROUP)
                .longColumn("cycle", "", Role.NONE).doubleColumn("capacity", "Ah", Role.NONE)
                .stringColumn("reason", Role.NONE);
        Map<String, Integer> reasons = new TreeMap<>();
        int discharges = 0;
        Map<String, Long> index = new HashMap<>();
        for (int r = 0; r < cycles.rowCount(); r++) {
            if (!"discharge".equals(type.format(r))) {
                continue;
            }
            c.monitor().checkCanceled();
            discharges++;
            String cl = cell.format(r);
            long cy = (long) cycle.asDouble(r);
            long di = index.merge(cl, 1L, Long::sum);
            double cap = capacity.asDouble(r);
            int[] span = spans.get(cl + "#" + cy);
            String reason = null;
            CurveFeatures.Values f = null;
            if (Double.isNaN(cap)) {
                reason = "capacity field is empty";
            } else if (cap < minCapacity) {
                reason = String.format(Locale.ROOT, "capacity %.3f Ah is below minCapacity %.3f Ah", cap, minCapacity);
            } else if (span == null || span[1] - span[0] < minSamples) {
                reason = "only " + (span == null ? 0 : span[1] - span[0]) + " voltage samples (minSamples " + minSamples + ")";
            } else {
                f = CurveFeatures.of(Arrays.copyOfRange(time, span[0], span[1]), Arrays.copyOfRange(volt, span[0], span[1]),
                        Arrays.copyOfRange(temp, span[0], span[1]), threshold, window);
                if (Double.isNaN(f.timeToThreshold())) {
                    reason = String.format(Locale.ROOT, "voltage never fell below %.2f V", threshold);
                } else if (!f.allFinite()) {
                    reason = "a feature is undefined (" + f.undefined() + "): too few samples in a window or missing "
                            + "temperatures";
                }
            }
            if (reason != null) {
                exclude(excluded, reasons, cl, cy, cap, reason);
            } else {
                byCell.computeIfAbsent(cl, k -> new ArrayList<>()).add(new Row(cl, cy, di, ambient.asDouble(r), cap, f));
            }
        }

        TableBuilder out = new TableBuilder("discharge cycle features").stringColumn("cell", Role.GROUP)
                .longColumn("cycle", "", Role.TIME).longColumn("discharge", "", Role.NONE)
                .doubleColumn("ambient_temperature", "°C", Role.FEATURE)
                .doubleColumn("time_to_threshold", "s", Role.FEATURE)
                .doubleColumn("voltage_slope", "V/s", Role.FEATURE)
                .doubleColumn("initial_voltage_slope", "V/s", Role.FEATURE)
                .doubleColumn("max_temperature", "°C", Role.FEATURE)
                .doubleColumn("time_to_max_temperature", "s", Role.FEATURE)
                .doubleColumn("temperature_slope", "°C/s", Role.FEATURE)
                .doubleColumn("duration", "s", Role.NONE)
                .doubleColumn("capacity", "Ah", Role.TARGET)
                .doubleColumn("soh", "", Role.NONE);
        for (List<Row> rows : byCell.values()) {
            double[] caps = rows.stream().mapToDouble(Row::capacity).toArray();
            boolean[] keep = new boolean[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                double med = neighbourMedian(caps, i, 2);
                keep[i] = Double.isNaN(med) || Math.abs(caps[i] - med) <= outlier * med;
                if (!keep[i]) {
                    Row x = rows.get(i);
                    exclude(excluded, reasons, x.cell(), x.cycle(), x.capacity(), String.format(Locale.ROOT,
                            "capacity %.3f Ah deviates %.0f %% from the median %.3f Ah of its neighbours (outlierFraction %.2f)",
                            x.capacity(), 100 * Math.abs(caps[i] - med) / med, med, outlier));
                }
            }
            double first = Double.NaN;
            for (int i = 0; i < rows.size(); i++) {
                if (!keep[i]) {
                    continue;
                }
                Row x = rows.get(i);
                if (Double.isNaN(first)) {
                    first = x.capacity();
                }
                CurveFeatures.Values f = x.f();
                out.set(0, x.cell()).set(1, x.cycle()).set(2, x.index()).set(3, x.ambient()).set(4, f.timeToThreshold())
                        .set(5, f.voltageSlope()).set(6, f.initialVoltageSlope()).set(7, f.maxTemperature())
                        .set(8, f.timeToMaxTemperature()).set(9, f.temperatureSlope()).set(10, f.duration())
                        .set(11, x.capacity()).set(12, x.capacity() / first).endRow();
            }
        }
        Table features = out.build();
        Table ex = excluded.build();
        if (ex.rowCount() > 0) {
            c.warn("excluded " + ex.rowCount() + " of " + discharges + " discharge cycles: " + reasons
                    + " (see output 'excluded')");
        }
        c.info(features.rowCount() + " valid discharge cycles of " + byCell.size() + " cells");
        return Map.of("features", features, "excluded", ex);
    }

    private static void exclude(TableBuilder b, Map<String, Integer> reasons, String cell, long cycle, double cap,
            String reason) {
        b.set(0, cell).set(1, cycle).set(2, cap).set(3, reason).endRow();
        reasons.merge(reason.replaceAll("[0-9.]+", "#").replaceAll("\\(.*\\)", "").trim(), 1, Integer::sum);
    }

    /** Median of the values within {@code k} places of {@code i}, excluding {@code i} itself. */
    static double neighbourMedian(double[] v, int i, int k) {
        List<Double> n = new ArrayList<>();
        for (int j = Math.max(0, i - k); j <= Math.min(v.length - 1, i + k); j++) {
            if (j != i) {
                n.add(v[j]);
            }
        }
        if (n.size() < 2) {
            return Double.NaN;
        }
        n.sort(null);
        int m = n.size();
        return m % 2 == 1 ? n.get(m / 2) : (n.get(m / 2 - 1) + n.get(m / 2)) / 2;
    }

    /** Row ranges [start, end) of each (cell, cycle) in a time-series table sorted by cell and cycle. */
    private static Map<String, int[]> spans(Table ts) throws DataException {
        Column cell = need(ts, "cell"), cycle = need(ts, "cycle"), type = need(ts, "type");
        Map<String, int[]> out = new HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int start = 0;
        for (int r = 1; r <= ts.rowCount(); r++) {
            if (r == ts.rowCount() || !cell.format(r).equals(cell.format(start))
                    || cycle.asDouble(r) != cycle.asDouble(start)) {
                String key = cell.format(start) + "#" + (long) cycle.asDouble(start);
                if (!seen.add(key)) {
                    throw new DataException(ts.name(), "row " + (start + 1), "the samples of cell " + cell.format(start)
                            + ", cycle " + (long) cycle.asDouble(start) + " are not in one block; sort the time series "
                            + "by cell and cycle");
                }
                if ("discharge".equals(type.format(start))) {
                    out.put(key, new int[] { start, r });
                }
                start = r;
            }
        }
        return out;
    }

    private static Column need(Table t, String name) throws DataException {
        return t.find(name).orElseThrow(() -> new DataException(t.name(), "column '" + name + "'",
                "not found; this featurizer expects the cycles and timeseries tables of a cycler connector, the table has "
                        + t.columnNames()));
    }
}

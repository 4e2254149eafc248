package org.nernst.features.lifetime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.nernst.core.node.DataException;
import org.nernst.core.table.Column;
import org.nernst.core.table.ColumnType;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;

/**
 * The early-life features of Severson et al. 2019 (Nature Energy 4, 383) from discharge-capacity
 * curves Q(V) on a common voltage grid: ΔQ(V) = Q_late(V) − Q_early(V) (cycles 100 and 10 by
 * default) summarised by the log10 of the absolute variance, minimum, skewness and kurtosis
 * (population moments, as MATLAB's defaults); the discharge capacity (Q at the lowest voltage of
 * the grid) of cycle 2 and the maximum over the early cycles minus it; and the slope and intercept
 * of a linear fit of capacity against cycle number over cycles 2 … late and the last ten.
 * <p>
 * Feature sets, as in the paper: {@code variance} = log variance of ΔQ alone; {@code discharge} =
 * the four ΔQ statistics, capacity at cycle 2 and max − cycle 2; {@code all} = every column here.
 * Capacity is Q at the lowest voltage of the grid; {@code capacity_cycle2} is that of the first
 * cycle on record (cycle 2 in the Severson curves) unless it is a glitch.
 * The charge-time, temperature and resistance features of the paper's "full" set need data these
 * curves do not hold.
 *
 * @since 0.1
 */
public final class EarlyLifeFeatures {
    public static final List<String> VARIANCE = List.of("dq_log_var");
    public static final List<String> DISCHARGE = List.of("dq_log_min", "dq_log_var", "dq_log_skew", "dq_log_kurt",
            "capacity_cycle2", "capacity_max_minus_cycle2");
    private static final List<String> ALL = List.of("dq_log_var", "dq_log_min", "dq_log_skew", "dq_log_kurt",
            "capacity_cycle2", "capacity_max_minus_cycle2", "fade_slope", "fade_intercept", "fade_slope_last10",
            "fade_intercept_last10");

    private final int early, late;
    private final double outlierFraction;
    private final List<String> featureSet;
    private final List<String> notes = new ArrayList<>();

    /**
     * @param outlierFraction a cycle whose capacity is further than this fraction from the median of
     *        the cell's cycles is a recording glitch (the Severson data holds cycles at ~31 Ah in 1.1 Ah
     *        cells) and is left out of the capacity features, with a note
     */
    public EarlyLifeFeatures(int early, int late, double outlierFraction, String featureSet) {
        this.early = early;
        this.late = late;
        this.outlierFraction = outlierFraction;
        this.featureSet = switch (featureSet) {
            case "variance" -> VARIANCE;
            case "discharge" -> DISCHARGE;
            default -> ALL;
        };
    }

    /**
     * @param curves one row per cell and voltage point: {@code cell}, {@code voltage}, {@code q_<cycle>}
     * @param cells optional per-cell table whose other columns (e.g. {@code cycle_life}, {@code split})
     *        are joined on {@code cell}; a {@code cycle_life} column adds the target {@code log10_cycle_life}
     */
    public Table compute(Table curves, Table cells) throws DataException {
        Column cellCol = need(curves, "cell");
        double[] voltage = need(curves, "voltage").type() == ColumnType.STRING ? null : curves.doubles("voltage");
        if (voltage == null) {
            throw new DataException(curves.name(), "column 'voltage'", "holds text; volts were expected");
        }
        TreeCycles cyc = TreeCycles.of(curves);
        double[] qEarly = curves.doubles(cyc.name(early)), qLate = curves.doubles(cyc.name(late));
        int first = cyc.first();
        Map<String, int[]> rowsByCell = new LinkedHashMap<>();
        for (int r = 0; r < curves.rowCount(); r++) {
            String c = cellCol.format(r);
            int[] span = rowsByCell.get(c);
            if (span == null) {
                rowsByCell.put(c, new int[] { r, r + 1 });
            } else if (span[1] == r) {
                span[1] = r + 1;
            } else {
                throw new DataException(curves.name(), "row " + (r + 1), "rows of cell '" + c
                        + "' are not together; the curves of one cell must be consecutive rows");
            }
        }
        int n = rowsByCell.size();
        double[][] f = new double[ALL.size()][n];
        String[] names = rowsByCell.keySet().toArray(String[]::new);
        List<double[]> capacityColumns = new ArrayList<>();
        for (int k = first; k <= late; k++) {
            if (cyc.has(k)) {
                capacityColumns.add(curves.doubles(cyc.name(k)));
            }
        }
        int c = 0;
        for (int[] span : rowsByCell.values()) {
            int m = span[1] - span[0];
            double[] dq = new double[m];
            int lowest = span[0];
            for (int r = span[0]; r < span[1]; r++) {
                dq[r - span[0]] = qLate[r] - qEarly[r];
                if (voltage[r] < voltage[lowest]) {
                    lowest = r;
                }
            }
            double mean = 0;
            for (double v : dq) {
                mean += v;
            }
            mean /= m;
            double m2 = 0, m3 = 0, m4 = 0, min = Double.POSITIVE_INFINITY;
            for (double v : dq) {
                double d = v - mean;
                m2 += d * d;
                m3 += d * d * d;
                m4 += d * d * d * d;
                min = Math.min(min, v);
            }
            m2 /= m;
            m3 /= m;
            m4 /= m;
            f[0][c] = Math.log10(Math.abs(m2));
            f[1][c] = Math.log10(Math.abs(min));
            f[2][c] = Math.log10(Math.abs(m3 / Math.pow(m2, 1.5)));
            f[3][c] = Math.log10(Math.abs(m4 / (m2 * m2)));
            double[] cap = new double[capacityColumns.size()];
            double[] cycleNo = new double[cap.length];
            int j = 0;
            for (int k = first; k <= late; k++) {
                if (cyc.has(k)) {
                    cap[j] = capacityColumns.get(j)[lowest];
                    cycleNo[j] = k;
                    j++;
                }
            }
            double[] sorted = cap.clone();
            java.util.Arrays.sort(sorted);
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            List<Double> keptCap = new ArrayList<>(), keptCycle = new ArrayList<>();
            StringBuilder dropped = new StringBuilder();
            for (int k = 0; k < cap.length; k++) {
                if (Math.abs(cap[k] - median) <= outlierFraction * Math.abs(median)) {
                    keptCap.add(cap[k]);
                    keptCycle.add(cycleNo[k]);
                } else {
                    dropped.append(dropped.length() == 0 ? "" : ", ").append((int) cycleNo[k]).append(" (")
                            .append(String.format(java.util.Locale.ROOT, "%.4g", cap[k])).append(" Ah)");
                }
            }
            if (dropped.length() > 0) {
                notes.add("cell " + names[c] + ": capacity of cycle " + dropped + " is more than "
                        + Math.round(outlierFraction * 100) + " % from the cell's median " + String.format(
                                java.util.Locale.ROOT, "%.4g", median) + " Ah; left out of the capacity features");
            }
            double[] kc = keptCap.stream().mapToDouble(Double::doubleValue).toArray();
            double[] kn = keptCycle.stream().mapToDouble(Double::doubleValue).toArray();
            double max = Double.NEGATIVE_INFINITY;
            for (double v : kc) {
                max = Math.max(max, v);
            }
            f[4][c] = kc.length > 0 ? kc[0] : Double.NaN;
            f[5][c] = max - f[4][c];
            double[] fit = line(kn, kc, 0, kc.length);
            f[6][c] = fit[0];
            f[7][c] = fit[1];
            double[] last = line(kn, kc, Math.max(0, kc.length - 10), kc.length);
            f[8][c] = last[0];
            f[9][c] = last[1];
            c++;
        }
        List<Column> cols = new ArrayList<>();
        cols.add(new StringColumn("cell", Role.GROUP, names));
        for (int k = 0; k < ALL.size(); k++) {
            String unit = k == 4 || k == 5 || k == 7 || k == 9 ? "Ah" : k == 6 || k == 8 ? "Ah/cycle" : "";
            cols.add(new DoubleColumn(ALL.get(k), unit, featureSet.contains(ALL.get(k)) ? Role.FEATURE : Role.NONE, f[k]));
        }
        Table out = new Table("early-life-features", cols);
        return cells == null ? out : join(out, cells);
    }

    /** What the last {@link #compute} left out, one line per cell. */
    public List<String> notes() {
        return notes;
    }

    private static double[] line(double[] x, double[] y, int from, int to) {
        double mx = 0, my = 0;
        int n = to - from;
        for (int i = from; i < to; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0;
        for (int i = from; i < to; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double slope = sxx == 0 ? Double.NaN : sxy / sxx;
        return new double[] { slope, my - slope * mx };
    }

    /** Adds the per-cell columns of {@code cells}; cycle life becomes the target in log10. */
    private static Table join(Table features, Table cells) throws DataException {
        Column key = need(cells, "cell");
        Map<String, Integer> at = new LinkedHashMap<>();
        for (int r = 0; r < cells.rowCount(); r++) {
            at.put(key.format(r), r);
        }
        int n = features.rowCount();
        int[] idx = new int[n];
        for (int r = 0; r < n; r++) {
            Integer i = at.get(features.column("cell").format(r));
            if (i == null) {
                throw new DataException(cells.name(), "column 'cell'", "has no row for cell '"
                        + features.column("cell").format(r) + "' of the curves");
            }
            idx[r] = i;
        }
        Table picked = cells.select(idx);
        Table out = features;
        for (Column col : picked.columns()) {
            if (!Set.of("cell").contains(col.name())) {
                out = out.with(col.withRole(Role.NONE));
            }
        }
        if (picked.find("cycle_life").isPresent()) {
            double[] life = picked.doubles("cycle_life");
            double[] log = new double[n];
            for (int r = 0; r < n; r++) {
                log[r] = Math.log10(life[r]);
            }
            out = out.with(new DoubleColumn("log10_cycle_life", "", Role.TARGET, log));
        }
        return out;
    }

    private static Column need(Table t, String name) throws DataException {
        return t.find(name).orElseThrow(() -> new DataException(t.name(), "column '" + name + "'",
                "not found; the table has " + t.columnNames()));
    }

    /** The {@code q_<cycle>} columns of a curves table. */
    private record TreeCycles(Table t, java.util.SortedSet<Integer> cycles) {
        static TreeCycles of(Table t) throws DataException {
            java.util.SortedSet<Integer> s = new java.util.TreeSet<>();
            for (String name : t.columnNames()) {
                if (name.matches("q_\\d+")) {
                    s.add(Integer.parseInt(name.substring(2)));
                }
            }
            if (s.isEmpty()) {
                throw new DataException(t.name(), "", "has no q_<cycle> columns (discharge capacity per cycle on a "
                        + "voltage grid); columns are " + t.columnNames());
            }
            return new TreeCycles(t, s);
        }

        boolean has(int cycle) {
            return cycles.contains(cycle);
        }

        int first() {
            return cycles.first();
        }

        String name(int cycle) throws DataException {
            if (!cycles.contains(cycle)) {
                throw new DataException(t.name(), "column 'q_" + cycle + "'", "not found; the curves cover cycles "
                        + cycles.first() + " to " + cycles.last());
            }
            return "q_" + cycle;
        }
    }
}

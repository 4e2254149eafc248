package org.nernst.charts.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.nernst.charts.XyPlotSpec;
import org.nernst.core.table.Column;
import org.nernst.core.table.ColumnType;
import org.nernst.core.table.Table;

/**
 * The numbers of one panel, rows sorted by x.
 *
 * @param label the facet value, or empty for an unfaceted plot
 * @param x horizontal values
 * @param y one array per y column, aligned with {@code x}
 * @param std the band column aligned with {@code x}, or {@code null} without a band
 */
public record PanelData(String label, double[] x, double[][] y, double[] std) {

    /** Checks the spec's columns against the table and splits its rows into panels. */
    public static List<PanelData> split(Table t, XyPlotSpec s) {
        double[] x = numbers(t, "x", s.x());
        double[][] ys = new double[s.y().size()][];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = numbers(t, "y", s.y().get(i));
        }
        double[] std = s.band().isEmpty() ? null : numbers(t, "band", s.band());
        Column facet = s.facet().isEmpty() ? null : column(t, "facet", s.facet());
        if (t.rowCount() == 0) {
            throw new IllegalArgumentException("table '" + t.name() + "' has no rows to plot");
        }
        // Keys are registered in table order first so panels follow the table, not the x order.
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            groups.computeIfAbsent(key(facet, r), k -> new ArrayList<>());
        }
        IntStream.range(0, t.rowCount()).boxed().sorted(Comparator.comparingDouble(r -> x[r]))
                .forEach(r -> groups.get(key(facet, r)).add(r));
        List<PanelData> panels = new ArrayList<>(groups.size());
        groups.forEach((label, rows) -> {
            int[] idx = rows.stream().mapToInt(Integer::intValue).toArray();
            double[][] py = new double[ys.length][];
            for (int i = 0; i < ys.length; i++) {
                py[i] = pick(ys[i], idx);
            }
            panels.add(new PanelData(label, pick(x, idx), py, std == null ? null : pick(std, idx)));
        });
        return panels;
    }

    private static String key(Column facet, int row) {
        if (facet == null) {
            return "";
        }
        String v = facet.format(row);
        return v.isEmpty() ? "(missing)" : v;
    }

    private static double[] pick(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    /** The column a parameter names, or an error naming both and listing what the table has. */
    public static Column column(Table t, String parameter, String name) {
        return t.find(name).orElseThrow(() -> new IllegalArgumentException("parameter '" + parameter
                + "': table '" + t.name() + "' has no column '" + name + "'; its columns are " + t.columnNames()));
    }

    private static double[] numbers(Table t, String parameter, String name) {
        if (column(t, parameter, name).type() == ColumnType.STRING) {
            throw new IllegalArgumentException("parameter '" + parameter + "': column '" + name + "' of table '"
                    + t.name() + "' holds text, a numeric column is needed");
        }
        return t.doubles(name);
    }
}

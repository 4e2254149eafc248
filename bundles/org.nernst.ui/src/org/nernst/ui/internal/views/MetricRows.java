package org.nernst.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nernst.core.node.Metrics;

/**
 * A {@link Metrics} result flattened into table rows (section, metric, value, unit). Metrics carry
 * no units of their own; the errors of a regression are in the unit of its target, which the
 * caller looks up in the node's table output.
 */
public final class MetricRows {

    /** One line of the metrics table. */
    public record Row(String section, String metric, String value, String unit) {
    }

    private MetricRows() {
    }

    /**
     * @param targetUnit the unit of the evaluated target (e.g. {@code Ah}), empty if unknown
     */
    public static List<Row> of(Metrics m, String targetUnit) {
        List<Row> rows = new ArrayList<>();
        add(rows, "", m.values(), targetUnit);
        return rows;
    }

    private static void add(List<Row> rows, String section, Map<?, ?> values, String targetUnit) {
        // plain values of a section first, then its subsections, so "overall" reads before per-cell rows
        for (Map.Entry<?, ?> e : values.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?>)) {
                String name = String.valueOf(e.getKey());
                rows.add(new Row(section, name, format(e.getValue()), unit(name, e.getValue(), targetUnit)));
            }
        }
        for (Map.Entry<?, ?> e : values.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> sub) {
                add(rows, section.isEmpty() ? String.valueOf(e.getKey()) : section + "/" + e.getKey(), sub, targetUnit);
            }
        }
    }

    /** The unit of a metric by its name: errors in the target's unit, percentages in %, the rest none. */
    public static String unit(String metric, Object value, String targetUnit) {
        if (!(value instanceof Number)) {
            return "";
        }
        return switch (metric) {
            case "rmse", "mae", "max_abs_error", "bias", "std", "mean_error" -> targetUnit;
            case "mape_percent" -> "%";
            case "n", "folds" -> "count";
            case "r2" -> "1";
            default -> metric.endsWith("_percent") ? "%" : "";
        };
    }

    static String format(Object v) {
        if (v instanceof Double || v instanceof Float) {
            return TableResultView.display(((Number) v).doubleValue());
        }
        return String.valueOf(v);
    }
}

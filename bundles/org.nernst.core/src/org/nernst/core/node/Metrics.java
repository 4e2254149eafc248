package org.nernst.core.node;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named results of an evaluation, nested by section (e.g. {@code overall}, {@code groups/B0025}),
 * written as JSON. Values are numbers, strings or nested maps.
 *
 * @param title what was evaluated
 * @param values the sections, in insertion order
 * @since 0.1
 */
public record Metrics(String title, Map<String, Object> values) {
    public Metrics {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A number in a section, e.g. {@code get("overall", "rmse")}; NaN if absent. */
    public double get(String... path) {
        Object v = values;
        for (String p : path) {
            if (!(v instanceof Map<?, ?> m) || !m.containsKey(p)) {
                return Double.NaN;
            }
            v = m.get(p);
        }
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}

package org.nernst.features.composition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Magpie-style composition descriptors: for each element property, its fraction-weighted mean,
 * average absolute deviation from that mean, minimum, maximum, range and mode (the value of the
 * most abundant element; ties go to the element written first) over the elements of a formula.
 *
 * @since 0.1
 */
public final class CompositionFeatures {
    public static final List<String> STATISTICS = List.of("mean", "avg_dev", "min", "max", "range", "mode");

    private final ElementProperties table;
    /** Elements met without a value, per property, for the run's warning. */
    private final Map<String, TreeSet<String>> missing = new java.util.LinkedHashMap<>();

    public CompositionFeatures(ElementProperties table) {
        this.table = table;
    }

    /** Feature names in the order {@link #compute} returns them. */
    public List<String> names(String prefix) {
        List<String> out = new ArrayList<>();
        for (String p : table.properties()) {
            for (String s : STATISTICS) {
                out.add(prefix + p + "_" + s);
            }
        }
        return out;
    }

    public double[] compute(Formula f) {
        Map<Integer, Double> frac = f.fractions();
        List<String> props = table.properties();
        double[] out = new double[props.size() * STATISTICS.size()];
        int k = 0;
        for (String p : props) {
            double mean = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, mode = Double.NaN, top = -1;
            boolean complete = true;
            for (Map.Entry<Integer, Double> e : frac.entrySet()) {
                double v = table.value(p, e.getKey());
                if (Double.isNaN(v)) {
                    complete = false;
                    missing.computeIfAbsent(p, x -> new TreeSet<>()).add(Formula.SYMBOLS.get(e.getKey()));
                    continue;
                }
                mean += e.getValue() * v;
                min = Math.min(min, v);
                max = Math.max(max, v);
                if (e.getValue() > top) {
                    top = e.getValue();
                    mode = v;
                }
            }
            double dev = 0;
            for (Map.Entry<Integer, Double> e : frac.entrySet()) {
                dev += e.getValue() * Math.abs(table.value(p, e.getKey()) - mean);
            }
            double[] stats = complete ? new double[] { mean, dev, min, max, max - min, mode }
                    : new double[] { Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN };
            System.arraycopy(stats, 0, out, k, stats.length);
            k += stats.length;
        }
        return out;
    }

    /** Per property, the elements the table had no value for (their descriptors are NaN). */
    public Map<String, TreeSet<String>> missing() {
        return missing;
    }
}

package org.nernst.core.ml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.nernst.core.node.ParameterSpec;
import org.nernst.core.node.ParameterType;

/**
 * Hyperparameter candidates over an estimator's {@link ParameterSpec}s, for grid or random search.
 * <p>
 * Written as entries separated by {@code ;}, each one of:
 * <ul>
 * <li>{@code name=a|b|c} — these values;</li>
 * <li>{@code name=lo..hi} — a numeric range (log-spaced when {@code lo > 0} and {@code hi/lo >= 100},
 * or always with {@code name=log:lo..hi});</li>
 * <li>{@code name} — the parameter's whole declared range: every choice of a choice or boolean
 * parameter, {@code min..max} of a numeric one (which must declare both).</li>
 * </ul>
 * A grid takes the listed values and {@code gridPoints} evenly spaced values of each range, and
 * every combination; a random search draws each parameter independently (uniformly, or
 * log-uniformly on a log range; integers rounded). Every candidate is checked against the specs.
 *
 * @since 0.3
 */
public final class SearchSpace {

    private sealed interface Dimension permits Values, Range {
    }

    private record Values(List<Object> values) implements Dimension {
    }

    private record Range(double lo, double hi, boolean log, boolean integer) implements Dimension {
        double at(double u) {
            double v = log ? Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))) : lo + u * (hi - lo);
            return integer ? Math.rint(v) : v;
        }
    }

    private final List<ParameterSpec> specs;
    private final Map<String, Dimension> dims;

    private SearchSpace(List<ParameterSpec> specs, Map<String, Dimension> dims) {
        this.specs = specs;
        this.dims = dims;
    }

    /**
     * Parses {@code text} against the estimator's parameters.
     *
     * @throws IllegalArgumentException naming the entry that is unknown, malformed or out of range
     */
    public static SearchSpace parse(String text, List<ParameterSpec> specs) {
        Map<String, Dimension> dims = new LinkedHashMap<>();
        for (String raw : text.split(";")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String name = (eq < 0 ? entry : entry.substring(0, eq)).trim();
            ParameterSpec spec = specs.stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("search space: the estimator has no parameter '" + name
                            + "'; it has " + specs.stream().map(ParameterSpec::name).toList()));
            boolean integer = spec.type() == ParameterType.INTEGER;
            boolean numeric = integer || spec.type() == ParameterType.DOUBLE;
            Dimension d;
            if (eq < 0) {
                if (spec.type() == ParameterType.CHOICE) {
                    d = new Values(new ArrayList<>(spec.choices()));
                } else if (spec.type() == ParameterType.BOOLEAN) {
                    d = new Values(List.of(Boolean.FALSE, Boolean.TRUE));
                } else if (numeric && spec.min() != null && spec.max() != null) {
                    d = range(spec.min(), spec.max(), false, integer);
                } else {
                    throw new IllegalArgumentException("search space: '" + name
                            + "' declares no full range; give values (name=a|b) or a range (name=lo..hi)");
                }
            } else {
                String v = entry.substring(eq + 1).trim();
                boolean log = v.startsWith("log:");
                if (log) {
                    v = v.substring(4);
                }
                int dots = v.indexOf("..");
                if (dots >= 0) {
                    if (!numeric) {
                        throw new IllegalArgumentException("search space: '" + name + "' is not numeric, give values a|b");
                    }
                    double lo = number(name, v.substring(0, dots)), hi = number(name, v.substring(dots + 2));
                    spec.coerce(lo);
                    spec.coerce(hi);
                    if (!(lo < hi) || (log && lo <= 0)) {
                        throw new IllegalArgumentException("search space: range of '" + name + "' must have lo < hi"
                                + (log ? " and lo > 0 for log:" : "") + ", got " + v);
                    }
                    d = range(lo, hi, log, integer);
                } else {
                    List<Object> values = new ArrayList<>();
                    for (String s : v.split("\\|")) {
                        if (!s.isBlank()) {
                            values.add(spec.coerce(s.trim()));
                        }
                    }
                    if (values.isEmpty()) {
                        throw new IllegalArgumentException("search space: '" + name + "' lists no values");
                    }
                    d = new Values(values);
                }
            }
            if (dims.put(name, d) != null) {
                throw new IllegalArgumentException("search space: '" + name + "' is given twice");
            }
        }
        if (dims.isEmpty()) {
            throw new IllegalArgumentException("search space is empty; e.g. 'lambda=0.01|0.1|1' or 'trees=50..500'");
        }
        return new SearchSpace(List.copyOf(specs), dims);
    }

    private static Range range(double lo, double hi, boolean log, boolean integer) {
        return new Range(lo, hi, log || (lo > 0 && hi / lo >= 100), integer);
    }

    private static double number(String name, String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("search space: '" + s + "' for '" + name + "' is not a number");
        }
    }

    /** The parameters searched, in the order given. */
    public List<String> names() {
        return List.copyOf(dims.keySet());
    }

    /** Every combination, ranges as {@code gridPoints} evenly (or log-) spaced values; in a fixed order. */
    public List<Map<String, Object>> grid(int gridPoints) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (var e : dims.entrySet()) {
            List<Object> values = switch (e.getValue()) {
                case Values v -> v.values();
                case Range r -> {
                    LinkedHashSet<Object> s = new LinkedHashSet<>();
                    for (int i = 0; i < gridPoints; i++) {
                        s.add(coerce(e.getKey(), r.at(gridPoints == 1 ? 0.5 : i / (double) (gridPoints - 1)), r));
                    }
                    yield new ArrayList<>(s);
                }
            };
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : out) {
                for (Object v : values) {
                    Map<String, Object> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /** {@code count} independent draws, reproducible for a seed (duplicates possible for small discrete spaces). */
    public List<Map<String, Object>> random(int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (var e : dims.entrySet()) {
                m.put(e.getKey(), switch (e.getValue()) {
                    case Values v -> v.values().get(rnd.nextInt(v.values().size()));
                    case Range r -> coerce(e.getKey(), r.at(rnd.nextDouble()), r);
                });
            }
            out.add(m);
        }
        return out;
    }

    private Object coerce(String name, double v, Range r) {
        ParameterSpec spec = specs.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        return spec.coerce(r.integer() ? (Object) Long.valueOf((long) v) : (Object) Double.valueOf(v));
    }

    /** A candidate as text, e.g. {@code lambda=0.01, trees=100}. */
    public static String describe(Map<String, Object> candidate) {
        StringBuilder sb = new StringBuilder();
        candidate.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append('=')
                .append(v instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : v));
        return sb.toString();
    }
}

package org.nernst.optimize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nernst.core.node.ParameterSpec;
import org.nernst.core.node.Parameters;
import org.nernst.core.optimize.Optimizer;

/**
 * Exhaustive grid search: {@code levels} equally spaced values per number (ends included), every
 * integer (or {@code levels} spread over a wider range), every choice. Points are proposed in a
 * fixed order (first variable slowest); an exhausted grid proposes nothing. The seed is unused.
 *
 * @since 0.1
 */
public final class GridSearch implements Optimizer {

    @Override
    public Optimizer.Session start(List<ParameterSpec> variables, Parameters parameters, long seed) {
        int levels = parameters.has("levels") ? (int) parameters.integer("levels") : 5;
        if (levels < 1) {
            throw new IllegalArgumentException("levels must be at least 1, got " + levels);
        }
        List<List<Object>> axes = new ArrayList<>();
        for (ParameterSpec s : variables) {
            axes.add(axis(s, levels));
        }
        long size = 1;
        for (List<Object> a : axes) {
            size = Math.multiplyExact(size, a.size());
        }
        if (size > 10_000_000) {
            throw new IllegalArgumentException("the grid has " + size + " points; lower 'levels'");
        }
        long total = size;
        return new Optimizer.Session() {
            private long observed;

            @Override
            public List<Map<String, Object>> propose(int count) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (long k = observed; k < Math.min(total, observed + count); k++) {
                    out.add(point(variables, axes, k));
                }
                return out;
            }

            @Override
            public void observe(Map<String, Object> point, double objective) {
                observed++;
            }
        };
    }

    /** Number of points of the grid over {@code variables} with {@code levels} per number. */
    public static long size(List<ParameterSpec> variables, int levels) {
        long size = 1;
        for (ParameterSpec s : variables) {
            size *= axis(s, levels).size();
        }
        return size;
    }

    private static Map<String, Object> point(List<ParameterSpec> variables, List<List<Object>> axes, long k) {
        Map<String, Object> p = new LinkedHashMap<>();
        long rest = k;
        Object[] values = new Object[axes.size()];
        for (int i = axes.size() - 1; i >= 0; i--) {
            int n = axes.get(i).size();
            values[i] = axes.get(i).get((int) (rest % n));
            rest /= n;
        }
        for (int i = 0; i < values.length; i++) {
            p.put(variables.get(i).name(), values[i]);
        }
        return p;
    }

    private static List<Object> axis(ParameterSpec s, int levels) {
        List<Object> a = new ArrayList<>();
        switch (s.type()) {
            case DOUBLE -> {
                if (levels == 1 || s.max().equals(s.min())) {
                    a.add((s.min() + s.max()) / 2);
                } else {
                    for (int i = 0; i < levels; i++) {
                        a.add(s.min() + (s.max() - s.min()) * i / (levels - 1));
                    }
                }
            }
            case INTEGER -> {
                long lo = (long) Math.ceil(s.min());
                long hi = (long) Math.floor(s.max());
                if (hi - lo + 1 <= levels) {
                    for (long v = lo; v <= hi; v++) {
                        a.add(v);
                    }
                } else {
                    for (int i = 0; i < levels; i++) {
                        long v = Math.round(lo + (double) (hi - lo) * i / Math.max(1, levels - 1));
                        if (!a.contains(v)) {
                            a.add(v);
                        }
                    }
                }
            }
            case CHOICE -> a.addAll(s.choices());
            case BOOLEAN -> {
                a.add(false);
                a.add(true);
            }
            default -> throw new IllegalArgumentException("variable '" + s.name() + "' of type " + s.type().label()
                    + " cannot be searched");
        }
        return a;
    }
}

package org.nernst.optimize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nernst.core.node.ParameterSpec;
import org.nernst.core.node.ParameterType;

/**
 * A search space of named variables, encoded in the unit cube so one surrogate handles every kind:
 * a number (double) is scaled linearly from [min, max], an integer is scaled from
 * [min − ½, max + ½] (each value owns an equal slice), a choice or boolean takes one dimension per
 * option (one-hot, decoded by the largest coordinate).
 *
 * @since 0.1
 */
public final class Space {
    private final List<ParameterSpec> variables;
    private final int[] offset;
    private final int dimensions;

    public Space(List<ParameterSpec> variables) {
        if (variables == null || variables.isEmpty()) {
            throw new IllegalArgumentException("the search space has no variables");
        }
        this.variables = List.copyOf(variables);
        offset = new int[variables.size()];
        int d = 0;
        for (int i = 0; i < variables.size(); i++) {
            ParameterSpec s = variables.get(i);
            offset[i] = d;
            switch (s.type()) {
                case DOUBLE, INTEGER -> {
                    if (s.min() == null || s.max() == null || !(s.max() >= s.min())) {
                        throw new IllegalArgumentException("variable '" + s.name() + "' needs min and max with min <= max");
                    }
                    d++;
                }
                case CHOICE -> d += s.choices().size();
                case BOOLEAN -> d += 2;
                default -> throw new IllegalArgumentException("variable '" + s.name() + "' is a " + s.type().label()
                        + "; a search space holds numbers, integers, choices and booleans");
            }
        }
        dimensions = d;
    }

    public List<ParameterSpec> variables() {
        return variables;
    }

    /** Number of unit-cube coordinates. */
    public int dimensions() {
        return dimensions;
    }

    /** The point that the unit-cube coordinates {@code u} stand for. */
    public Map<String, Object> decode(double[] u) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            ParameterSpec s = variables.get(i);
            int o = offset[i];
            switch (s.type()) {
                case DOUBLE -> p.put(s.name(), s.min() + clamp(u[o]) * (s.max() - s.min()));
                case INTEGER -> {
                    long lo = (long) Math.ceil(s.min());
                    long hi = (long) Math.floor(s.max());
                    long v = lo + (long) Math.floor(clamp(u[o]) * (hi - lo + 1));
                    p.put(s.name(), Math.min(hi, v));
                }
                case CHOICE -> p.put(s.name(), s.choices().get(argmax(u, o, s.choices().size())));
                case BOOLEAN -> p.put(s.name(), argmax(u, o, 2) == 1);
                default -> throw new IllegalStateException();
            }
        }
        return p;
    }

    /** The canonical unit-cube coordinates of a point (checks every value against its bounds). */
    public double[] encode(Map<String, Object> point) {
        double[] u = new double[dimensions];
        for (int i = 0; i < variables.size(); i++) {
            ParameterSpec s = variables.get(i);
            Object raw = point.get(s.name());
            if (raw == null) {
                throw new IllegalArgumentException("the point " + point + " has no value for '" + s.name() + "'");
            }
            Object v = s.coerce(raw);
            int o = offset[i];
            switch (s.type()) {
                case DOUBLE -> u[o] = s.max().equals(s.min()) ? 0.5 : ((Double) v - s.min()) / (s.max() - s.min());
                case INTEGER -> {
                    long lo = (long) Math.ceil(s.min());
                    long hi = (long) Math.floor(s.max());
                    u[o] = ((Long) v - lo + 0.5) / (hi - lo + 1);
                }
                case CHOICE -> u[o + s.choices().indexOf(v)] = 1;
                case BOOLEAN -> u[o + ((Boolean) v ? 1 : 0)] = 1;
                default -> throw new IllegalStateException();
            }
        }
        return u;
    }

    /** Snaps unit-cube coordinates to the point they decode to (so the surrogate sees what is evaluated). */
    public double[] canonical(double[] u) {
        return encode(decode(u));
    }

    /** Variable values in declaration order, numbers as doubles, choices as their index. */
    public List<Object> values(Map<String, Object> point) {
        List<Object> out = new ArrayList<>();
        for (ParameterSpec s : variables) {
            out.add(point.get(s.name()));
        }
        return out;
    }

    /** Parses one textual value of variable {@code i} (as written in a history file). */
    public Object parse(int i, String text) {
        return variables.get(i).coerce(text);
    }

    /** The search-space variables must be distinct; a helper for node parameters: "name:double:min:max". */
    public static Space parse(String text) {
        List<ParameterSpec> specs = new ArrayList<>();
        for (String part : text.split("[;\\n]")) {
            String t = part.strip();
            if (t.isEmpty()) {
                continue;
            }
            String[] f = t.split("\\s*:\\s*");
            if (f.length < 2) {
                throw new IllegalArgumentException("variable '" + t + "': expected name:double:min:max, "
                        + "name:integer:min:max or name:choice:a|b|c");
            }
            ParameterType type = ParameterType.parse(f[1]);
            try {
                switch (type) {
                    case DOUBLE, INTEGER -> {
                        if (f.length != 4) {
                            throw new IllegalArgumentException("expected " + f[0] + ":" + f[1] + ":min:max");
                        }
                        specs.add(new ParameterSpec(f[0], type, null, null, null, Double.valueOf(f[2]), Double.valueOf(f[3]),
                                List.of(), true));
                    }
                    case CHOICE -> {
                        if (f.length != 3) {
                            throw new IllegalArgumentException("expected " + f[0] + ":choice:a|b|c");
                        }
                        specs.add(new ParameterSpec(f[0], type, null, null, null, null, null, List.of(f[2].split("\\s*\\|\\s*")),
                                true));
                    }
                    case BOOLEAN -> specs.add(new ParameterSpec(f[0], type, null, null, null, null, null, List.of(), true));
                    default -> throw new IllegalArgumentException("type " + f[1] + " is not searchable");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("variable '" + t + "': min and max must be numbers");
            }
        }
        for (int i = 0; i < specs.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (specs.get(i).name().equals(specs.get(j).name())) {
                    throw new IllegalArgumentException("variable '" + specs.get(i).name() + "' is declared twice");
                }
            }
        }
        return new Space(specs);
    }

    private static double clamp(double x) {
        return Math.min(1, Math.max(0, x));
    }

    private static int argmax(double[] u, int o, int n) {
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (u[o + k] > u[o + best]) {
                best = k;
            }
        }
        return best;
    }
}

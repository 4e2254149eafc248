package org.nernst.core.node;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective, validated parameter values of one node: the workflow's values over the
 * declared defaults. Immutable; serializable since 0.3 (values are strings, numbers, booleans and
 * lists of strings), so a node's data-parallel work can carry them to another JVM.
 *
 * @since 0.1
 */
public final class Parameters implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, Object> values;

    private Parameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Validates {@code given} against {@code specs} and fills in defaults.
     *
     * @throws IllegalArgumentException naming the first unknown, missing or invalid parameter
     */
    public static Parameters resolve(List<ParameterSpec> specs, Map<String, ?> given) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : given.keySet()) {
            if (specs.stream().noneMatch(s -> s.name().equals(key))) {
                throw new IllegalArgumentException("unknown parameter '" + key + "'; known: "
                        + specs.stream().map(ParameterSpec::name).toList());
            }
        }
        for (ParameterSpec s : specs) {
            Object raw = given.get(s.name());
            if (raw != null) {
                out.put(s.name(), s.coerce(raw));
            } else if (s.defaultValue() != null) {
                out.put(s.name(), s.defaultValue());
            } else if (s.required()) {
                throw new IllegalArgumentException("required parameter '" + s.name() + "' has no value");
            }
        }
        return new Parameters(out);
    }

    /** Parameters taken as they are, for programmatic use and tests. */
    public static Parameters of(Map<String, ?> values) {
        return new Parameters(new LinkedHashMap<>(values));
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    private Object need(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("parameter '" + name + "' has no value");
        }
        return v;
    }

    public String string(String name) {
        return need(name).toString();
    }

    public long integer(String name) {
        return ((Number) need(name)).longValue();
    }

    public double number(String name) {
        return ((Number) need(name)).doubleValue();
    }

    public boolean bool(String name) {
        return (Boolean) need(name);
    }

    public Path path(String name) {
        return Path.of(string(name));
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String name) {
        Object v = values.get(name);
        if (v == null) {
            return List.of();
        }
        return v instanceof List<?> l ? (List<String>) l : List.of(v.toString().split("\\s*,\\s*"));
    }

    @Override
    public String toString() {
        return values.toString();
    }
}

package org.nernst.core.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A typed node parameter: one source of truth for validation, the CLI, the property form and the
 * saved workflow.
 *
 * @param name unique within the node; letters, digits and {@code _}
 * @param type value type
 * @param label short human name
 * @param description one or two sentences a scientist understands
 * @param defaultValue the value when the workflow gives none, already coerced; {@code null} if none
 * @param min inclusive lower bound for numbers, or {@code null}
 * @param max inclusive upper bound for numbers, or {@code null}
 * @param choices allowed values of a {@link ParameterType#CHOICE}
 * @param required whether a workflow must give a value (only meaningful without a default)
 * @since 0.1
 */
public record ParameterSpec(String name, ParameterType type, String label, String description, Object defaultValue,
        Double min, Double max, List<String> choices, boolean required) {

    public ParameterSpec {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be a letter followed by letters, digits or _");
        }
        choices = choices == null ? List.of() : List.copyOf(choices);
        label = label == null || label.isBlank() ? name : label;
        description = description == null ? "" : description;
        if (type == ParameterType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + name + "' lists no choices");
        }
        if (defaultValue != null) {
            defaultValue = coerceStatic(name, type, min, max, choices, defaultValue);
        }
    }

    /**
     * Converts and checks a raw value (from JSON, a {@code --set} string or a form).
     *
     * @return the value as {@code String}, {@code Long}, {@code Double}, {@code Boolean} or {@code List<String>}
     * @throws IllegalArgumentException with a message that names the parameter and what was expected
     */
    public Object coerce(Object raw) {
        return coerceStatic(name, type, min, max, choices, raw);
    }

    private static Object coerceStatic(String name, ParameterType type, Double min, Double max, List<String> choices,
            Object raw) {
        if (raw == null) {
            throw new IllegalArgumentException("parameter '" + name + "' has no value");
        }
        Object v = switch (type) {
            case STRING, PATH -> raw.toString();
            case CHOICE -> {
                String s = raw.toString();
                if (!choices.contains(s)) {
                    throw new IllegalArgumentException("parameter '" + name + "' = '" + s + "' is not one of " + choices);
                }
                yield s;
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    yield b;
                }
                String s = raw.toString().trim().toLowerCase(Locale.ROOT);
                if (!s.equals("true") && !s.equals("false")) {
                    throw new IllegalArgumentException("parameter '" + name + "' = '" + raw + "' is not true or false");
                }
                yield Boolean.valueOf(s);
            }
            case INTEGER -> {
                long l;
                if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                    l = n.longValue();
                } else {
                    try {
                        l = Long.parseLong(raw.toString().trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("parameter '" + name + "' = '" + raw + "' is not an integer");
                    }
                }
                yield l;
            }
            case DOUBLE -> {
                double d;
                if (raw instanceof Number n) {
                    d = n.doubleValue();
                } else {
                    try {
                        d = Double.parseDouble(raw.toString().trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("parameter '" + name + "' = '" + raw + "' is not a number");
                    }
                }
                if (Double.isNaN(d)) {
                    throw new IllegalArgumentException("parameter '" + name + "' is NaN, a number was expected");
                }
                yield d;
            }
            case LIST -> {
                List<String> items = new ArrayList<>();
                if (raw instanceof List<?> list) {
                    for (Object o : list) {
                        items.add(String.valueOf(o).trim());
                    }
                } else {
                    for (String s : raw.toString().split(",")) {
                        if (!s.isBlank()) {
                            items.add(s.trim());
                        }
                    }
                }
                yield List.copyOf(items);
            }
        };
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (min != null && d < min) {
                throw new IllegalArgumentException("parameter '" + name + "' = " + v + " is below the minimum " + fmt(min));
            }
            if (max != null && d > max) {
                throw new IllegalArgumentException("parameter '" + name + "' = " + v + " is above the maximum " + fmt(max));
            }
        }
        return v;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** A short summary for listings: {@code folds: integer = 5 [2..100]}. */
    public String summary() {
        StringBuilder sb = new StringBuilder(name).append(": ").append(type.label());
        if (defaultValue != null) {
            sb.append(" = ").append(defaultValue);
        } else if (required) {
            sb.append(" (required)");
        }
        if (min != null || max != null) {
            sb.append(" [").append(min == null ? "" : fmt(min)).append("..").append(max == null ? "" : fmt(max)).append(']');
        }
        if (!choices.isEmpty()) {
            sb.append(' ').append(choices);
        }
        return sb.toString();
    }
}

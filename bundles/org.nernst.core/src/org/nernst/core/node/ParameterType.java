package org.nernst.core.node;

/**
 * The value type of a node parameter; drives validation, the CLI's {@code --set} parsing and the
 * generated property form.
 *
 * @since 0.1
 */
public enum ParameterType {
    STRING, INTEGER, DOUBLE, BOOLEAN,
    /** One of a fixed list of {@link ParameterSpec#choices()}. */
    CHOICE,
    /** A file or folder path; relative paths are resolved against the working directory. */
    PATH,
    /** A comma-separated list of names (columns, cells). */
    LIST;

    public static ParameterType parse(String s) {
        return switch (s == null ? "string" : s) {
            case "string" -> STRING;
            case "integer" -> INTEGER;
            case "double" -> DOUBLE;
            case "boolean" -> BOOLEAN;
            case "choice" -> CHOICE;
            case "path" -> PATH;
            case "list" -> LIST;
            default -> throw new IllegalArgumentException("unknown parameter type '" + s
                    + "' (expected string, integer, double, boolean, choice, path or list)");
        };
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

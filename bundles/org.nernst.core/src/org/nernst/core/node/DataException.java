package org.nernst.core.node;

import java.nio.file.Path;

/**
 * Input data that cannot be used, reported so a scientist can find and fix it: which file, where
 * in it (row, column or variable), and what was expected.
 *
 * @since 0.1
 */
public final class DataException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String location;

    /**
     * @param source the file (or table) that holds the problem
     * @param location where in it, e.g. {@code row 12, column 'Voltage [V]'}; may be empty
     * @param problem what is wrong and what was expected
     */
    public DataException(String source, String location, String problem) {
        this(source, location, problem, null);
    }

    public DataException(String source, String location, String problem, Throwable cause) {
        super(source + (location == null || location.isEmpty() ? "" : ": " + location) + ": " + problem, cause);
        this.source = source;
        this.location = location == null ? "" : location;
    }

    public DataException(Path file, String location, String problem) {
        this(file.toString(), location, problem);
    }

    public String source() {
        return source;
    }

    public String location() {
        return location;
    }
}

package org.nernst.core.table;

/**
 * Storage type of a {@link Column}. Each type keeps its values in one primitive array.
 *
 * @since 0.1
 */
public enum ColumnType {
    /** 64-bit floating point; missing values are {@code NaN}. */
    DOUBLE,
    /** 64-bit integer; no missing value. */
    LONG,
    /** Text; missing values are {@code null}. */
    STRING
}

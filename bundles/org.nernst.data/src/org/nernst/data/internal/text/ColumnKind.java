package org.nernst.data.internal.text;

/** How the text of one column becomes values. */
public enum ColumnKind {
    /** numeric when the column's first non-empty value is a number, text otherwise */
    AUTO,
    /** always a number; anything else is an error naming line and column */
    NUMBER,
    /** kept as text */
    TEXT,
    /** a date-time, stored as seconds since the Unix epoch (see {@link TimeScanner}) */
    TIMESTAMP,
    /** a duration ({@code H:MM:SS.f}, {@code Nd HH:MM:SS.f} or seconds), stored as seconds */
    DURATION,
    /** not read at all (its fields are still counted) */
    SKIP
}

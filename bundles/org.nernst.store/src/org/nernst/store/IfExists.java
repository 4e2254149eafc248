package org.nernst.store;

/**
 * What an import does when the dataset name is already taken by other content. (The same content
 * is never stored twice, whatever this says: see {@link CellStore#importTable}.)
 *
 * @since 0.1
 */
public enum IfExists {
    /** Refuse, naming the dataset and where its current content came from. */
    FAIL,
    /** Drop the old dataset and store the new one, in the same transaction. */
    REPLACE;

    /** Parses {@code fail} or {@code replace}, as written in workflow parameters. */
    public static IfExists parse(String s) {
        return switch (s == null ? "" : s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "fail", "" -> FAIL;
            case "replace" -> REPLACE;
            default -> throw new IllegalArgumentException("ifExists is '" + s + "'; expected fail or replace");
        };
    }
}

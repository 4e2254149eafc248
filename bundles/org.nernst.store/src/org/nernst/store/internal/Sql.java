package org.nernst.store.internal;

import java.util.regex.Pattern;

/** Quoting and the rules for dataset names. */
public final class Sql {
    private static final Pattern DATASET = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private Sql() {
    }

    /** A quoted identifier: any column name is safe inside it. */
    static String id(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A quoted string literal, for the places DuckDB takes no parameter (COPY, CREATE ... AS). */
    static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    public static boolean isDatasetName(String name) {
        return name != null && DATASET.matcher(name).matches();
    }

    static String datasetRule() {
        return "a dataset name is a letter or _ followed by up to 62 letters, digits or _ (it is the SQL table name)";
    }

    /** A valid dataset name made from any text, e.g. a file name: {@code FastCharge-25.csv} → {@code FastCharge_25_csv}. */
    public static String datasetNameFor(String text) {
        String s = text == null ? "" : text.replaceAll("[^A-Za-z0-9_]", "_");
        if (s.isEmpty()) {
            return "dataset";
        }
        if (Character.isDigit(s.charAt(0))) {
            s = "d_" + s;
        }
        return s.length() > 63 ? s.substring(0, 63) : s;
    }
}

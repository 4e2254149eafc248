package org.nernst.data.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Column;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;
import org.nernst.data.internal.text.ColumnKind;
import org.nernst.data.internal.text.DelimitedTextReader;

/**
 * Reads delimited text (RFC 4180 quoting within a line) into a {@link Table}. Headers of the form
 * {@code name [unit]} give the column unit. A column is numeric when its first non-empty value is a
 * number; a later value that is not is an error naming the line and column, never a silent NaN.
 * Empty cells and {@code NaN} are missing values. Large files are read in parallel, straight into
 * primitive arrays of their final size.
 *
 * @since 0.1
 */
public final class CsvReader {
    private final char delimiter;
    private final Set<String> textColumns;
    private final Consumer<String> warnings;

    /**
     * @param delimiter the field separator, or {@code 0} to detect it from the header line
     * @param textColumns columns to read as text even when they look numeric
     * @param warnings receives messages the user should see (e.g. unnamed columns)
     */
    public CsvReader(char delimiter, Set<String> textColumns, Consumer<String> warnings) {
        this.delimiter = delimiter;
        this.textColumns = textColumns;
        this.warnings = warnings;
    }

    public Table read(Path file, ProgressMonitor monitor) throws DataException, IOException {
        DelimitedTextReader reader = new DelimitedTextReader(file,
                DelimitedTextReader.Layout.csv().withDelimiter(delimiter), warnings);
        DelimitedTextReader.Result r = reader.read((i, header) -> {
            return textColumns.contains(splitUnit(header)[0]) ? ColumnKind.TEXT : ColumnKind.AUTO;
        }, monitor);
        int n = r.headers().size();
        String[] names = new String[n];
        String[] units = new String[n];
        for (int c = 0; c < n; c++) {
            String[] nu = splitUnit(r.headers().get(c).trim());
            names[c] = nu[0];
            units[c] = nu[1];
            if (names[c].isEmpty()) {
                names[c] = c == 0 ? "index" : "column" + (c + 1);
                warnings.accept(file.getFileName() + ": column " + (c + 1) + " has no name; called it '" + names[c] + "'");
            }
            for (int k = 0; k < c; k++) {
                if (names[k].equals(names[c])) {
                    throw new DataException(file, "line 1", "columns " + (k + 1) + " and " + (c + 1)
                            + " are both named '" + names[c] + "'; column names must be unique");
                }
            }
        }
        List<Column> cols = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            cols.add(r.kinds()[c] == ColumnKind.TEXT ? new StringColumn(names[c], Role.NONE, r.texts()[c])
                    : new DoubleColumn(names[c], units[c], Role.NONE, r.numbers()[c]));
        }
        return new Table(stem(file), cols);
    }

    /** {@code "name [unit]"} → {@code [name, unit]}; no brackets → empty unit. */
    static String[] splitUnit(String h) {
        int open = h.lastIndexOf('[');
        if (h.endsWith("]") && open >= 0) {
            return new String[] { h.substring(0, open).trim(), h.substring(open + 1, h.length() - 1).trim() };
        }
        return new String[] { h, "" };
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

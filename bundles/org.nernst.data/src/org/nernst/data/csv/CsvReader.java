package org.nernst.data.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.ColumnType;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.core.table.TableBuilder;

/**
 * Reads delimited text (RFC 4180 quoting) into a {@link Table}. Headers of the form
 * {@code name [unit]} give the column unit. A column is numeric when its first non-empty value is a
 * number; a later value that is not is an error naming the line and column, never a silent NaN.
 * Empty cells and {@code NaN} are missing values.
 *
 * @since 0.1
 */
public final class CsvReader {
    private static final Set<String> MISSING = Set.of("", "nan", "na", "n/a", "null");

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
        List<String> lines;
        try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
            lines = r.lines().toList();
        } catch (NoSuchFileException e) {
            throw new DataException(file, "", "file not found");
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new DataException(file, "", "is not UTF-8 text (is it a binary or Excel file?)");
            }
            throw new DataException(file.toString(), "", "cannot be read: " + e.getCause().getMessage(), e);
        } catch (IOException e) {
            throw new DataException(file.toString(), "", "cannot be read: " + e, e);
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new DataException(file, "line 1", "empty file; a header line with column names was expected");
        }
        String headerLine = stripBom(lines.get(0));
        char sep = delimiter != 0 ? delimiter : detect(headerLine);
        List<String> header = split(headerLine, sep, file, 1);
        int n = header.size();
        String[] names = new String[n];
        String[] units = new String[n];
        for (int c = 0; c < n; c++) {
            String h = header.get(c).trim();
            int open = h.lastIndexOf('[');
            if (h.endsWith("]") && open >= 0) {
                names[c] = h.substring(0, open).trim();
                units[c] = h.substring(open + 1, h.length() - 1).trim();
            } else {
                names[c] = h;
                units[c] = "";
            }
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
        List<List<String>> rows = new ArrayList<>(lines.size());
        List<Integer> lineNo = new ArrayList<>(lines.size());
        monitor.begin("reading " + file.getFileName(), lines.size());
        for (int i = 1; i < lines.size(); i++) {
            if ((i & 0xFFF) == 0) {
                monitor.checkCanceled();
                monitor.worked(0x1000);
            }
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            List<String> f = split(line, sep, file, i + 1);
            if (f.size() != n) {
                throw new DataException(file, "line " + (i + 1), "has " + f.size() + " fields, the header has " + n);
            }
            rows.add(f);
            lineNo.add(i + 1);
        }
        ColumnType[] types = new ColumnType[n];
        for (int c = 0; c < n; c++) {
            types[c] = ColumnType.DOUBLE;
            if (textColumns.contains(names[c])) {
                types[c] = ColumnType.STRING;
                continue;
            }
            for (List<String> row : rows) {
                String v = row.get(c).trim();
                if (!isMissing(v)) {
                    types[c] = parse(v) == null ? ColumnType.STRING : ColumnType.DOUBLE;
                    break;
                }
            }
        }
        TableBuilder b = new TableBuilder(stem(file));
        for (int c = 0; c < n; c++) {
            b.column(names[c], units[c], Role.NONE, types[c]);
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < n; c++) {
                String v = row.get(c).trim();
                if (types[c] == ColumnType.STRING) {
                    b.set(c, v.isEmpty() ? null : v);
                } else if (isMissing(v)) {
                    b.set(c, Double.NaN);
                } else {
                    Double d = parse(v);
                    if (d == null) {
                        throw new DataException(file, "line " + lineNo.get(r) + ", column '" + header.get(c).trim() + "'",
                                "'" + v + "' is not a number; the column's first value was numeric (list the column "
                                        + "in the 'text' parameter to read it as text)");
                    }
                    b.set(c, d);
                }
            }
            b.endRow();
        }
        return b.build();
    }

    private static boolean isMissing(String v) {
        return MISSING.contains(v.toLowerCase(Locale.ROOT));
    }

    /** Plain decimal numbers only: Java's own syntax ({@code 2f}, {@code 0x1p3}, {@code Infinity}) is not data. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern
            .compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static Double parse(String v) {
        return NUMBER.matcher(v).matches() ? Double.valueOf(v) : null;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static char detect(String header) {
        char best = ',';
        long bestCount = -1;
        for (char c : new char[] { ',', ';', '\t', '|' }) {
            long count = header.chars().filter(x -> x == c).count();
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }

    static List<String> split(String line, char sep, Path file, int lineNo) throws DataException {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"' && cur.toString().isBlank()) {
                quoted = true;
                cur.setLength(0);
            } else if (ch == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) {
            throw new DataException(file, "line " + lineNo, "a quoted field is not closed");
        }
        out.add(cur.toString());
        return out;
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

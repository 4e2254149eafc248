package org.nernst.core.io;

import java.io.IOException;
import java.io.Writer;

import org.nernst.core.table.Column;
import org.nernst.core.table.Table;

/**
 * Writes a table as RFC 4180 CSV with {@code name [unit]} headers, the form the CSV connector reads.
 *
 * @since 0.1
 */
public final class CsvWriter {
    private CsvWriter() {
    }

    public static void write(Table t, Writer out) throws IOException {
        for (int c = 0; c < t.columnCount(); c++) {
            if (c > 0) {
                out.write(',');
            }
            out.write(quote(t.columns().get(c).header()));
        }
        out.write('\n');
        for (int r = 0; r < t.rowCount(); r++) {
            for (int c = 0; c < t.columnCount(); c++) {
                if (c > 0) {
                    out.write(',');
                }
                Column col = t.columns().get(c);
                out.write(quote(col.format(r)));
            }
            out.write('\n');
        }
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}

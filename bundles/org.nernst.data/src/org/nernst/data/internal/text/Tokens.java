package org.nernst.data.internal.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.nernst.core.node.DataException;

/**
 * Splits one line into fields (RFC 4180 quoting within the line). An unquoted field is a view of
 * the line's bytes; a quoted one is copied, without its quotes, into a scratch buffer.
 */
final class Tokens {
    private final byte sep;
    private byte[] line;
    private int pos, end;
    private boolean done;
    private byte[] scratch = new byte[256];
    private byte[] fieldBytes;
    private int fieldStart, fieldEnd;

    Tokens(char sep) {
        this.sep = (byte) sep;
    }

    void reset(byte[] buf, int start, int end) {
        this.line = buf;
        this.pos = start;
        this.end = end;
        this.done = false;
    }

    /** Moves to the next field; false after the last one. */
    boolean next(Path file, int lineNo) throws DataException {
        if (done) {
            return false;
        }
        int q = pos;
        while (q < end && line[q] == ' ') {
            q++;
        }
        if (q < end && line[q] == '"') {
            int n = 0;
            int i = q + 1;
            boolean closed = false;
            while (i < end) {
                byte x = line[i];
                if (!closed) {
                    if (x == '"') {
                        if (i + 1 < end && line[i + 1] == '"') {
                            n = put(n, (byte) '"');
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        continue;
                    }
                } else if (x == sep) {
                    break;
                }
                n = put(n, x);
                i++;
            }
            if (!closed) {
                throw new DataException(file, "line " + lineNo, "a quoted field is not closed");
            }
            fieldBytes = scratch;
            fieldStart = 0;
            fieldEnd = n;
            pos = i;
        } else {
            int j = Bytes.indexOf(line, pos, end, sep);
            fieldBytes = line;
            fieldStart = pos;
            fieldEnd = j;
            pos = j;
        }
        if (pos >= end) {
            done = true;
        } else {
            pos++;
        }
        return true;
    }

    private int put(int n, byte x) {
        if (n == scratch.length) {
            scratch = java.util.Arrays.copyOf(scratch, n * 2);
        }
        scratch[n] = x;
        return n + 1;
    }

    byte[] bytes() {
        return fieldBytes;
    }

    int start() {
        return fieldStart;
    }

    int end() {
        return fieldEnd;
    }

    static boolean isBlank(byte[] b, int start, int end) {
        for (int i = start; i < end; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Field count of a line, quotes respected; an unclosed quote counts what is there. */
    static int countFields(byte[] b, int start, int end, char sep) {
        int n = 1;
        boolean quoted = false;
        for (int i = start; i < end; i++) {
            if (b[i] == '"') {
                quoted = !quoted;
            } else if (!quoted && b[i] == sep) {
                n++;
            }
        }
        return n;
    }

    /** The header line's fields, as text. */
    static List<String> splitText(String line, char sep, Path file, int lineNo) throws DataException {
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
}

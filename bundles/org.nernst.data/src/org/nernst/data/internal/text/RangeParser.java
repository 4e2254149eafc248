package org.nernst.data.internal.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.nernst.core.node.DataException;

/**
 * The second pass over one slice: parses each row into the shared column arrays at the slice's
 * row offset. Stops at its first problem and keeps it, so the caller can report the earliest one
 * in the file. For tentative columns (empty while inferring) it remembers the first value and the
 * first non-number instead of failing, since an earlier slice decides what the column is.
 */
final class RangeParser {
    private static final int INTERN_LIMIT = 4096;

    DataException error;
    final int[] firstValueLine, firstBadLine;
    final boolean[] firstValueNumeric;
    final String[] firstBadText;

    private final Path file;
    private final FileChannel channel;
    private final LineRange range;
    private final char sep;
    private final int n;
    private final List<String> headers;
    private final ColumnKind[] kinds;
    private final boolean[] tentative;
    private final boolean[] declared;
    private final double[][] numbers;
    private final String[][] texts;
    private final int firstLine, keptRows;
    private final Charset charset;
    private final AtomicBoolean stop;
    private final AtomicLong done;
    private final NumberScanner num = new NumberScanner();
    private final TimeScanner time = new TimeScanner();
    private final CharsetDecoder decoder;
    private final Map<String, String>[] interned;

    private final int slice;
    private final int[] lineOfRow;
    private final java.util.concurrent.atomic.AtomicInteger failedSlice;

    @SuppressWarnings("unchecked")
    RangeParser(int slice, java.util.concurrent.atomic.AtomicInteger failedSlice, Path file, FileChannel channel, LineRange range, char sep, int n, List<String> headers, ColumnKind[] kinds,
            boolean[] declared, boolean[] tentative, double[][] numbers, String[][] texts, int firstLine, int keptRows, Charset charset,
            AtomicBoolean stop, AtomicLong done, int[] lineOfRow) {
        this.lineOfRow = lineOfRow;
        this.slice = slice;
        this.failedSlice = failedSlice;
        this.file = file;
        this.channel = channel;
        this.range = range;
        this.sep = sep;
        this.n = n;
        this.headers = headers;
        this.kinds = kinds;
        this.tentative = tentative;
        this.declared = declared;
        this.numbers = numbers;
        this.texts = texts;
        this.firstLine = firstLine;
        this.keptRows = keptRows;
        this.charset = charset;
        this.stop = stop;
        this.done = done;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.firstValueLine = new int[n];
        this.firstBadLine = new int[n];
        this.firstValueNumeric = new boolean[n];
        this.firstBadText = new String[n];
        this.interned = new Map[n];
    }

    Void parse() throws IOException {
        LineCursor c = new LineCursor(channel, range.start, range.end, 4 << 20);
        Tokens tok = new Tokens(sep);
        int row = range.rowsBefore;
        long lastOffset = range.start;
        try {
            while (c.next()) {
                if ((c.lineIndex & 0x3FFF) == 0) {
                    // a cancel stops every slice; a problem only the slices after it, whose problems come later
                    if (stop.get() || failedSlice.get() < slice) {
                        return null;
                    }
                    done.addAndGet(c.lineOffset - lastOffset);
                    lastOffset = c.lineOffset;
                }
                if (Tokens.isBlank(c.buf, c.lineStart, c.lineEnd)) {
                    continue;
                }
                if (row >= keptRows) {
                    break; // the truncated last line, dropped with a warning
                }
                long lineNo = firstLine + range.linesBefore + c.lineIndex;
                tok.reset(c.buf, c.lineStart, c.lineEnd);
                int col = 0;
                while (tok.next(file, (int) lineNo)) {
                    if (col < n) {
                        store(col, row, tok, lineNo);
                    }
                    col++;
                }
                if (col != n) {
                    throw new DataException(file, "line " + lineNo, "has " + col + " fields, the header has " + n);
                }
                if (lineOfRow != null) {
                    lineOfRow[row] = (int) Math.min(Integer.MAX_VALUE, lineNo);
                }
                row++;
            }
            done.addAndGet(range.end - lastOffset);
        } catch (DataException e) {
            error = e;
            failedSlice.accumulateAndGet(slice, Math::min);
        } catch (LineCursor.LineTooLongException e) {
            error = new DataException(file, "line " + (firstLine + range.linesBefore + c.lineIndex + 1), "is longer than "
                    + (LineCursor.MAX_LINE >> 20) + " MB; is this a text table?");
            failedSlice.accumulateAndGet(slice, Math::min);
        }
        return null;
    }

    private void store(int col, int row, Tokens tok, long lineNo) throws DataException {
        byte[] b = tok.bytes();
        int s = tok.start(), e = tok.end();
        switch (kinds[col]) {
            case SKIP -> {
            }
            case TEXT -> texts[col][row] = text(col, b, s, e, lineNo);
            case TIMESTAMP -> {
                double v = time.timestamp(b, s, e);
                if (time.status == NumberScanner.INVALID) {
                    throw bad(col, b, s, e, lineNo, "is not a date-time; expected e.g. 2019-07-11 14:02:33 or 07/11/2019 14:02:33");
                }
                numbers[col][row] = v;
            }
            case DURATION -> {
                double v = time.duration(b, s, e);
                if (time.status == NumberScanner.INVALID) {
                    throw bad(col, b, s, e, lineNo, "is not a duration; expected seconds, H:MM:SS.f or Nd HH:MM:SS.f");
                }
                numbers[col][row] = v;
            }
            default -> {
                double v = num.parse(b, s, e);
                if (num.status == NumberScanner.INVALID) {
                    if (!tentative[col]) {
                        throw bad(col, b, s, e, lineNo, declared[col] ? "is not a number" : NOT_A_NUMBER);
                    }
                    if (firstBadLine[col] == 0) {
                        firstBadLine[col] = (int) Math.min(Integer.MAX_VALUE, lineNo);
                        firstBadText[col] = show(b, s, e);
                    }
                    if (firstValueLine[col] == 0) {
                        firstValueLine[col] = (int) Math.min(Integer.MAX_VALUE, lineNo);
                        firstValueNumeric[col] = false;
                    }
                } else if (num.status == NumberScanner.OK && tentative[col] && firstValueLine[col] == 0) {
                    firstValueLine[col] = (int) Math.min(Integer.MAX_VALUE, lineNo);
                    firstValueNumeric[col] = true;
                }
                numbers[col][row] = v;
            }
        }
    }

    private static final String NOT_A_NUMBER = "is not a number; the column's first value was numeric (list the column in the "
            + "'text' parameter to read it as text)";

    private DataException bad(int col, byte[] b, int s, int e, long lineNo, String problem) {
        return new DataException(file, "line " + lineNo + ", column '" + headers.get(col).trim() + "'",
                "'" + show(b, s, e) + "' " + problem);
    }

    private String show(byte[] b, int s, int e) {
        String v = new String(b, s, Math.min(e - s, 80), charset)
                .trim();
        return e - s > 80 ? v + "…" : v;
    }

    private String text(int col, byte[] b, int s, int e, long lineNo) throws DataException {
        while (s < e && (b[s] == ' ' || b[s] == '\t')) {
            s++;
        }
        while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
            e--;
        }
        if (s == e) {
            return null;
        }
        boolean ascii = true;
        for (int i = s; i < e; i++) {
            if (b[i] < 0) {
                ascii = false;
                break;
            }
        }
        String v;
        if (ascii || charset == StandardCharsets.ISO_8859_1) {
            v = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        } else {
            try {
                v = decoder.decode(ByteBuffer.wrap(b, s, e - s)).toString();
            } catch (CharacterCodingException x) {
                throw new DataException(file, "line " + lineNo + ", column '" + headers.get(col).trim() + "'",
                        "is not " + charset.name() + " text (is it a binary or Excel file?)");
            }
        }
        Map<String, String> pool = interned[col];
        if (pool == null) {
            pool = interned[col] = new HashMap<>();
        }
        String known = pool.get(v);
        if (known != null) {
            return known;
        }
        if (pool.size() < INTERN_LIMIT) {
            pool.put(v, v);
        }
        return v;
    }
}

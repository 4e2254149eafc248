package org.nernst.data.internal.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.nernst.core.node.CancelledException;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;

/**
 * Reads delimited text into primitive columns, fast and with exact memory: a first pass counts
 * the rows of each slice of the file (in parallel), the arrays are allocated once at their final
 * size, and a second pass parses every slice into its rows (in parallel), straight from bytes.
 * Lines are the unit: a quoted field may not span lines. Every problem is a {@link DataException}
 * naming the file, the line and the column; the first problem in file order is the one reported.
 */
public final class DelimitedTextReader {
    private static final int BUFFER = 4 << 20;
    private static final long PARALLEL_FROM = 4L << 20;
    private static final int INFER_ROWS = 10_000;

    /** Where the table is in the file and how it is written. */
    public record Layout(char delimiter, Charset charset, int headerLine, boolean dropTruncatedLastLine, int threads) {
        public static Layout csv() {
            return new Layout((char) 0, StandardCharsets.UTF_8, 1, false, defaultThreads());
        }

        public Layout withDelimiter(char d) {
            return new Layout(d, charset, headerLine, dropTruncatedLastLine, threads);
        }

        public Layout withCharset(Charset c) {
            return new Layout(delimiter, c, headerLine, dropTruncatedLastLine, threads);
        }

        public Layout withHeaderLine(int line) {
            return new Layout(delimiter, charset, line, dropTruncatedLastLine, threads);
        }

        public Layout droppingTruncatedLastLine() {
            return new Layout(delimiter, charset, headerLine, true, threads);
        }

        public Layout withThreads(int n) {
            return new Layout(delimiter, charset, headerLine, dropTruncatedLastLine, Math.max(1, n));
        }

        static int defaultThreads() {
            return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        }
    }

    /** Decides each column's kind from its position and header text. */
    @FunctionalInterface
    public interface Columns {
        ColumnKind kind(int index, String header);
    }

    /**
     * The columns read: numeric kinds in {@code numbers}, text in {@code texts}, skipped ones null in
     * both; {@code lines} holds each row's line number when {@link #recordingLines()} asked for it.
     */
    public record Result(List<String> headers, ColumnKind[] kinds, double[][] numbers, String[][] texts, int rows,
            char delimiter, int[] lines) {
    }

    private final Path file;
    private final Layout layout;
    private final Consumer<String> warnings;
    private boolean recordLines;

    public DelimitedTextReader(Path file, Layout layout, Consumer<String> warnings) {
        this.file = file;
        this.layout = layout;
        this.warnings = warnings;
    }

    /** Also keep each row's line number (4 bytes a row), for connectors that check rows after reading. */
    public DelimitedTextReader recordingLines() {
        recordLines = true;
        return this;
    }

    public Result read(Columns columns, ProgressMonitor monitor) throws DataException, IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(ch, columns, monitor);
        } catch (NoSuchFileException e) {
            throw new DataException(file, "", "file not found");
        }
    }

    private Result read(FileChannel ch, Columns columns, ProgressMonitor monitor) throws DataException, IOException {
        long size = ch.size();
        LineCursor head = new LineCursor(ch, 0, size, 1 << 20);
        String headerText = null;
        for (int line = 1; line <= layout.headerLine(); line++) {
            if (!next(head, line)) {
                throw new DataException(file, "line " + line, size == 0 ? "empty file; a header line with column names was expected"
                        : "the file ends before the header line " + layout.headerLine());
            }
            if (line == layout.headerLine()) {
                headerText = decodeHeader(head, line);
            }
        }
        if (headerText.indexOf('\r') >= 0) {
            throw new DataException(file, "line " + layout.headerLine(), "ends lines with a lone carriage return (classic "
                    + "Mac OS); convert the file to LF or CRLF line endings");
        }
        if (headerText.isBlank()) {
            throw new DataException(file, "line " + layout.headerLine(), "empty header; a line with column names was expected");
        }
        char sep = layout.delimiter() != 0 ? layout.delimiter() : detect(headerText);
        List<String> headers = Tokens.splitText(headerText, sep, file, layout.headerLine());
        int n = headers.size();
        ColumnKind[] kinds = new ColumnKind[n];
        for (int c = 0; c < n; c++) {
            kinds[c] = columns.kind(c, headers.get(c).trim());
        }
        boolean[] declared = new boolean[n];
        for (int c = 0; c < n; c++) {
            declared[c] = kinds[c] == ColumnKind.NUMBER;
        }
        long dataStart = head.lineOffset + (head.lineEnd - head.lineStart);
        dataStart = skipTerminator(ch, dataStart, size);

        List<LineRange> ranges = split(ch, dataStart, size);
        boolean parallel = ranges.size() > 1;
        ExecutorService pool = parallel ? Executors.newFixedThreadPool(ranges.size(), r -> {
            Thread t = new Thread(r, "nernst-text-reader");
            t.setDaemon(true);
            return t;
        }) : null;
        AtomicBoolean stop = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger failedSlice = new java.util.concurrent.atomic.AtomicInteger(Integer.MAX_VALUE);
        AtomicLong done = new AtomicLong();
        try {
            monitor.begin("reading " + file.getFileName(), 1000);
            runAll(pool, ranges, r -> count(ch, r, stop, done), monitor, stop, done, 2 * (size - dataStart));
            long lines = 0;
            long rows = 0;
            for (LineRange r : ranges) {
                r.linesBefore = lines;
                r.rowsBefore = (int) Math.min(Integer.MAX_VALUE, rows);
                lines += r.lines;
                rows += r.rows;
            }
            if (rows > Integer.MAX_VALUE - 16) {
                throw new DataException(file, "", "has " + rows + " rows; at most " + (Integer.MAX_VALUE - 16)
                        + " fit one table, split the file");
            }
            LineRange last = ranges.get(ranges.size() - 1);
            int firstLine = layout.headerLine() + 1;
            int keptRows = (int) rows - (dropTruncatedLast(ch, last, n, sep, firstLine) ? 1 : 0);
            Infer infer = new Infer(kinds);
            infer.scan(ch, ranges.get(0), sep, firstLine, file, layout.charset());
            double[][] numbers = new double[n][];
            String[][] texts = new String[n][];
            for (int c = 0; c < n; c++) {
                switch (kinds[c]) {
                    case TEXT -> texts[c] = new String[keptRows];
                    case SKIP -> {
                    }
                    default -> numbers[c] = new double[keptRows];
                }
            }
            int[] lineOfRow = recordLines ? new int[keptRows] : null;
            RangeParser[] parsers = new RangeParser[ranges.size()];
            for (int i = 0; i < parsers.length; i++) {
                parsers[i] = new RangeParser(i, failedSlice, file, ch, ranges.get(i), sep, n, headers, kinds, declared, infer.tentative, numbers, texts,
                        firstLine, keptRows, layout.charset(), stop, done, lineOfRow);
            }
            done.set(size - dataStart);
            List<Callable> tasks = new ArrayList<>();
            for (RangeParser p : parsers) {
                tasks.add(p::parse);
            }
            runTasks(pool, tasks, monitor, stop, done, 2 * (size - dataStart));
            for (RangeParser p : parsers) {
                if (p.error != null) {
                    throw p.error;
                }
            }
            resolveTentative(parsers, kinds, infer.tentative, headers);
            for (int c = 0; c < n; c++) {
                if (infer.tentative[c] && kinds[c] == ColumnKind.TEXT) {
                    // the first value of a column unseen while inferring was text: read again with the column as text
                    ColumnKind[] forced = kinds.clone();
                    DelimitedTextReader again = new DelimitedTextReader(file, layout, warnings);
                    again.recordLines = recordLines;
                    return again.read((i, h) -> forced[i], monitor);
                }
            }
            for (int c = 0; c < n; c++) {
                if (kinds[c] == ColumnKind.AUTO) {
                    kinds[c] = ColumnKind.NUMBER;
                }
            }
            if (keptRows < rows) {
                warnings.accept(file.getFileName() + ": the last line has fewer fields than the header and was dropped "
                        + "(the file looks truncated)");
            }
            return new Result(headers, kinds, numbers, texts, keptRows, sep, lineOfRow);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private String decodeHeader(LineCursor head, int line) throws DataException {
        int s = head.lineStart;
        if (line == 1 && head.lineEnd - s >= 3 && (head.buf[s] & 0xFF) == 0xEF && (head.buf[s + 1] & 0xFF) == 0xBB
                && (head.buf[s + 2] & 0xFF) == 0xBF) {
            s += 3;
        }
        try {
            return layout.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head.buf, s, head.lineEnd - s))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new DataException(file, "line " + line, "is not " + layout.charset().name()
                    + " text (is it a binary or Excel file?)");
        }
    }

    private boolean next(LineCursor cursor, int line) throws IOException, DataException {
        try {
            return cursor.next();
        } catch (LineCursor.LineTooLongException e) {
            throw new DataException(file, "line " + line, "is longer than " + (LineCursor.MAX_LINE >> 20)
                    + " MB; is this a text table?");
        }
    }

    private static long skipTerminator(FileChannel ch, long pos, long size) throws IOException {
        ByteBuffer two = ByteBuffer.allocate(2);
        ch.read(two, pos);
        if (two.position() > 0 && two.get(0) == '\r') {
            pos++;
            if (two.position() > 1 && two.get(1) == '\n') {
                pos++;
            }
        } else if (two.position() > 0 && two.get(0) == '\n') {
            pos++;
        }
        return Math.min(pos, size);
    }

    /** Slices starting at line starts, one per thread for a large file. */
    private List<LineRange> split(FileChannel ch, long start, long size) throws IOException {
        long len = size - start;
        int k = len < PARALLEL_FROM ? 1 : layout.threads();
        List<LineRange> out = new ArrayList<>();
        long from = start;
        ByteBuffer probe = ByteBuffer.allocate(64 << 10);
        for (int i = 1; i < k && from < size; i++) {
            long p = Math.max(from, start + len * i / k);
            long cut = -1;
            while (cut < 0 && p < size) {
                probe.clear();
                int r = ch.read(probe, p);
                if (r <= 0) {
                    break;
                }
                for (int j = 0; j < r; j++) {
                    if (probe.get(j) == '\n') {
                        cut = p + j + 1;
                        break;
                    }
                }
                p += r;
            }
            if (cut < 0 || cut >= size) {
                break;
            }
            out.add(new LineRange(from, cut));
            from = cut;
        }
        out.add(new LineRange(from, size));
        return out;
    }

    private Void count(FileChannel ch, LineRange r, AtomicBoolean stop, AtomicLong done) throws IOException {
        byte[] buf = new byte[(int) Math.min(BUFFER, Math.max(1, r.end - r.start))];
        long pos = r.start;
        int lines = 0, rows = 0;
        boolean nonBlank = false, open = false;
        while (pos < r.end && !stop.get()) {
            ByteBuffer bb = ByteBuffer.wrap(buf, 0, (int) Math.min(buf.length, r.end - pos));
            int got = ch.read(bb, pos);
            if (got <= 0) {
                break;
            }
            int i = 0;
            while (i < got) {
                int nl = Bytes.indexOf(buf, i, got, (byte) '\n');
                if (!nonBlank && !Tokens.isBlank(buf, i, nl)) {
                    nonBlank = true;
                }
                if (nl == got) {
                    open = open || nl > i;
                    break;
                }
                lines++;
                if (nonBlank) {
                    rows++;
                }
                nonBlank = false;
                open = false;
                i = nl + 1;
            }
            pos += got;
            done.addAndGet(got);
        }
        if (open) {
            lines++;
            if (nonBlank) {
                rows++;
            }
            r.lastLineOpen = true;
        }
        r.lines = lines;
        r.rows = rows;
        return null;
    }

    /**
     * True when the file's last line is cut short — no line terminator and fewer fields than the
     * header, as a cycler still writing leaves it — and the layout allows dropping it. A complete
     * last line with missing fields stays an error.
     */
    private boolean dropTruncatedLast(FileChannel ch, LineRange last, int n, char sep, int firstLine)
            throws IOException, DataException {
        if (!layout.dropTruncatedLastLine() || last.rows == 0 || !last.lastLineOpen) {
            return false;
        }
        long tailStart = Math.max(last.start, last.end - (1 << 20));
        LineCursor c = new LineCursor(ch, tailStart, last.end, 1 << 20);
        long lastStart = -1;
        int fields = 0;
        try {
            boolean first = tailStart > last.start;
            while (c.next()) {
                if (first) {
                    first = false;
                    continue;
                }
                if (!Tokens.isBlank(c.buf, c.lineStart, c.lineEnd)) {
                    lastStart = c.lineOffset;
                    fields = Tokens.countFields(c.buf, c.lineStart, c.lineEnd, sep);
                }
            }
        } catch (LineCursor.LineTooLongException e) {
            return false;
        }
        return lastStart >= 0 && fields < n;
    }

    private void resolveTentative(RangeParser[] parsers, ColumnKind[] kinds, boolean[] tentative, List<String> headers)
            throws DataException {
        for (int c = 0; c < kinds.length; c++) {
            if (!tentative[c]) {
                continue;
            }
            RangeParser firstSeen = null;
            RangeParser firstBad = null;
            for (RangeParser p : parsers) {
                if (firstSeen == null && p.firstValueLine[c] > 0) {
                    firstSeen = p;
                }
                if (firstBad == null && p.firstBadLine[c] > 0) {
                    firstBad = p;
                }
            }
            if (firstSeen == null || firstBad == null) {
                continue;
            }
            if (!firstSeen.firstValueNumeric[c]) {
                kinds[c] = ColumnKind.TEXT;
            } else {
                throw new DataException(file, "line " + firstBad.firstBadLine[c] + ", column '" + headers.get(c).trim() + "'",
                        "'" + firstBad.firstBadText[c] + "' is not a number; the column's first value (line "
                                + firstSeen.firstValueLine[c] + ") was numeric (list the column in the 'text' parameter "
                                + "to read it as text)");
            }
        }
    }

    @FunctionalInterface
    private interface Callable {
        Void call() throws Exception;
    }

    @FunctionalInterface
    private interface RangeTask {
        Void run(LineRange r) throws Exception;
    }

    private void runAll(ExecutorService pool, List<LineRange> ranges, RangeTask task, ProgressMonitor monitor,
            AtomicBoolean stop, AtomicLong done, long total) throws IOException, DataException {
        List<Callable> tasks = new ArrayList<>();
        for (LineRange r : ranges) {
            tasks.add(() -> task.run(r));
        }
        runTasks(pool, tasks, monitor, stop, done, total);
    }

    /** Runs the tasks (in the pool when there is one), reporting progress and honouring cancel from this thread. */
    private void runTasks(ExecutorService pool, List<Callable> tasks, ProgressMonitor monitor, AtomicBoolean stop,
            AtomicLong done, long total) throws IOException, DataException {
        int reported = 0;
        if (pool == null) {
            for (Callable t : tasks) {
                call(t);
            }
            if (monitor.isCanceled()) {
                throw new CancelledException();
            }
            return;
        }
        List<Future<Void>> futures = new ArrayList<>();
        for (Callable t : tasks) {
            futures.add(pool.submit(t::call));
        }
        try {
            for (Future<Void> f : futures) {
                while (true) {
                    try {
                        f.get(50, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException e) {
                        if (monitor.isCanceled()) {
                            stop.set(true);
                            throw new CancelledException();
                        }
                        int now = (int) (1000 * Math.min(1.0, done.get() / (double) Math.max(1, total)));
                        monitor.worked(now - reported);
                        reported = now;
                    }
                }
            }
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            stop.set(true);
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof DataException d) {
                throw d;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    private static void call(Callable t) throws IOException, DataException {
        try {
            t.call();
        } catch (IOException | DataException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** The most frequent of {@code , ; tab |} in the header, counting only characters outside quotes. */
    static char detect(String header) {
        char best = ',';
        long bestCount = -1;
        for (char c : new char[] { ',', ';', '\t', '|' }) {
            long count = 0;
            boolean quoted = false;
            for (int i = 0; i < header.length(); i++) {
                char x = header.charAt(i);
                if (x == '"') {
                    quoted = !quoted;
                } else if (x == c && !quoted) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }

    /** Decides AUTO columns from the first rows; columns still empty there stay tentative numbers. */
    private static final class Infer {
        final ColumnKind[] kinds;
        final boolean[] tentative;

        Infer(ColumnKind[] kinds) {
            this.kinds = kinds;
            this.tentative = new boolean[kinds.length];
        }

        void scan(FileChannel ch, LineRange first, char sep, int firstLine, Path file, Charset cs)
                throws IOException, DataException {
            int open = 0;
            for (ColumnKind k : kinds) {
                open += k == ColumnKind.AUTO ? 1 : 0;
            }
            LineCursor c = new LineCursor(ch, first.start, first.end, 1 << 20);
            NumberScanner num = new NumberScanner();
            Tokens tok = new Tokens(sep);
            int rows = 0;
            try {
                while (open > 0 && rows < INFER_ROWS && c.next()) {
                    if (Tokens.isBlank(c.buf, c.lineStart, c.lineEnd)) {
                        continue;
                    }
                    rows++;
                    int line = firstLine + c.lineIndex;
                    tok.reset(c.buf, c.lineStart, c.lineEnd);
                    for (int col = 0; col < kinds.length && tok.next(file, line); col++) {
                        if (kinds[col] != ColumnKind.AUTO) {
                            continue;
                        }
                        byte[] b = tok.bytes();
                        num.parse(b, tok.start(), tok.end());
                        if (num.status == NumberScanner.OK) {
                            kinds[col] = ColumnKind.NUMBER;
                            open--;
                        } else if (num.status == NumberScanner.INVALID) {
                            kinds[col] = ColumnKind.TEXT;
                            open--;
                        }
                    }
                }
            } catch (LineCursor.LineTooLongException e) {
                // reported by the parse pass, with its line
            }
            for (int col = 0; col < kinds.length; col++) {
                tentative[col] = kinds[col] == ColumnKind.AUTO;
            }
        }
    }
}

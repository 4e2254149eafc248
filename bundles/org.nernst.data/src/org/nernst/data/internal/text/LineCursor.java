package org.nernst.data.internal.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Walks the lines of one byte range of a file through a reusable buffer, so a 1 GB file is read
 * without a String per line. After {@link #next()} the current line is
 * {@code buf[lineStart, lineEnd)} without its terminator ({@code \n} or {@code \r\n}).
 */
final class LineCursor {
    static final int MAX_LINE = 64 << 20;

    byte[] buf;
    int lineStart, lineEnd;
    /** 0-based index of the current line within the range */
    int lineIndex = -1;
    /** file offset of the current line's first byte */
    long lineOffset;

    private final FileChannel channel;
    private final long end;
    private long filePos;
    private int bufStart, bufEnd;
    private long bufOffset;

    LineCursor(FileChannel channel, long start, long end, int bufferSize) {
        this.channel = channel;
        this.end = end;
        this.filePos = start;
        this.buf = new byte[(int) Math.max(64, Math.min(bufferSize, end - start + 1))];
        this.bufOffset = start;
    }

    /** Moves to the next line; false at the end of the range. */
    boolean next() throws IOException, LineTooLongException {
        int scanned = 0;
        while (true) {
            int i = Bytes.indexOf(buf, bufStart + scanned, bufEnd, (byte) '\n');
            if (i < bufEnd) {
                setLine(i, i + 1);
                return true;
            }
            scanned = bufEnd - bufStart;
            if (!fill()) {
                if (bufStart == bufEnd) {
                    return false;
                }
                setLine(bufEnd, bufEnd);
                return true;
            }
        }
    }

    private void setLine(int terminator, int nextStart) {
        lineStart = bufStart;
        lineEnd = terminator > lineStart && buf[terminator - 1] == '\r' ? terminator - 1 : terminator;
        lineOffset = bufOffset + bufStart;
        lineIndex++;
        bufStart = nextStart;
    }

    /** Compacts the unread tail to the front and reads more; false when the range is exhausted. */
    private boolean fill() throws IOException, LineTooLongException {
        if (filePos >= end) {
            return false;
        }
        int tail = bufEnd - bufStart;
        if (bufStart > 0) {
            System.arraycopy(buf, bufStart, buf, 0, tail);
            bufOffset += bufStart;
            bufStart = 0;
            bufEnd = tail;
        }
        if (bufEnd == buf.length) {
            if (buf.length >= MAX_LINE) {
                throw new LineTooLongException();
            }
            buf = java.util.Arrays.copyOf(buf, Math.min(MAX_LINE, buf.length * 2));
        }
        int want = (int) Math.min(buf.length - bufEnd, end - filePos);
        ByteBuffer bb = ByteBuffer.wrap(buf, bufEnd, want);
        int got = 0;
        while (bb.hasRemaining()) {
            int r = channel.read(bb, filePos + got);
            if (r < 0) {
                break;
            }
            got += r;
        }
        if (got == 0) {
            return false;
        }
        filePos += got;
        bufEnd += got;
        return true;
    }

    static final class LineTooLongException extends Exception {
        private static final long serialVersionUID = 1L;
    }
}

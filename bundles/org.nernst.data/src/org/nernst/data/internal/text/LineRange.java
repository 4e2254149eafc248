package org.nernst.data.internal.text;

/**
 * A slice of a text file that starts at a line start and ends after a line end, with what the
 * first pass learned about it: how many physical lines and how many non-blank data rows it holds,
 * and how many of each come before it.
 */
final class LineRange {
    final long start, end;
    int lines, rows;
    long linesBefore;
    int rowsBefore;
    /** the last line has no line terminator (only possible in the file's last range) */
    boolean lastLineOpen;

    LineRange(long start, long end) {
        this.start = start;
        this.end = end;
    }
}

package org.nernst.data.mat.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.nernst.core.node.DataException;

/**
 * Walks the element tags of a MATLAB 5 file before the MAT File Library reads it, so a damaged or
 * hostile file cannot make it allocate what the file does not hold: every element must fit in its
 * parent (or the file), a compressed element may not inflate beyond a budget, and an array may not
 * claim more elements than it has bytes. The library trusts those sizes and allocates them up front.
 */
public final class Mat5Guard {
    private static final int MI_MATRIX = 14, MI_COMPRESSED = 15, MX_SPARSE = 5, MX_OPAQUE = 17;
    private static final int MAX_DEPTH = 64;

    private final Path file;
    private long inflatedBudget;
    private final long elementBudget;

    private Mat5Guard(Path file, long inflatedBudget) {
        this.file = file;
        this.inflatedBudget = inflatedBudget;
        this.elementBudget = inflatedBudget;
    }

    /**
     * @throws DataException naming the byte offset of the first element that claims more than the file holds
     */
    public static void check(Path file) throws DataException, IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < 128) {
            throw new DataException(file, "header", "is " + all.length + " bytes; a MATLAB 5 file has a 128-byte header");
        }
        ByteOrder order = all[126] == 'I' && all[127] == 'M' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        // decompressed data is held twice while the library reads it: allow a quarter of the heap
        long budget = Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 4);
        new Mat5Guard(file, budget).walk(ByteBuffer.wrap(all).order(order), 128, all.length, 0, "");
    }

    private void walk(ByteBuffer b, int pos, int end, int depth, String where) throws DataException {
        if (depth > MAX_DEPTH) {
            throw new DataException(file, "byte " + pos, "arrays nested more than " + MAX_DEPTH + " deep");
        }
        while (pos < end) {
            if (end - pos < 8) {
                if (depth == 0 && isPadding(b, pos, end)) {
                    return;
                }
                throw new DataException(file, where + "byte " + pos, "the file is truncated or corrupt: an element tag is "
                        + "cut short (" + (end - pos) + " bytes left, 8 expected)");
            }
            int word = b.getInt(pos);
            int type, size, header;
            if ((word >>> 16) != 0 && type(word) != 0) {
                // small data element: type in the low half, size (at most 4) in the high half, data in the tag
                type = word & 0xFFFF;
                size = word >>> 16;
                if (size > 4) {
                    throw new DataException(file, where + "byte " + pos, "a small element claims " + size
                            + " bytes; at most 4 fit");
                }
                pos += 8;
                continue;
            }
            type = word;
            size = b.getInt(pos + 4);
            header = 8;
            long available = (long) end - pos - header;
            if (size < 0 || size > available) {
                throw new DataException(file, where + "byte " + pos, "the file is truncated or corrupt: an element of type "
                        + type + " claims " + Integer.toUnsignedString(size) + " bytes but only " + available + " remain");
            }
            int data = pos + header;
            if (type == MI_COMPRESSED) {
                byte[] inflated = inflate(b, data, size, where + "byte " + pos);
                ByteBuffer inner = ByteBuffer.wrap(inflated).order(b.order());
                walk(inner, 0, inflated.length, depth + 1, where + "compressed element at byte " + pos + ", ");
                pos = data + size; // compressed elements are not padded
                continue;
            }
            if (type == MI_MATRIX) {
                checkMatrix(b, data, data + size, depth, where + "byte " + pos);
            }
            pos = data + ((size + 7) & ~7);
            if (pos > end && depth > 0) {
                pos = end;
            }
        }
    }

    /** An array: its sub-elements must fit, and its dimensions may not promise more elements than bytes. */
    private void checkMatrix(ByteBuffer b, int start, int end, int depth, String where) throws DataException {
        if (end - start >= 16) {
            int flagsType = b.getInt(start) & 0xFFFF;
            int arrayClass = flagsType != 0 ? b.get(start + 8 + (b.order() == ByteOrder.LITTLE_ENDIAN ? 0 : 3)) & 0xFF : 0;
            int dimsAt = start + 16;
            // sparse arrays hold fewer values than elements; objects (class 17) have no dimensions there
            if (end - dimsAt >= 8 && arrayClass != MX_SPARSE && arrayClass != MX_OPAQUE) {
                int word = b.getInt(dimsAt);
                int dimsBytes = (word >>> 16) != 0 ? word >>> 16 : b.getInt(dimsAt + 4);
                int first = (word >>> 16) != 0 ? dimsAt + 4 : dimsAt + 8;
                if (dimsBytes >= 0 && dimsBytes <= end - first && dimsBytes % 4 == 0) {
                    double numel = 1;
                    for (int k = 0; k < dimsBytes / 4; k++) {
                        int d = b.getInt(first + 4 * k);
                        if (d < 0) {
                            throw new DataException(file, where, "an array has a negative dimension " + d);
                        }
                        numel *= d;
                    }
                    if (numel > end - start) {
                        throw new DataException(file, where, "an array claims " + (long) numel + " elements in "
                                + (end - start) + " bytes");
                    }
                    // values may be stored narrower (uint8 for doubles) but are read as 8-byte numbers
                    if (numel * 8 > elementBudget) {
                        throw new DataException(file, where, "an array of " + (long) numel + " elements would need "
                                + (long) (numel * 8 / (1 << 20)) + " MB, more than a quarter of the heap");
                    }
                }
            }
        }
        walk(b, start, end, depth + 1, where + ", ");
    }

    private byte[] inflate(ByteBuffer b, int data, int size, String where) throws DataException {
        Inflater inf = new Inflater();
        try {
            inf.setInput(b.array(), b.arrayOffset() + data, size);
            ByteBuffer out = ByteBuffer.allocate(Math.min(Math.max(1024, size * 4), 1 << 20));
            byte[] chunk = new byte[64 << 10];
            while (!inf.finished()) {
                int n = inf.inflate(chunk);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break; // a truncated stream: the library reports what it can read
                }
                if (out.remaining() < n) {
                    long want = Math.max((long) out.capacity() * 2, out.position() + (long) n);
                    if (want > inflatedBudget || want > Integer.MAX_VALUE - 16) {
                        throw new DataException(file, where, "a compressed element inflates beyond "
                                + (inflatedBudget >> 20) + " MB");
                    }
                    ByteBuffer bigger = ByteBuffer.allocate((int) want);
                    out.flip();
                    bigger.put(out);
                    out = bigger;
                }
                out.put(chunk, 0, n);
            }
            inflatedBudget -= out.position();
            byte[] result = new byte[out.position()];
            out.flip();
            out.get(result);
            return result;
        } catch (DataFormatException e) {
            throw new DataException(file, where, "a compressed element is not valid zlib data: " + e.getMessage());
        } finally {
            inf.end();
        }
    }

    private static int type(int word) {
        return word & 0xFFFF;
    }

    private static boolean isPadding(ByteBuffer b, int pos, int end) {
        for (int i = pos; i < end; i++) {
            if (b.get(i) != 0) {
                return false;
            }
        }
        return true;
    }
}

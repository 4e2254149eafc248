package org.nernst.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One item (or one result) of a {@link SparkDataParallel} map on its way between the driver and an
 * executor. Anything {@link Serializable} travels with plain Java serialization, except a
 * rectangular {@code double[][]} (a chunk of candidate rows), which is written as its shape and one
 * block of raw doubles: Java serialization would write every row as an object of its own, and on a
 * chunk of a million short rows the driver spent most of a task's serialization in the stream's
 * handle table and the executor most of its deserialization allocating and registering rows. The
 * values are copied bit for bit ({@link Double#doubleToRawLongBits}), so a prediction made from the
 * copy is the prediction made from the original.
 */
final class Shipped<V> implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final byte OBJECT = 0;
    private static final byte MATRIX = 1;
    /** Doubles per write or read of the raw block. */
    private static final int BUFFER_DOUBLES = 8192;

    private transient V value;

    Shipped(V value) {
        this.value = value;
    }

    V value() {
        return value;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        if (value instanceof double[][] m && rectangular(m)) {
            int cols = m[0].length;
            out.writeByte(MATRIX);
            out.writeInt(m.length);
            out.writeInt(cols);
            ByteBuffer buf = ByteBuffer.allocate(Double.BYTES * Math.max(cols, BUFFER_DOUBLES)).order(ByteOrder.LITTLE_ENDIAN);
            for (double[] row : m) {
                if (buf.remaining() < Double.BYTES * cols) {
                    out.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                for (double v : row) {
                    buf.putDouble(v); // raw bits: NaN payloads and signed zeros survive
                }
            }
            out.write(buf.array(), 0, buf.position());
        } else {
            out.writeByte(OBJECT);
            out.writeObject(value);
        }
    }

    @SuppressWarnings("unchecked")
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        byte kind = in.readByte();
        if (kind == OBJECT) {
            value = (V) in.readObject();
            return;
        }
        if (kind != MATRIX) {
            throw new java.io.StreamCorruptedException("unknown item encoding " + kind);
        }
        int rows = in.readInt();
        int cols = in.readInt();
        if (rows <= 0 || cols < 0) {
            throw new java.io.StreamCorruptedException("a matrix of " + rows + " x " + cols);
        }
        double[][] m = new double[rows][cols];
        ByteBuffer buf = ByteBuffer.allocate(Double.BYTES * Math.max(cols, BUFFER_DOUBLES)).order(ByteOrder.LITTLE_ENDIAN);
        int perBlock = cols == 0 ? rows : buf.capacity() / (Double.BYTES * cols);
        for (int from = 0; from < rows; from += perBlock) {
            int to = Math.min(rows, from + perBlock);
            buf.clear();
            in.readFully(buf.array(), 0, (to - from) * cols * Double.BYTES);
            for (int r = from; r < to; r++) {
                double[] row = m[r];
                for (int j = 0; j < cols; j++) {
                    row[j] = buf.getDouble();
                }
            }
        }
        value = (V) m;
    }

    /** Non-empty, no null row, every row as long as the first (anything else keeps Java serialization). */
    private static boolean rectangular(double[][] m) {
        if (m.length == 0 || m[0] == null) {
            return false;
        }
        for (double[] row : m) {
            if (row == null || row.length != m[0].length) {
                return false;
            }
        }
        return true;
    }
}

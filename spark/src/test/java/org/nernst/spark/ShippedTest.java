package org.nernst.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StreamCorruptedException;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nernst.core.ml.Prediction;

/** Items and results of a Spark map survive the trip bit for bit, whatever their shape. */
class ShippedTest {

    @SuppressWarnings("unchecked")
    private static <V> V roundTrip(V value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new Shipped<>(value));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return ((Shipped<V>) in.readObject()).value();
        }
    }

    private static int serializedSize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.size();
    }

    private static void assertBitwiseEqual(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int r = 0; r < expected.length; r++) {
            assertEquals(expected[r].length, actual[r].length, "row " + r);
            for (int j = 0; j < expected[r].length; j++) {
                assertEquals(Double.doubleToRawLongBits(expected[r][j]), Double.doubleToRawLongBits(actual[r][j]),
                        "row " + r + ", column " + j);
            }
        }
    }

    @Test
    void aChunkOfRowsComesBackBitForBitIncludingSpecialValues() throws Exception {
        // more rows than one buffer holds (8192 doubles), odd widths, and values Java would canonicalize
        SplittableRandom rng = new SplittableRandom(5);
        for (int cols : new int[] { 1, 7, 13, 9000 }) {
            double[][] m = new double[20_000 / Math.max(1, cols / 100)][cols];
            for (double[] row : m) {
                for (int j = 0; j < cols; j++) {
                    row[j] = rng.nextDouble(-1e6, 1e6);
                }
            }
            m[0][0] = Double.longBitsToDouble(0x7ff8_0000_dead_beefL); // a NaN with a payload
            m[1][0] = -0.0;
            m[2][0] = Double.MIN_VALUE;
            m[3][0] = Double.NEGATIVE_INFINITY;
            double[][] back = roundTrip(m);
            assertBitwiseEqual(m, back);
            assertEquals(0x7ff8_0000_dead_beefL, Double.doubleToRawLongBits(back[0][0]));
        }
    }

    @Test
    void aChunkTravelsAsOneBlockOfDoubles() throws Exception {
        double[][] m = new double[16_384][7];
        // Java serialization writes each row as an object: a header and a handle per row on top of its 56 bytes
        // the raw doubles plus a class descriptor and the stream's block headers (2 bytes per 1 kB block)
        int size = serializedSize(new Shipped<>(m));
        assertTrue(size < 16_384 * 7 * 8 * 1.01, size + " bytes");
        assertTrue(serializedSize(m) > 16_384 * (7 * 8 + 8), "what plain Java serialization writes");
    }

    @Test
    void zeroWidthRowsAndOneRowKeepTheirShape() throws Exception {
        assertBitwiseEqual(new double[5][0], roundTrip(new double[5][0]));
        double[][] one = { { 1.5, -2.5, 3e-300 } };
        assertBitwiseEqual(one, roundTrip(one));
    }

    @Test
    void raggedOrEmptyMatricesAndOtherObjectsFallBackToJavaSerialization() throws Exception {
        double[][] ragged = { { 1, 2, 3 }, { 4 }, {} };
        assertBitwiseEqual(ragged, roundTrip(ragged));
        double[][] withNull = { { 1, 2 }, null, { 3, 4 } };
        double[][] back = roundTrip(withNull);
        assertNull(back[1]);
        assertArrayEquals(new double[] { 3, 4 }, back[2]);
        double[][] none = roundTrip(new double[0][]);
        assertEquals(0, none.length);
        assertEquals(List.of("a", "b"), roundTrip(List.of("a", "b")));
        assertNull(roundTrip(null));
        Prediction p = roundTrip(new Prediction(new double[] { 1, Double.NaN }, new double[] { 0.5, 0 }));
        assertArrayEquals(new double[] { 1, Double.NaN }, p.mean());
        assertArrayEquals(new double[] { 0.5, 0 }, p.std());
    }

    @Test
    void aCorruptStreamIsRejectedWithAClearError() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new Shipped<>(new double[][] { { 1 } }));
        }
        byte[] b = bytes.toByteArray();
        // the encoding byte follows the class descriptor and precedes the shape (rows 1, cols 1) and the double
        int at = indexOf(b, new byte[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 });
        assertTrue(at > 0);
        b[at] = 9;
        StreamCorruptedException e = assertThrows(StreamCorruptedException.class,
                () -> new ObjectInputStream(new ByteArrayInputStream(b)).readObject());
        assertTrue(e.getMessage().contains("unknown item encoding 9"), e.getMessage());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer: for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

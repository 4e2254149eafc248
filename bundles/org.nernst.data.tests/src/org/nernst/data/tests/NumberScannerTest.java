package org.nernst.data.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nernst.data.internal.text.NumberScanner;
import org.nernst.data.internal.text.TimeScanner;

/** The byte-level number and time parsers against Java's own correctly rounded parser and java.time. */
class NumberScannerTest {
    private static double parse(NumberScanner s, String text) {
        byte[] b = ("xx" + text + "yy").getBytes(StandardCharsets.ISO_8859_1);
        return s.parse(b, 2, b.length - 2);
    }

    @Test
    void agreesBitForBitWithDoubleParseDoubleOnManyFormats() {
        NumberScanner s = new NumberScanner();
        Random r = new Random(42);
        for (int k = 0; k < 200_000; k++) {
            double v = switch (k % 4) {
                case 0 -> r.nextDouble() * 10;
                case 1 -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20);
                case 2 -> r.nextInt(1_000_000) - 500_000;
                default -> Double.longBitsToDouble(r.nextLong()) % 1e30;
            };
            if (!Double.isFinite(v)) {
                continue;
            }
            for (String text : new String[] { Double.toString(v), String.format(Locale.ROOT, "%.7f", v),
                    String.format(Locale.ROOT, "%.4e", v), String.format(Locale.ROOT, "%.17g", v) }) {
                double got = parse(s, text);
                assertEquals(NumberScanner.OK, s.status, text);
                assertEquals(Double.doubleToLongBits(Double.parseDouble(text)), Double.doubleToLongBits(got), text);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "2f", "0x1p3", "Infinity", "1e", "--1", "1.2.3", "1,5", "e5", ".", "+", "3 V", "1e+" })
    void rejectsWhatIsNotAPlainDecimal(String text) {
        NumberScanner s = new NumberScanner();
        parse(s, text);
        assertEquals(NumberScanner.INVALID, s.status, text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "  ", "NaN", "nan", "NA", "N/A", "null" })
    void missingWords(String text) {
        NumberScanner s = new NumberScanner();
        assertEquals(Double.NaN, parse(s, text));
        assertEquals(NumberScanner.MISSING, s.status, text);
    }

    @Test
    void edgeValues() {
        NumberScanner s = new NumberScanner();
        assertEquals(-0.0, parse(s, "-0.0"));
        assertEquals(5.0, parse(s, " 5. "));
        assertEquals(0.5, parse(s, "+.5"));
        assertEquals(0.0051783411763608456, parse(s, "0.0051783411763608456"), "more than 18 digits");
        assertEquals(1e300, parse(s, "1e300"));
        assertEquals(123456789012345678901234567890.0, parse(s, "123456789012345678901234567890"));
    }

    @Test
    void timestampsAndDurations() {
        TimeScanner t = new TimeScanner();
        assertEquals(java.time.Instant.parse("2017-05-12T19:46:01.250Z").toEpochMilli() / 1000.0,
                ts(t, "2017-05-12 19:46:01.250"), 1e-6);
        assertEquals(java.time.Instant.parse("2019-07-11T14:02:33Z").getEpochSecond(), ts(t, "07/11/2019 14:02:33"));
        assertEquals(java.time.Instant.parse("2019-07-11T14:02:33Z").getEpochSecond(), ts(t, "07/11/2019 02:02:33 PM"));
        assertEquals(java.time.Instant.parse("2020-02-29T10:00:00Z").getEpochSecond(), ts(t, "2020-02-29T12:00:00+02:00"));
        assertEquals(1494645243.4715, ts(t, "1494645243.4715"), "epoch seconds as a number");
        ts(t, "2019-02-29 00:00:00");
        assertEquals(NumberScanner.INVALID, t.status, "no 29 February in 2019");
        ts(t, "2019-13-01");
        assertEquals(NumberScanner.INVALID, t.status);
        assertEquals(2 * 86400 + 3 * 3600 + 4 * 60 + 5.5, dur(t, "  2d 03:04:05.5000"));
        assertEquals(27 * 3600 + 60 + 1.25, dur(t, "27:01:01.250"));
        assertEquals(12.5, dur(t, "12.5"));
        dur(t, "1:75:00");
        assertEquals(NumberScanner.INVALID, t.status);
    }

    private static double ts(TimeScanner t, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return t.timestamp(b, 0, b.length);
    }

    private static double dur(TimeScanner t, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return t.duration(b, 0, b.length);
    }
}

package org.nernst.data.internal.text;

/**
 * Parses decimal numbers straight from bytes, without a String per field. The grammar is the one
 * Nernst accepts in every text format: {@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?}; Java's own
 * extras ({@code 2f}, {@code 0x1p3}, {@code Infinity}) are not data. Values with at most 18
 * significant digits and a small decimal exponent are computed exactly (Clinger's fast path: both
 * operands are exact doubles, so one correctly rounded multiply or divide gives the nearest double);
 * the rest go through {@link Double#parseDouble}, which is correctly rounded too.
 */
public final class NumberScanner {
    public static final int OK = 0, MISSING = 1, INVALID = 2;

    private static final double[] POW10 = new double[23];
    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /** Outcome of the last call: {@link #OK}, {@link #MISSING} or {@link #INVALID}. */
    public int status;

    /**
     * @return the value, or NaN when {@link #status} is not OK; leading and trailing blanks are
     *         ignored; empty, {@code NaN}, {@code NA}, {@code N/A} and {@code null} are missing
     */
    public double parse(byte[] b, int start, int end) {
        while (start < end && (b[start] == ' ' || b[start] == '\t')) {
            start++;
        }
        while (end > start && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
            end--;
        }
        if (start == end) {
            status = MISSING;
            return Double.NaN;
        }
        int i = start;
        boolean negative = false;
        if (b[i] == '+' || b[i] == '-') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        while (i < end) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            mantissa = mantissa * 10 + d;
            digits++;
            i++;
        }
        int fraction = 0;
        if (i < end && b[i] == '.') {
            i++;
            int from = i;
            while (i < end) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                mantissa = mantissa * 10 + d;
                i++;
            }
            fraction = i - from;
            digits += fraction;
        }
        if (digits == 0) {
            return missingWord(b, start, end);
        }
        int exp10 = -fraction;
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                expNegative = b[i] == '-';
                i++;
            }
            if (i == end) {
                return invalid();
            }
            int e = 0;
            while (i < end) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                if (e < 100_000) {
                    e = e * 10 + d;
                }
                i++;
            }
            exp10 += expNegative ? -e : e;
        }
        if (i != end) {
            return invalid();
        }
        status = OK;
        // at most 18 digits cannot overflow a long; then the value is exact if the mantissa fits 53 bits
        if (digits <= 18 && exp10 >= -22 && exp10 <= 22 && mantissa < (1L << 53)) {
            double v = exp10 >= 0 ? mantissa * POW10[exp10] : mantissa / POW10[-exp10];
            return negative ? -v : v;
        }
        double v = Double.parseDouble(new String(b, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1));
        return Double.isInfinite(v) ? invalid() : v; // beyond ±1.8e308 is not a measurement
    }

    private double missingWord(byte[] b, int start, int end) {
        int n = end - start;
        if (n <= 4 && (eq(b, start, end, "nan") || eq(b, start, end, "na") || eq(b, start, end, "n/a")
                || eq(b, start, end, "null"))) {
            status = MISSING;
            return Double.NaN;
        }
        return invalid();
    }

    private double invalid() {
        status = INVALID;
        return Double.NaN;
    }

    private static boolean eq(byte[] b, int start, int end, String lower) {
        if (end - start != lower.length()) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            int c = b[start + k];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}

package org.nernst.data.internal.text;

/**
 * Date-times and durations as cyclers write them, parsed from bytes into seconds.
 * <ul>
 * <li>timestamps: {@code yyyy-MM-dd HH:mm:ss[.f...]} (also with {@code T}, a trailing {@code Z} or
 * {@code ±hh:mm}) and {@code MM/dd/yyyy HH:mm:ss[.f...]} (Maccor, BioLogic), optionally followed
 * by {@code AM}/{@code PM}; without a zone the clock time is taken as UTC, since cycler exports do
 * not say which zone they used. The result is seconds since 1970-01-01T00:00:00Z.</li>
 * <li>durations: a plain number of seconds, {@code H:MM:SS[.f]} (Neware; hours may exceed 24) or
 * {@code Nd HH:MM:SS[.f]} (Maccor).</li>
 * </ul>
 * A value that fits neither sets {@link #status} to {@link NumberScanner#INVALID}.
 */
public final class TimeScanner {
    public int status;
    private final NumberScanner numbers = new NumberScanner();
    private int pos;

    public double timestamp(byte[] b, int start, int end) {
        double epoch = numbers.parse(b, start, end);
        if (numbers.status != NumberScanner.INVALID) {
            status = numbers.status;
            return epoch;
        }
        while (start < end && (b[start] == ' ' || b[start] == '\t')) {
            start++;
        }
        while (end > start && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
            end--;
        }
        pos = start;
        int year, month, day;
        int first = digits(b, end, 1, 4);
        if (first < 0 || pos >= end) {
            return invalid();
        }
        if (b[pos] == '-') {
            if (pos - start != 4) {
                return invalid(); // a two-digit year is ambiguous
            }
            year = first;
            pos++;
            month = digits(b, end, 1, 2);
            if (!expect(b, end, '-')) {
                return invalid();
            }
            day = digits(b, end, 1, 2);
        } else if (b[pos] == '/') {
            month = first;
            pos++;
            day = digits(b, end, 1, 2);
            if (!expect(b, end, '/')) {
                return invalid();
            }
            year = digits(b, end, 4, 4);
        } else {
            return invalid();
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return invalid();
        }
        double seconds = 0;
        if (pos < end) {
            if (b[pos] != ' ' && b[pos] != 'T') {
                return invalid();
            }
            while (pos < end && (b[pos] == ' ' || b[pos] == 'T')) {
                pos++;
            }
            int h = digits(b, end, 1, 2);
            if (!expect(b, end, ':')) {
                return invalid();
            }
            int m = digits(b, end, 2, 2);
            int s = 0;
            double frac = 0;
            if (pos < end && b[pos] == ':') {
                pos++;
                s = digits(b, end, 2, 2);
                if (pos < end && b[pos] == '.') {
                    frac = fraction(b, end);
                }
            }
            if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 60 || frac < 0) {
                return invalid();
            }
            while (pos < end && b[pos] == ' ') {
                pos++;
            }
            if (pos + 1 < end && (b[pos] == 'A' || b[pos] == 'P' || b[pos] == 'a' || b[pos] == 'p')
                    && (b[pos + 1] == 'M' || b[pos + 1] == 'm')) {
                if (h < 1 || h > 12) {
                    return invalid();
                }
                boolean pm = b[pos] == 'P' || b[pos] == 'p';
                h = h % 12 + (pm ? 12 : 0);
                pos += 2;
            }
            seconds = h * 3600.0 + m * 60.0 + s + frac;
            if (pos < end && b[pos] == 'Z') {
                pos++;
            } else if (pos < end && (b[pos] == '+' || b[pos] == '-')) {
                int sign = b[pos] == '-' ? -1 : 1;
                pos++;
                int oh = digits(b, end, 2, 2);
                if (pos < end && b[pos] == ':') {
                    pos++;
                }
                int om = digits(b, end, 2, 2);
                if (oh < 0 || om < 0) {
                    return invalid();
                }
                seconds -= sign * (oh * 3600.0 + om * 60.0);
            }
        }
        if (pos != end) {
            return invalid();
        }
        status = NumberScanner.OK;
        return daysFromEpoch(year, month, day) * 86400.0 + seconds;
    }

    public double duration(byte[] b, int start, int end) {
        double plain = numbers.parse(b, start, end);
        if (numbers.status != NumberScanner.INVALID) {
            status = numbers.status;
            return plain;
        }
        while (start < end && (b[start] == ' ' || b[start] == '\t')) {
            start++;
        }
        while (end > start && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
            end--;
        }
        pos = start;
        long days = 0;
        int lead = digits(b, end, 1, 9);
        if (lead < 0) {
            return invalid();
        }
        if (pos < end && b[pos] == 'd') {
            days = lead;
            pos++;
            while (pos < end && b[pos] == ' ') {
                pos++;
            }
            lead = digits(b, end, 1, 2);
        }
        if (!expect(b, end, ':')) {
            return invalid();
        }
        int m = digits(b, end, 1, 2);
        if (!expect(b, end, ':')) {
            return invalid();
        }
        int s = digits(b, end, 1, 2);
        double frac = pos < end && b[pos] == '.' ? fraction(b, end) : 0;
        if (lead < 0 || m < 0 || m > 59 || s < 0 || s > 59 || frac < 0 || pos != end) {
            return invalid();
        }
        status = NumberScanner.OK;
        return days * 86400.0 + lead * 3600.0 + m * 60.0 + s + frac;
    }

    private int digits(byte[] b, int end, int min, int max) {
        int v = 0, n = 0;
        while (pos < end && n < max && b[pos] >= '0' && b[pos] <= '9') {
            v = v * 10 + (b[pos] - '0');
            pos++;
            n++;
        }
        return n < min ? -1 : v;
    }

    private boolean expect(byte[] b, int end, char c) {
        if (pos < end && b[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    private double fraction(byte[] b, int end) {
        pos++;
        double f = 0, scale = 0.1;
        int n = 0;
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
            f += (b[pos] - '0') * scale;
            scale /= 10;
            pos++;
            n++;
        }
        return n == 0 ? -1 : f;
    }

    private double invalid() {
        status = NumberScanner.INVALID;
        return Double.NaN;
    }

    private static int daysInMonth(int y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse). */
    static long daysFromEpoch(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}

package org.nernst.data.cycler;

import java.util.Locale;

/**
 * A vendor column header split into a lookup key and a unit: {@code "Test_Time (s)"} →
 * {@code test_time}, {@code s}; {@code "Current(mA)"} → {@code current}, {@code mA};
 * {@code "Voltage [V]"} → {@code voltage}, {@code V}.
 */
record Header(String key, String unit) {
    static Header parse(String raw) {
        String h = raw.trim();
        String unit = "";
        if ((h.endsWith(")") || h.endsWith("]")) && h.length() > 1) {
            char open = h.endsWith(")") ? '(' : '[';
            int i = h.lastIndexOf(open);
            if (i > 0) {
                unit = h.substring(i + 1, h.length() - 1).trim();
                h = h.substring(0, i).trim();
            }
        }
        return new Header(h.toLowerCase(Locale.ROOT).replace(' ', '_'), unit);
    }
}

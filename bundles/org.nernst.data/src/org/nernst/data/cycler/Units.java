package org.nernst.data.cycler;

import java.util.Locale;

/**
 * Converts a vendor's unit into the canonical unit of a quantity: {@code canonical = raw * scale + offset}.
 *
 * @since 0.1
 */
public record Units(double scale, double offset) {
    public static final Units SAME = new Units(1, 0);

    public double apply(double v) {
        return v * scale + offset;
    }

    /**
     * @param canonicalUnit the target unit (s, A, V, Ah, Wh, °C, Ω)
     * @param unit the unit as written by the vendor; empty means "already canonical"
     * @return the conversion, or null when the unit is not one Nernst knows for that quantity
     */
    public static Units to(String canonicalUnit, String unit) {
        String u = unit.trim().toLowerCase(Locale.ROOT).replace("µ", "u").replace("μ", "u").replace(" ", "")
                .replace("ohms", "ohm");
        if (u.isEmpty()) {
            return SAME;
        }
        return switch (canonicalUnit) {
            case "s" -> switch (u) {
                case "s", "sec", "secs" -> SAME;
                case "ms" -> new Units(1e-3, 0);
                case "min" -> new Units(60, 0);
                case "h", "hr", "hour", "hours" -> new Units(3600, 0);
                default -> null;
            };
            case "A" -> switch (u) {
                case "a", "amps", "amp" -> SAME;
                case "ma" -> new Units(1e-3, 0);
                case "ua" -> new Units(1e-6, 0);
                default -> null;
            };
            case "V" -> switch (u) {
                case "v", "volts" -> SAME;
                case "mv" -> new Units(1e-3, 0);
                default -> null;
            };
            case "Ah" -> switch (u) {
                case "ah", "amp-hr", "a.h" -> SAME;
                case "mah", "ma.h" -> new Units(1e-3, 0);
                case "uah", "ua.h" -> new Units(1e-6, 0);
                case "c", "as" -> new Units(1 / 3600.0, 0);
                default -> null;
            };
            case "Wh" -> switch (u) {
                case "wh", "watt-hr", "w.h" -> SAME;
                case "mwh", "mw.h" -> new Units(1e-3, 0);
                case "kwh" -> new Units(1e3, 0);
                case "j" -> new Units(1 / 3600.0, 0);
                default -> null;
            };
            case "°C" -> switch (u) {
                case "c", "°c", "degc", "deg.c", "celsius" -> SAME;
                case "k" -> new Units(1, -273.15);
                case "f", "°f", "degf" -> new Units(5.0 / 9, -32 * 5.0 / 9);
                default -> null;
            };
            case "Ω" -> switch (u) {
                case "ohm", "o", "ω", "Ω" -> SAME;
                case "mohm", "mω", "mo" -> new Units(1e-3, 0);
                default -> null;
            };
            default -> u.equals(canonicalUnit.toLowerCase(Locale.ROOT)) ? SAME : null;
        };
    }
}

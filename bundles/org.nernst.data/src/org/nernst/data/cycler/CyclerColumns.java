package org.nernst.data.cycler;

import java.util.List;

/**
 * The one time-series layout every cycler connector produces, whatever the vendor wrote: SI-style
 * units (s, A, V, Ah, Wh, °C, Ω), current positive while charging, capacities and energies
 * cumulative within a cycle. A connector writes only the columns its file has, plus {@code cycle}
 * and {@code step}, which it infers from the current when the file lacks them
 * ({@link Segmentation}).
 *
 * @since 0.1
 */
public final class CyclerColumns {
    public static final String CELL = "cell";
    public static final String CYCLE = "cycle";
    public static final String STEP = "step";
    public static final String TEST_TIME = "test_time";
    public static final String DATE_TIME = "date_time";
    public static final String CURRENT = "current";
    public static final String VOLTAGE = "voltage";
    public static final String CHARGE_CAPACITY = "charge_capacity";
    public static final String DISCHARGE_CAPACITY = "discharge_capacity";
    public static final String CHARGE_ENERGY = "charge_energy";
    public static final String DISCHARGE_ENERGY = "discharge_energy";
    public static final String TEMPERATURE = "temperature";
    public static final String INTERNAL_RESISTANCE = "internal_resistance";

    /** Canonical order of the columns, each with its unit. */
    public static final List<String[]> ALL = List.of(
            new String[] { CYCLE, "" }, new String[] { STEP, "" }, new String[] { TEST_TIME, "s" },
            new String[] { DATE_TIME, "s" }, new String[] { CURRENT, "A" }, new String[] { VOLTAGE, "V" },
            new String[] { CHARGE_CAPACITY, "Ah" }, new String[] { DISCHARGE_CAPACITY, "Ah" },
            new String[] { CHARGE_ENERGY, "Wh" }, new String[] { DISCHARGE_ENERGY, "Wh" },
            new String[] { TEMPERATURE, "°C" }, new String[] { INTERNAL_RESISTANCE, "Ω" });

    private CyclerColumns() {
    }

    public static String unit(String canonical) {
        for (String[] c : ALL) {
            if (c[0].equals(canonical)) {
                return c[1];
            }
        }
        throw new IllegalArgumentException("not a cycler column: " + canonical);
    }
}

package org.nernst.twin.synthesis;

import java.util.Locale;

/**
 * Faults a synthesized cell can carry, each with the signature it leaves in the data.
 *
 * @since 0.2
 */
public enum Fault {
    /** healthy */
    NONE,
    /**
     * An internal short: a resistance across the electrodes drains V/R_short inside the cell. The
     * cycler does not see that current; the signature is lost capacity, a lower voltage under the same
     * load, and self-discharge (falling voltage) during rests.
     */
    INTERNAL_SHORT,
    /**
     * Lithium plating (phenomenological): charge current above a threshold C-rate at high SOC plates
     * part of the charge as metallic lithium instead of intercalating it. During the following rest or
     * discharge the plated lithium strips back (a fraction is lost for good), which shows as the known
     * signature: a plateau in the relaxation voltage after charge, and a capacity loss.
     */
    LITHIUM_PLATING,
    /** The voltage sensor drifts linearly from the onset on; the cell itself is healthy. */
    SENSOR_DRIFT,
    /**
     * The cell disconnects (broken weld, CID open): from the onset no current flows whatever the
     * cycler commands; the measured current is 0 and the voltage relaxes to open circuit.
     */
    OPEN_CIRCUIT;

    /** The name written in tables: {@code none}, {@code internal_short} ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

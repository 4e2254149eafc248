package org.nernst.twin.experiment;

import java.util.List;

/**
 * One instruction of an experiment, as parsed from a line such as {@code Charge at 1C until 4.2 V}.
 *
 * @param line 1-based line of the experiment text it came from
 * @param text the instruction as written
 * @param mode what the cycler controls
 * @param value the controlled quantity's magnitude: A for {@link Mode#CURRENT}, C-rate for
 *        {@link Mode#C_RATE}, W for {@link Mode#POWER}, V for {@link Mode#VOLTAGE}; 0 for rest
 *        and drive cycles
 * @param direction whether the controlled current or power charges or discharges the cell
 * @param duration the step's longest duration (s), or {@code NaN} if it has none
 * @param limits conditions that end the step early (any of them)
 * @param driveCycle for {@link Mode#DRIVE_CYCLE}: the file as written
 * @since 0.2
 */
public record Step(int line, String text, Mode mode, double value, Direction direction, double duration,
        List<Limit> limits, String driveCycle) {

    /** What a step controls. */
    public enum Mode {
        /** constant current (A) */
        CURRENT,
        /** constant current given as a C-rate of the cell's capacity */
        C_RATE,
        /** constant power (W) */
        POWER,
        /** constant voltage (V): the current follows */
        VOLTAGE,
        /** no current */
        REST,
        /** a time series of current or power from a file */
        DRIVE_CYCLE
    }

    /** Sign of a controlled current or power. */
    public enum Direction {
        CHARGE, DISCHARGE, NONE
    }

    /**
     * A condition that ends a step.
     *
     * @param kind what is compared
     * @param value threshold: V, A (magnitude), C-rate (magnitude) or SOC as a fraction (0..1)
     */
    public record Limit(Kind kind, double value) {
        public enum Kind {
            /** the terminal voltage reaches the value (from either side) */
            VOLTAGE,
            /** the current's magnitude falls to the value (A) — for voltage holds */
            CURRENT,
            /** the current's magnitude falls to the value given as C-rate — for voltage holds */
            C_RATE,
            /** the state of charge reaches the value (from either side) */
            SOC
        }
    }

    public Step {
        limits = List.copyOf(limits);
    }

    public boolean hasDuration() {
        return !Double.isNaN(duration);
    }
}

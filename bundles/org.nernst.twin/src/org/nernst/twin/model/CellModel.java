package org.nernst.twin.model;

import java.util.List;

/**
 * The equations of a cell model, separate from its parameter set (given when the model is built),
 * from the solver that advances it and from the experiment that drives it (PyBaMM's split).
 * <p>
 * Sign convention: current in amperes, <b>positive = discharge</b>, as in {@code TwinModel}.
 * Temperatures in °C, time in seconds, voltages in volts. A state vector is owned by the caller;
 * models never keep per-run state, so one model instance may simulate many cells in parallel.
 *
 * @since 0.1
 */
public interface CellModel {

    /** Names of the entries of the state vector, e.g. {@code soc}, {@code v_rc1}, {@code temperature}. */
    List<String> stateNames();

    /** The state of a cell at rest (all overpotentials relaxed) at the given SOC (0..1) and temperature. */
    double[] initialState(double soc, double temperatureC);

    /**
     * Advances the state over {@code dt} seconds under a constant current and ambient temperature
     * (zero-order hold). Implementations use an exact solution where the equations allow it, an
     * implicit scheme for stiff equations, or {@link OdeCellModel}'s adaptive integrator.
     */
    void advance(double[] state, double current, double ambientC, double dt);

    /** Terminal voltage (V) in this state while this current flows. */
    double voltage(double[] state, double current);

    /** State of charge (0..1, relative to {@link #capacityAh()}) of this state. */
    double soc(double[] state);

    /** Cell temperature (°C) of this state; models without a thermal state return {@code ambientC}. */
    default double temperature(double[] state, double ambientC) {
        return ambientC;
    }

    /** Capacity (Ah) that a C-rate of 1 refers to. */
    double capacityAh();

    /** Lowest voltage the cell may be taken to (V): a step with no other limit stops here. */
    double minVoltage();

    /** Highest voltage the cell may be taken to (V). */
    double maxVoltage();

    /**
     * The current (A, + = discharge) that holds the terminal voltage at {@code target} in this state.
     * The default solves {@code voltage(state, I) = target} by the secant method; models with a
     * voltage linear in current override it with the closed form.
     */
    default double currentForVoltage(double[] state, double target) {
        return Roots.secant(i -> voltage(state, i) - target, 0.0, capacityAh(), 1e-9, 60);
    }

    /**
     * The current (A, + = discharge) that draws {@code power} watts (+ = discharge) in this state.
     */
    default double currentForPower(double[] state, double power) {
        double guess = power / Math.max(0.1, voltage(state, 0.0));
        return Roots.secant(i -> i * voltage(state, i) - power, guess, guess * 1.01 + 1e-3, 1e-9, 60);
    }
}

package com.example.nernst.extras.internal;

import java.util.List;

import org.nernst.twin.model.CellModel;

/**
 * Shepherd-type cell equations (Tremblay and Dessaint 2009, without the filtered-current term):
 * {@code V = E0 − R·i − K·(1−soc)/soc + A·exp(−B·Q·(1−soc))}, current {@code i} positive on
 * discharge as {@link CellModel} counts it. The only state is the SOC, so the solution over a step
 * of constant current is exact.
 */
record ShepherdModel(double capacityAh, double e0, double r, double k, double a, double b, double minVoltage,
        double maxVoltage) implements CellModel {
    /** The polarization term diverges at SOC 0: the voltage cut-off ends a discharge first. */
    private static final double MIN_SOC = 1e-3;

    @Override
    public List<String> stateNames() {
        return List.of("soc");
    }

    @Override
    public double[] initialState(double soc, double temperatureC) {
        return new double[] { soc };
    }

    @Override
    public void advance(double[] state, double current, double ambientC, double dt) {
        state[0] -= current * dt / 3600.0 / capacityAh;
    }

    @Override
    public double voltage(double[] state, double current) {
        double soc = Math.max(MIN_SOC, state[0]);
        return e0 - r * current - k * (1 - soc) / soc + a * Math.exp(-b * capacityAh * (1 - soc));
    }

    @Override
    public double soc(double[] state) {
        return state[0];
    }

    /** Voltage is linear in current: the closed form instead of the secant search. */
    @Override
    public double currentForVoltage(double[] state, double target) {
        return r == 0 ? 0 : (voltage(state, 0) - target) / r;
    }
}

package org.nernst.twin.tests.spm;

import org.nernst.twin.model.CellModel;
import org.nernst.twin.model.Roots;

/** Constant-current discharges driven by hand: {@code advance} in fixed steps, cut-off by bisection. */
final class Discharges {
    static final double AMBIENT = 25.0;

    private Discharges() {
    }

    /**
     * Discharges from {@code startSoc} at {@code current} A in steps of {@code dt} s until the lower
     * cut-off, which is located by bisection on the fraction of the last step; returns the charge (Ah).
     */
    static double capacityAh(CellModel model, double startSoc, double current, double dt) {
        double[] state = model.initialState(startSoc, AMBIENT);
        double t = 0;
        while (t < 100 * 3600) {
            double[] next = state.clone();
            model.advance(next, current, AMBIENT, dt);
            if (model.voltage(next, current) <= model.minVoltage()) {
                double[] base = state;
                double fraction = Roots.bisect(f -> {
                    double[] trial = base.clone();
                    model.advance(trial, current, AMBIENT, f * dt);
                    return model.voltage(trial, current) - model.minVoltage();
                }, 0, 1, 1e-7);
                return current * (t + fraction * dt) / 3600;
            }
            state = next;
            t += dt;
        }
        throw new AssertionError("no cut-off within 100 h");
    }

    /**
     * Largest |V| difference (V) between the model's own step and the Hipparchus reference
     * ({@link org.nernst.twin.model.OdeCellModel#integrate}) over a constant-current discharge from
     * full, {@code steps} steps of {@code dt} seconds.
     */
    static double worstDifferenceFromReference(org.nernst.twin.model.OdeCellModel m, double current, int steps,
            double dt) {
        double[] fast = m.initialState(1.0, AMBIENT);
        double[] reference = fast.clone();
        double worst = 0;
        for (int k = 0; k < steps; k++) {
            m.advance(fast, current, AMBIENT, dt);
            m.integrate(reference, current, AMBIENT, dt);
            worst = Math.max(worst, Math.abs(m.voltage(fast, current) - m.voltage(reference, current)));
        }
        return worst;
    }
}

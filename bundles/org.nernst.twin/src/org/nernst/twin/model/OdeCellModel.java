package org.nernst.twin.model;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * A cell model given by its right-hand side {@code dy/dt = f(y, I, T_amb)}, advanced by Hipparchus'
 * adaptive Dormand–Prince 8(5,3) integrator. Models whose equations allow an exact or implicit step
 * override {@link #advance}; this class then still serves as the reference the fast step is tested
 * against.
 */
public abstract class OdeCellModel implements CellModel {
    private final double absoluteTolerance;
    private final double relativeTolerance;

    protected OdeCellModel(double absoluteTolerance, double relativeTolerance) {
        this.absoluteTolerance = absoluteTolerance;
        this.relativeTolerance = relativeTolerance;
    }

    /** Writes {@code dy/dt} for this state, current (A, + = discharge) and ambient temperature. */
    public abstract void derivatives(double[] state, double current, double ambientC, double[] dydt);

    @Override
    public void advance(double[] state, double current, double ambientC, double dt) {
        integrate(state, current, ambientC, dt);
    }

    /** Advances {@code state} over {@code dt} with the adaptive integrator (the reference solution). */
    public final void integrate(double[] state, double current, double ambientC, double dt) {
        if (dt <= 0) {
            return;
        }
        int n = state.length;
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return n;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] d = new double[n];
                derivatives(y, current, ambientC, d);
                return d;
            }
        };
        DormandPrince853Integrator integrator =
                new DormandPrince853Integrator(1e-9, Math.max(dt, 1e-6), absoluteTolerance, relativeTolerance);
        double[] end = integrator.integrate(ode, new ODEState(0.0, state.clone()), dt).getPrimaryState();
        System.arraycopy(end, 0, state, 0, n);
    }
}

package org.nernst.twin.ecm;

import java.util.ArrayList;
import java.util.List;

import org.nernst.twin.model.CellModel;

/**
 * Thevenin equivalent circuit: OCV(SOC, T) + M·h − Σ v_i − R0·I, with current positive on discharge.
 * <p>
 * State vector: {@code soc, v_rc1 … v_rcn} then {@code hysteresis} (if M &gt; 0) then
 * {@code temperature} (if the thermal model is on). Under a current held constant over the step
 * every equation is linear with constant coefficients (parameters are evaluated at the start of the
 * step), so {@link #advance} is the <b>exact</b> exponential solution — no ODE solver, no step-size
 * error, stable for any step; this is what lets it run tens of millions of steps per second.
 * <p>
 * Heat: the irreversible heat I·(OCV − V) = R0·I² + I·Σ v_i warms the cell; h·A·(T − T_amb) cools it.
 */
public final class EquivalentCircuitModel implements CellModel {
    private final EcmParameters p;
    private final int n;
    private final int hIndex;
    private final int tIndex;
    private final List<String> names;
    private final double isothermalC;
    private final boolean constantTau;
    /** Decays exp(−dt/τ) of the last step length when every τ is constant; immutable, so shared safely. */
    private volatile Decays decays;

    private record Decays(double dt, double[] value) {
    }

    /** An isothermal model at 25 °C unless the parameter set has a thermal model. */
    public EquivalentCircuitModel(EcmParameters parameters) {
        this(parameters, 25.0);
    }

    /**
     * @param temperatureC temperature at which OCV and resistances are evaluated when the parameter
     *        set has no thermal model (with one, the state carries the temperature)
     */
    public EquivalentCircuitModel(EcmParameters parameters, double temperatureC) {
        this.p = parameters;
        this.isothermalC = temperatureC;
        this.n = parameters.pairs();
        int next = 1 + n;
        this.hIndex = parameters.hysteresis() ? next++ : -1;
        this.tIndex = parameters.thermal() ? next : -1;
        List<String> s = new ArrayList<>();
        s.add("soc");
        for (int i = 1; i <= n; i++) {
            s.add("v_rc" + i);
        }
        if (hIndex >= 0) {
            s.add("hysteresis");
        }
        if (tIndex >= 0) {
            s.add("temperature");
        }
        this.names = List.copyOf(s);
        boolean constant = true;
        for (Lookup t : parameters.tau()) {
            constant &= t.isConstant();
        }
        this.constantTau = constant;
    }

    /** exp(−dt/τ_i) for constant τ, computed once per distinct step length (fixed-step runs pay no exp). */
    private double[] decays(double dt) {
        Decays d = decays;
        if (d == null || d.dt() != dt) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = Math.exp(-dt / p.tau()[i].value(0, 0));
            }
            d = new Decays(dt, v);
            decays = d;
        }
        return d.value();
    }

    public EcmParameters parameters() {
        return p;
    }

    @Override
    public List<String> stateNames() {
        return names;
    }

    @Override
    public double[] initialState(double soc, double temperatureC) {
        double[] y = new double[names.size()];
        y[0] = soc;
        if (tIndex >= 0) {
            y[tIndex] = temperatureC;
        }
        return y;
    }

    private double cellTemperature(double[] y) {
        return tIndex >= 0 ? y[tIndex] : isothermalC;
    }

    @Override
    public double temperature(double[] state, double ambientC) {
        return tIndex >= 0 ? state[tIndex] : isothermalC;
    }

    /** Number of RC pairs. */
    public int pairs() {
        return n;
    }

    /** Index of the hysteresis state, or -1. */
    public int hysteresisIndex() {
        return hIndex;
    }

    /** Index of the temperature state, or -1. */
    public int temperatureIndex() {
        return tIndex;
    }

    @Override
    public void advance(double[] y, double current, double ambientC, double dt) {
        double soc = y[0];
        double t = cellTemperature(y);
        double q = p.capacityAh() * 3600.0;
        double heat = 0;
        if (tIndex >= 0) {
            heat = current * current * p.r0().value(soc, t);
        }
        double[] cached = constantTau ? decays(dt) : null;
        for (int i = 0; i < n; i++) {
            double r = p.r()[i].value(soc, t);
            double v = y[1 + i];
            if (tIndex >= 0) {
                heat += current * v;
            }
            double decay = cached != null ? cached[i] : Math.exp(-dt / p.tau()[i].value(soc, t));
            y[1 + i] = v * decay + r * current * (1 - decay);
        }
        double eta = current < 0 ? p.chargeEfficiency() : 1.0;
        y[0] = soc - eta * current * dt / q;
        if (hIndex >= 0 && current != 0) {
            double target = current > 0 ? -1.0 : 1.0;
            double decay = Math.exp(-p.hysteresisRate() * Math.abs(eta * current) * dt / q);
            y[hIndex] = target + (y[hIndex] - target) * decay;
        }
        if (tIndex >= 0) {
            double c = p.heatCapacity();
            double ha = p.heatTransfer();
            if (ha > 0) {
                double eq = ambientC + heat / ha;
                y[tIndex] = eq + (y[tIndex] - eq) * Math.exp(-ha * dt / c);
            } else {
                y[tIndex] += heat * dt / c;
            }
        }
    }

    /** Open-circuit voltage plus hysteresis in this state (V). */
    public double openCircuitVoltage(double[] y) {
        double v = p.ocv().voltage(y[0], cellTemperature(y));
        if (hIndex >= 0) {
            v += p.hysteresisMax() * y[hIndex];
        }
        return v;
    }

    @Override
    public double voltage(double[] y, double current) {
        double v = openCircuitVoltage(y);
        for (int i = 0; i < n; i++) {
            v -= y[1 + i];
        }
        return v - current * p.r0().value(y[0], cellTemperature(y));
    }

    @Override
    public double currentForVoltage(double[] y, double target) {
        // V is linear in I at fixed state: V = V0 − R0·I
        double v0 = voltage(y, 0.0);
        return (v0 - target) / p.r0().value(y[0], cellTemperature(y));
    }

    @Override
    public double currentForPower(double[] y, double power) {
        // P = I·(V0 − R0·I): the smaller root is the physical one (the other lies past maximum power)
        double v0 = voltage(y, 0.0);
        double r0 = p.r0().value(y[0], cellTemperature(y));
        double disc = v0 * v0 - 4 * r0 * power;
        if (disc < 0) {
            throw new ArithmeticException(String.format(java.util.Locale.ROOT,
                    "%.3f W exceeds the %.3f W this cell can deliver in this state", power, v0 * v0 / (4 * r0)));
        }
        return (v0 - Math.sqrt(disc)) / (2 * r0);
    }

    @Override
    public double soc(double[] state) {
        return state[0];
    }

    @Override
    public double capacityAh() {
        return p.capacityAh();
    }

    @Override
    public double minVoltage() {
        return p.minVoltage();
    }

    @Override
    public double maxVoltage() {
        return p.maxVoltage();
    }
}

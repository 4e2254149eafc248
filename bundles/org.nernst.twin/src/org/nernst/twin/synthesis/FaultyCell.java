package org.nernst.twin.synthesis;

import java.util.ArrayList;
import java.util.List;

import org.nernst.twin.model.CellModel;

/**
 * A cell model with a fault injected at a time: wraps a healthy model and appends two states, the
 * elapsed time (so the onset needs no mutable field and event location on copies of the state stays
 * exact) and the plated lithium (Ah). Current convention as {@link CellModel}: + = discharge; the
 * current given to {@link #advance} is what the cycler drives through the terminals.
 *
 * @since 0.2
 */
public final class FaultyCell implements CellModel {
    private final CellModel base;
    private final Fault fault;
    private final double onset;
    private final double shortResistance;
    private final double platingThresholdC;
    private final double platingSocThreshold;
    private final double strippingTimeConstant;
    private final double irreversibleFraction;
    private final double platingOverpotential;
    private final int clock;
    private final int plated;
    private final List<String> names;

    /**
     * @param base the healthy cell
     * @param fault the fault
     * @param onset time (s from the start of the run) at which the fault appears
     * @param shortResistance for {@link Fault#INTERNAL_SHORT}: the short's resistance (Ω)
     */
    public FaultyCell(CellModel base, Fault fault, double onset, double shortResistance) {
        this(base, fault, onset, shortResistance, 1.0, 0.7, 600, 0.3, 0.05);
    }

    /**
     * @param platingThresholdC charge C-rate above which lithium plates
     * @param platingSocThreshold SOC above which lithium plates
     * @param strippingTimeConstant time constant (s) of stripping at rest or on discharge
     * @param irreversibleFraction fraction of the plated lithium lost for good when it strips
     * @param platingOverpotential voltage (V) the stripping plateau adds at full plated amount
     *        (scaled by plated / (0.01 · capacity), capped at 1)
     */
    public FaultyCell(CellModel base, Fault fault, double onset, double shortResistance, double platingThresholdC,
            double platingSocThreshold, double strippingTimeConstant, double irreversibleFraction,
            double platingOverpotential) {
        if (fault == Fault.INTERNAL_SHORT && !(shortResistance > 0)) {
            throw new IllegalArgumentException("an internal short needs a positive resistance, got " + shortResistance);
        }
        this.base = base;
        this.fault = fault;
        this.onset = onset;
        this.shortResistance = shortResistance;
        this.platingThresholdC = platingThresholdC;
        this.platingSocThreshold = platingSocThreshold;
        this.strippingTimeConstant = strippingTimeConstant;
        this.irreversibleFraction = irreversibleFraction;
        this.platingOverpotential = platingOverpotential;
        List<String> n = new ArrayList<>(base.stateNames());
        this.clock = n.size();
        n.add("elapsed");
        this.plated = n.size();
        n.add("plated_lithium");
        this.names = List.copyOf(n);
    }

    public Fault fault() {
        return fault;
    }

    public double onset() {
        return onset;
    }

    /** Whether the fault is present in this state. */
    public boolean active(double[] y) {
        return fault != Fault.NONE && y[clock] >= onset;
    }

    @Override
    public List<String> stateNames() {
        return names;
    }

    @Override
    public double[] initialState(double soc, double temperatureC) {
        double[] b = base.initialState(soc, temperatureC);
        double[] y = new double[b.length + 2];
        System.arraycopy(b, 0, y, 0, b.length);
        return y;
    }

    private double[] inner(double[] y) {
        return java.util.Arrays.copyOf(y, clock);
    }

    @Override
    public void advance(double[] y, double current, double ambientC, double dt) {
        double[] b = inner(y);
        double t0 = y[clock];
        // split the step at the onset so the fault starts when it should
        if (fault != Fault.NONE && t0 < onset && t0 + dt > onset) {
            double first = onset - t0;
            advance(y, current, ambientC, first);
            advance(y, current, ambientC, dt - first);
            return;
        }
        boolean on = fault != Fault.NONE && t0 >= onset;
        double internal = current;
        if (on) {
            switch (fault) {
                case OPEN_CIRCUIT -> internal = 0;
                case INTERNAL_SHORT -> internal = current + base.voltage(b, current) / shortResistance;
                case LITHIUM_PLATING -> internal = plating(y, b, current, dt);
                default -> {
                }
            }
        }
        base.advance(b, internal, ambientC, dt);
        System.arraycopy(b, 0, y, 0, clock);
        y[clock] = t0 + dt;
    }

    /**
     * Plating bookkeeping; returns the current that intercalates. Charge above the threshold at high
     * SOC plates the excess (it does not raise the SOC); at rest or on discharge the plated lithium
     * strips with a time constant, the reversible part returning to the electrode.
     */
    private double plating(double[] y, double[] b, double current, double dt) {
        double cap = base.capacityAh();
        double charge = -current;
        double p = y[plated];
        if (charge > platingThresholdC * cap && base.soc(b) > platingSocThreshold) {
            double excess = charge - platingThresholdC * cap;
            y[plated] = p + excess * dt / 3600.0;
            return current + excess; // the excess does not intercalate
        }
        if (p > 0 && charge <= 0) {
            double stripped = p * (1 - Math.exp(-dt / strippingTimeConstant));
            y[plated] = p - stripped;
            double back = stripped * (1 - irreversibleFraction); // Ah returning to the electrode
            return current - back * 3600.0 / dt;
        }
        return current;
    }

    @Override
    public double voltage(double[] y, double current) {
        double[] b = inner(y);
        if (!active(y)) {
            return base.voltage(b, current);
        }
        return switch (fault) {
            case OPEN_CIRCUIT -> base.voltage(b, 0);
            case INTERNAL_SHORT -> {
                double leak = base.voltage(b, current) / shortResistance;
                yield base.voltage(b, current + leak);
            }
            case LITHIUM_PLATING -> base.voltage(b, current)
                    + platingOverpotential * Math.min(1, y[plated] / (0.01 * base.capacityAh()));
            default -> base.voltage(b, current);
        };
    }

    @Override
    public double soc(double[] y) {
        return base.soc(inner(y));
    }

    @Override
    public double temperature(double[] y, double ambientC) {
        return base.temperature(inner(y), ambientC);
    }

    @Override
    public double capacityAh() {
        return base.capacityAh();
    }

    @Override
    public double minVoltage() {
        return base.minVoltage();
    }

    @Override
    public double maxVoltage() {
        return base.maxVoltage();
    }
}

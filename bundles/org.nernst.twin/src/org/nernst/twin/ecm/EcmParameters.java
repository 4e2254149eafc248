package org.nernst.twin.ecm;

import java.util.Objects;

/**
 * The parameter set of an equivalent-circuit cell: OCV(SOC, T), series resistance R0 and
 * {@code n} RC pairs given as resistance and time constant (τ = R·C, easier to identify and bound
 * than C), each a constant or a table over SOC and temperature; optional one-state hysteresis
 * (Plett 2004) and lumped thermal model.
 *
 * @param capacityAh capacity a SOC of 1 corresponds to (Ah)
 * @param ocv open-circuit voltage curve
 * @param r0 series resistance (Ω)
 * @param r RC-pair resistances (Ω), 0 to 3 of them
 * @param tau RC-pair time constants (s), as many as {@code r}
 * @param chargeEfficiency coulombic efficiency applied to charge current (1 = none lost)
 * @param hysteresisMax maximum hysteresis voltage M (V); 0 turns hysteresis off
 * @param hysteresisRate rate γ at which hysteresis converges, per unit of SOC throughput
 * @param heatCapacity m·c_p of the cell (J/K); 0 keeps the cell at ambient temperature
 * @param heatTransfer h·A to ambient (W/K)
 * @param minVoltage lower cut-off (V)
 * @param maxVoltage upper cut-off (V)
 */
public record EcmParameters(double capacityAh, OcvCurve ocv, Lookup r0, Lookup[] r, Lookup[] tau,
        double chargeEfficiency, double hysteresisMax, double hysteresisRate,
        double heatCapacity, double heatTransfer, double minVoltage, double maxVoltage) {

    public EcmParameters {
        Objects.requireNonNull(ocv, "ocv");
        Objects.requireNonNull(r0, "r0");
        r = r.clone();
        tau = tau.clone();
        if (r.length != tau.length || r.length > 3) {
            throw new IllegalArgumentException("0 to 3 RC pairs, each with a resistance and a time constant (got "
                    + r.length + " resistances, " + tau.length + " time constants)");
        }
        if (!(capacityAh > 0)) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacityAh);
        }
        if (!(chargeEfficiency > 0 && chargeEfficiency <= 1)) {
            throw new IllegalArgumentException("charge efficiency must be in (0, 1], got " + chargeEfficiency);
        }
        if (hysteresisMax < 0 || hysteresisRate < 0 || heatCapacity < 0 || heatTransfer < 0) {
            throw new IllegalArgumentException("hysteresis and thermal parameters must be non-negative");
        }
        if (!(minVoltage < maxVoltage)) {
            throw new IllegalArgumentException("minimum voltage " + minVoltage + " must be below maximum " + maxVoltage);
        }
    }

    /** Constant R0 and RC pairs, no hysteresis, isothermal. */
    public static EcmParameters simple(double capacityAh, OcvCurve ocv, double r0, double[] r, double[] tau,
            double minVoltage, double maxVoltage) {
        Lookup[] rl = new Lookup[r.length];
        Lookup[] tl = new Lookup[tau.length];
        for (int i = 0; i < r.length; i++) {
            rl[i] = Lookup.constant(r[i]);
        }
        for (int i = 0; i < tau.length; i++) {
            tl[i] = Lookup.constant(tau[i]);
        }
        return new EcmParameters(capacityAh, ocv, Lookup.constant(r0), rl, tl, 1.0, 0, 0, 0, 0, minVoltage, maxVoltage);
    }

    public int pairs() {
        return r.length;
    }

    public boolean hysteresis() {
        return hysteresisMax > 0;
    }

    public boolean thermal() {
        return heatCapacity > 0;
    }

    /** A copy with other R0 / RC values (identification and cell-to-cell variation). */
    public EcmParameters withResistances(Lookup newR0, Lookup[] newR, Lookup[] newTau) {
        return new EcmParameters(capacityAh, ocv, newR0, newR, newTau, chargeEfficiency, hysteresisMax,
                hysteresisRate, heatCapacity, heatTransfer, minVoltage, maxVoltage);
    }

    /** A copy with another capacity (ageing, cell-to-cell variation). */
    public EcmParameters withCapacity(double newCapacityAh) {
        return new EcmParameters(newCapacityAh, ocv, r0, r, tau, chargeEfficiency, hysteresisMax,
                hysteresisRate, heatCapacity, heatTransfer, minVoltage, maxVoltage);
    }

    /** A copy with hysteresis (M volts, rate γ). */
    public EcmParameters withHysteresis(double max, double rate) {
        return new EcmParameters(capacityAh, ocv, r0, r, tau, chargeEfficiency, max, rate, heatCapacity,
                heatTransfer, minVoltage, maxVoltage);
    }

    /** A copy with a lumped thermal model. */
    public EcmParameters withThermal(double capacity, double transfer) {
        return new EcmParameters(capacityAh, ocv, r0, r, tau, chargeEfficiency, hysteresisMax, hysteresisRate,
                capacity, transfer, minVoltage, maxVoltage);
    }
}

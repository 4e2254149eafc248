package org.nernst.twin.degradation;

import org.nernst.twin.ecm.EcmParameters;
import org.nernst.twin.ecm.Lookup;

/**
 * Ages an equivalent-circuit parameter set: calendar and cycling capacity loss (SEI growth law plus
 * the throughput model, added: they consume lithium through different routes) scale the capacity;
 * resistances grow in proportion to the loss, R = R_new · (1 + γ · loss) — a linear coupling
 * that impedance studies report over the first 20–30 % of fade (e.g. Schmalstieg et al., J. Power
 * Sources 257 (2014) 325, who model both with √t and throughput laws).
 *
 * @param sei calendar (and cycling-driven) SEI growth; null for none
 * @param throughput throughput model; null for none
 * @param resistanceGrowth γ, relative resistance growth per unit of capacity-loss fraction
 */
public record Ageing(SeiGrowth sei, ThroughputAgeing throughput, double resistanceGrowth) {

    /** Loss fraction of the initial capacity, capped below 1. */
    public double lossFraction(double throughputAh, double days, double temperatureC, double meanSoc) {
        double loss = 0;
        if (sei != null) {
            loss += sei.lossFraction(days, throughputAh, temperatureC, meanSoc);
        }
        if (throughput != null) {
            loss += throughput.lossPercent(throughputAh, temperatureC) / 100.0;
        }
        return Math.min(loss, 0.99);
    }

    /**
     * A copy of {@code fresh} aged by {@code throughputAh} of discharge and {@code days} of life at
     * {@code temperatureC} and mean SOC {@code meanSoc}: capacity × (1 − loss), R0 and the RC-pair
     * resistances × (1 + γ·loss); time constants, OCV and thermal parameters unchanged.
     */
    public EcmParameters age(EcmParameters fresh, double throughputAh, double days, double temperatureC,
            double meanSoc) {
        double loss = lossFraction(throughputAh, days, temperatureC, meanSoc);
        double grow = 1 + resistanceGrowth * loss;
        Lookup[] r = new Lookup[fresh.pairs()];
        for (int i = 0; i < r.length; i++) {
            r[i] = fresh.r()[i].scaled(grow);
        }
        return fresh.withResistances(fresh.r0().scaled(grow), r, fresh.tau())
                .withCapacity(fresh.capacityAh() * (1 - loss));
    }
}

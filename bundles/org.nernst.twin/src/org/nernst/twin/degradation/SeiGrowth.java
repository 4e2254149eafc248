package org.nernst.twin.degradation;

/**
 * Capacity lost to the growth of the solid–electrolyte interphase. A diffusion-limited SEI layer
 * thickens as √t (Broussely et al., J. Power Sources 97–98 (2001) 13; Ploehn, Ramadass and White,
 * J. Electrochem. Soc. 151 (2004) A456), so the lithium it consumes does too:
 * <pre>
 * Q_loss = k_ref · exp(−Ea/R · (1/T − 1/T_ref)) · exp(σ · (SOC − 0.5)) · √(t + λ · Ah)
 * </pre>
 * with t the time in days, Arrhenius temperature dependence, an exponential SOC stress factor (a
 * lower anode potential at high SOC speeds SEI growth) and cycling entering as equivalent time: each
 * ampere-hour of throughput cracks and regrows SEI like λ days of storage would. As a fraction of
 * the initial capacity.
 *
 * @param kRef loss fraction per √day at the reference temperature and 50 % SOC
 * @param activationEnergy Ea (J/mol)
 * @param referenceC reference temperature (°C)
 * @param socStress σ, the SOC stress exponent
 * @param daysPerAh λ, storage-equivalent days per Ah of throughput
 */
public record SeiGrowth(double kRef, double activationEnergy, double referenceC, double socStress,
        double daysPerAh) {

    public static final double GAS_CONSTANT = 8.314462618;

    public SeiGrowth {
        if (kRef < 0 || activationEnergy < 0 || daysPerAh < 0) {
            throw new IllegalArgumentException("SEI rate, activation energy and days per Ah must be non-negative");
        }
    }

    /** Fraction of the initial capacity lost after {@code days} at {@code temperatureC} and {@code soc}. */
    public double lossFraction(double days, double throughputAh, double temperatureC, double soc) {
        double t = days + daysPerAh * throughputAh;
        if (t <= 0) {
            return 0;
        }
        return rate(temperatureC, soc) * Math.sqrt(t);
    }

    /** k(T, SOC): loss fraction per √day. */
    public double rate(double temperatureC, double soc) {
        double inv = 1 / (temperatureC + 273.15) - 1 / (referenceC + 273.15);
        return kRef * Math.exp(-activationEnergy / GAS_CONSTANT * inv) * Math.exp(socStress * (soc - 0.5));
    }
}

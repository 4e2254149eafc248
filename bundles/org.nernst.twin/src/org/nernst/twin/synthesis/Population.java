package org.nernst.twin.synthesis;

/**
 * How a synthesized population varies: cell-to-cell spread, ageing, sensors and faults.
 *
 * @param cells number of cells
 * @param capacitySpread relative standard deviation of capacity between cells
 * @param resistanceSpread relative standard deviation of R0 and the RC resistances between cells
 * @param minAge fewest equivalent full cycles a cell has seen
 * @param maxAge most equivalent full cycles (ages are uniform in between)
 * @param capacityFade relative capacity lost per 1000 equivalent full cycles
 * @param resistanceGrowth relative resistance gained per 1000 equivalent full cycles
 * @param voltageNoise standard deviation of the voltage sensor's noise (V)
 * @param currentNoise standard deviation of the current sensor's noise (A)
 * @param temperatureNoise standard deviation of the temperature sensor's noise (K)
 * @param currentOffset standard deviation, between cells, of the current sensor's constant offset (A)
 * @param faultFractions fraction of cells with each fault, indexed by {@link Fault#ordinal()} (NONE ignored)
 * @param faultOnsetMin earliest onset of a fault (s)
 * @param faultOnsetMax latest onset of a fault (s)
 * @param shortResistance internal-short resistance (Ω)
 * @param driftRate voltage-sensor drift (V per hour) for {@link Fault#SENSOR_DRIFT}
 * @since 0.2
 */
public record Population(int cells, double capacitySpread, double resistanceSpread, double minAge, double maxAge,
        double capacityFade, double resistanceGrowth, double voltageNoise, double currentNoise, double temperatureNoise,
        double currentOffset, double[] faultFractions, double faultOnsetMin, double faultOnsetMax,
        double shortResistance, double driftRate) {

    public Population {
        if (cells < 1) {
            throw new IllegalArgumentException("a population needs at least one cell");
        }
        if (capacitySpread < 0 || resistanceSpread < 0 || voltageNoise < 0 || currentNoise < 0 || temperatureNoise < 0
                || currentOffset < 0) {
            throw new IllegalArgumentException("spreads and noise levels must be non-negative");
        }
        if (!(minAge >= 0 && maxAge >= minAge)) {
            throw new IllegalArgumentException("ages must satisfy 0 ≤ minAge ≤ maxAge, got " + minAge + ", " + maxAge);
        }
        if (!(faultOnsetMin >= 0 && faultOnsetMax >= faultOnsetMin)) {
            throw new IllegalArgumentException("fault onsets must satisfy 0 ≤ min ≤ max");
        }
        faultFractions = faultFractions.clone();
        if (faultFractions.length != Fault.values().length) {
            throw new IllegalArgumentException("one fault fraction per fault kind is needed");
        }
        double sum = 0;
        for (int i = 1; i < faultFractions.length; i++) {
            if (faultFractions[i] < 0) {
                throw new IllegalArgumentException("fault fractions must be non-negative");
            }
            sum += faultFractions[i];
        }
        if (sum > 1 + 1e-12) {
            throw new IllegalArgumentException("fault fractions add up to " + sum + ", more than all cells");
        }
    }

    /** A population of identical, new, noiseless, healthy cells. */
    public static Population identical(int cells) {
        return new Population(cells, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, new double[Fault.values().length], 0, 0, 1, 0);
    }
}

package org.nernst.optimize;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.nernst.core.node.DataException;
import org.nernst.core.node.ParameterSpec;
import org.nernst.core.node.ParameterType;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Table;
import org.nernst.twin.degradation.ThroughputAgeing;
import org.nernst.twin.experiment.ExperimentParser;
import org.nernst.twin.sim.Simulation;
import org.nernst.twin.sim.Simulator;
import org.nernst.twin.spm.ParameterSet;
import org.nernst.twin.spm.ParameterSets;

/**
 * Scores four-step constant-current fast-charging protocols (0→80 % SOC in 20 % windows, fixed total
 * charge time, after Attia et al. 2020, Nature 578, 397) on a digital twin: the single particle
 * model with the Chen 2020 (LG M50) parameters plus a lumped thermal model. CC1..CC3 are the
 * variables; CC4 follows from the time constraint {@code Σ 0.2/CCi h = minutes/60}.
 * <p>
 * <b>The objective is a twin proxy, not Attia's measured cycle life</b>: predicted capacity fade
 * (%) after {@code cycles} cycles of "charge by the protocol, discharge at 1C", the sum of
 * <ul>
 * <li>lithium plating: {@code platingRate × ∫ max(0, −φ) dt} per cycle, with φ the negative surface
 * potential vs Li/Li⁺ ({@link PlatingSpm}); plating is what limits fast charging of graphite and
 * grows the more the surface potential is driven below 0 V and the longer (a linearized plating
 * kinetics; {@code platingRate} in % per V·s is an assumed constant, not fitted);</li>
 * <li>throughput ageing (SEI growth with charge throughput, Wang et al. 2011, {@link ThroughputAgeing}
 * with their published B, Ea, z) at the Arrhenius-equivalent cell temperature of the cycle, so hot
 * protocols age faster.</li>
 * </ul>
 * The value minimized is {@code ln(fade %)}: fades span an order of magnitude (plating grows
 * exponentially as the surface potential falls), and the surrogate models the logarithm far better;
 * {@link #fade} turns a value back into percent.
 * <p>
 * What the twin says is infeasible is rejected with a penalty above every feasible value: a
 * protocol whose CC4 falls outside the current range, a step that hits the 4.2 V limit before its
 * SOC target, or a cell hotter than {@code maxTemperature}. The penalty grows with the violation so
 * the surrogate sees the way back.
 *
 * @since 0.1
 */
public final class FastChargeTwin implements Objective {
    /** Wang et al. 2011 (J. Power Sources 196, 3942), C/2 fit: B, Ea (J/mol), z. */
    public static final ThroughputAgeing WANG_2011 = new ThroughputAgeing(30330, 31500, 0.552);
    /**
     * ln of a fade (%) no feasible protocol reaches: infeasible protocols score above it, more the
     * further they are from feasible.
     */
    private static final double PENALTY = Math.log(1000);

    private final double minutes;
    private final double minC;
    private final double maxC;
    private final int cycles;
    private final double platingRate;
    private final double maxTemperature;
    private final double ambient;
    private final PlatingSpm model;

    /**
     * The defaults used in the report: 25 min, 0.5..8C, 500 cycles, 0.05 %/V·s, 60 °C, 10 °C ambient. Why not
     * Attia's 10 min: the Chen 2020 LG M50 twin reaches 4.2 V before 80 % SOC for every 10-min protocol we tried
     *, and at 25 °C it never plates; at 10 °C and 25 min about 7 % of the 0.5C-step grid
     * is feasible and plating and heating trade off (the cell must warm itself up quickly to stop plating).
     */
    public static FastChargeTwin defaults() {
        return new FastChargeTwin(25, 0.5, 8, 500, 0.05, 60, 10);
    }

    public FastChargeTwin(double minutes, double minC, double maxC, int cycles, double platingRate,
            double maxTemperature, double ambient) {
        this.minutes = minutes;
        this.minC = minC;
        this.maxC = maxC;
        this.cycles = cycles;
        this.platingRate = platingRate;
        this.maxTemperature = maxTemperature;
        this.ambient = ambient;
        ParameterSet chen = ParameterSets.chen2020();
        // Chen 2020 gives no thermal values: a 21700 cell of ~70 g (m·cp ≈ 75 J/K) in a cooled fixture (hA 0.3 W/K)
        ParameterSet thermal = new ParameterSet(chen.name() + " + lumped thermal", chen.cell(), chen.negative(),
                chen.positive(), chen.separator(), chen.electrolyte(), Optional.of(new ParameterSet.Thermal(75, 0.3)));
        this.model = new PlatingSpm(thermal, 10);
    }

    /** The three variables CC1..CC3 (C-rates). */
    public List<ParameterSpec> space() {
        return List.of(variable("CC1"), variable("CC2"), variable("CC3"));
    }

    private ParameterSpec variable(String name) {
        return new ParameterSpec(name, ParameterType.DOUBLE, name, "C-rate of step " + name.substring(2), null, minC,
                maxC, List.of(), true);
    }

    /** CC4 from the time constraint, NaN when CC1..CC3 already use up the time. */
    public double cc4(double cc1, double cc2, double cc3) {
        double left = minutes / 60.0 - 0.2 * (1 / cc1 + 1 / cc2 + 1 / cc3);
        return left > 0 ? 0.2 / left : Double.NaN;
    }

    /** The experiment the twin runs for a protocol. */
    public String experiment(double[] cc) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            sb.append(String.format(Locale.ROOT, "Charge at %.6fC until %d %% SOC%n", cc[i], 20 * (i + 1)));
        }
        return sb.append("Rest for 5 minutes\nDischarge at 1C until 0 % SOC or 2.5 V\n").toString();
    }

    /** CC1..CC4 of a point, CC4 from the time constraint (NaN when there is no time left). */
    public double[] protocol(Map<String, Object> point) {
        double cc1 = ((Number) point.get("CC1")).doubleValue();
        double cc2 = ((Number) point.get("CC2")).doubleValue();
        double cc3 = ((Number) point.get("CC3")).doubleValue();
        return new double[] {cc1, cc2, cc3, cc4(cc1, cc2, cc3)};
    }

    /**
     * The time-constraint check alone (no simulation): empty when CC4 lies in the current range,
     * else the infeasible evaluation {@link #evaluate} would return.
     */
    public Optional<Evaluation> timeViolation(Map<String, Object> point) {
        double[] cc = protocol(point);
        double cc1 = cc[0];
        double cc2 = cc[1];
        double cc3 = cc[2];
        double cc4 = cc[3];
        if (!(cc4 <= maxC)) {
            // the time needed with CC4 at its maximum, over the allowed time: how far from feasible
            double need = 60 * 0.2 * (1 / cc1 + 1 / cc2 + 1 / cc3 + 1 / maxC) - minutes;
            return Optional.of(new Evaluation(PENALTY + need, false, String.format(Locale.ROOT,
                    "CC4 would be %s; %.2f min too slow for %s min", Double.isNaN(cc4) ? "undefined" : fmt(cc4) + "C",
                    need, fmt(minutes))));
        }
        if (cc4 < minC) {
            return Optional.of(new Evaluation(PENALTY + (minC - cc4), false, "CC4 " + fmt(cc4) + "C is below " + fmt(minC)
                    + "C"));
        }
        return Optional.empty();
    }

    @Override
    public Evaluation evaluate(Map<String, Object> point, ProgressMonitor monitor) throws DataException {
        Optional<Evaluation> violation = timeViolation(point);
        if (violation.isPresent()) {
            return violation.get();
        }
        double[] cc = protocol(point);
        Simulation sim = Simulator.run(model, ExperimentParser.parse(experiment(cc)),
                Simulator.Options.defaults().withInitialSoc(0).withAmbient(ambient).withPeriod(5).stoppingOnInfeasible(true),
                (name, line) -> {
                    throw new DataException("experiment", "line " + line, "drive cycles are not used here");
                }, monitor);
        return score(sim, cc);
    }

    private Evaluation score(Simulation sim, double[] cc) {
        Table t = sim.table();
        int n = t.rowCount();
        double[] time = t.doubles("test_time");
        double[] current = t.doubles("current");
        double[] temp = t.doubles("temperature");
        List<String> states = model.stateNames();
        double[][] cols = new double[states.size()][];
        for (int k = 0; k < states.size(); k++) {
            cols[k] = t.doubles(states.get(k));
        }
        double exposure = 0; // ∫ max(0, −φ) dt, V·s
        double arrhenius = 0;
        double maxT = Double.NEGATIVE_INFINITY;
        double ah = 0;
        double[] y = new double[states.size()];
        double prevDepth = 0;
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < y.length; k++) {
                y[k] = cols[k][r];
            }
            // the table's current is + while charging; the model's is + on discharge
            double depth = Math.max(0, -model.platingPotential(y, -current[r]));
            maxT = Math.max(maxT, temp[r]);
            if (r > 0) {
                double dt = time[r] - time[r - 1];
                exposure += 0.5 * (depth + prevDepth) * dt;
                arrhenius += dt * Math.exp(-WANG_2011.activationEnergy() / (8.314462618 * (temp[r] + 273.15)));
                ah += Math.abs(current[r]) * dt / 3600 / 2; // charge + discharge, counted as full cycles
            }
            prevDepth = depth;
        }
        if (sim.stoppedEarly().isPresent()) {
            double reached = model.soc(y); // y holds the last row
            boolean charging = current[n - 1] > 0;
            double shortfall = charging ? Math.max(0, 0.8 - reached) : 0.05;
            return new Evaluation(PENALTY + 5 * shortfall, false, sim.stoppedEarly().get());
        }
        if (maxT > maxTemperature) {
            return new Evaluation(PENALTY + 0.1 * (maxT - maxTemperature), false, String.format(Locale.ROOT,
                    "cell reaches %.1f °C, above %.1f °C", maxT, maxTemperature));
        }
        double equivalentK = -WANG_2011.activationEnergy() / (8.314462618 * Math.log(arrhenius / (time[n - 1] - time[0])));
        double throughput = WANG_2011.lossPercent(cycles * ah, equivalentK - 273.15);
        double plating = cycles * platingRate * exposure;
        return new Evaluation(Math.log(throughput + plating), true, String.format(Locale.ROOT,
                "fade %.3f %%; CC4 %.3fC; plating %.3f %% (%.3f V·s per cycle); throughput %.3f %% at %.1f °C; max %.1f °C",
                throughput + plating, cc[3], plating, exposure, throughput, equivalentK - 273.15, maxT));
    }

    /** The predicted fade (%) of an objective value. */
    public static double fade(double value) {
        return Math.exp(value);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}

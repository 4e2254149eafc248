package org.nernst.twin.spm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.twin.model.OdeCellModel;

/**
 * Single particle model (SPM) of a lithium-ion cell: each electrode is one representative
 * spherical particle in which lithium diffuses (Fick's law, finite volumes over {@code shells}
 * equal-thickness shells), the electrolyte is uniform at its initial concentration, and the
 * reaction follows symmetric Butler–Volmer kinetics, inverted in closed form (asinh). Terminal
 * voltage: {@code V = U_p(c_p,s) − U_n(c_n,s) + η_p − η_n − I R_contact}.
 * <p>
 * <b>State</b>: shell concentrations {@code c_n_0..c_n_{N-1}}, {@code c_p_0..c_p_{N-1}} (mol/m³,
 * centre to surface), then {@code temperature} (°C). Isothermal sets (no lumped thermal values)
 * still carry the temperature so {@link #voltage} knows it; {@link #advance} sets it to the
 * ambient temperature. With thermal values it follows {@code C dT/dt = I (U_ocv − V) − hA (T − T_amb)}.
 * <p>
 * <b>Solver</b>: {@link #advance} does not use the adaptive integrator. It takes implicit steps
 * of at most {@link #maxStep()} seconds, TR-BDF2 ({@link DiffusionStep}: a trapezoidal stage and a
 * BDF2 stage, one tridiagonal Thomas solve each, per particle), without allocating. Why implicit:
 * the shell equations are stiff (the fastest mode decays in ~Δr²/D, about 1–3 s for 20 shells of
 * the Chen 2020 particles, while a discharge lasts an hour), so an explicit method is limited by
 * stability, not accuracy. Why TR-BDF2: it is L-stable, so long steps damp the fast modes instead
 * of making them ring as Crank–Nicolson does when dt ≫ Δr²/D, yet second order, so 10 s steps stay
 * within about a millivolt of the adaptive reference where backward Euler was 2 mV off; and it
 * conserves lithium exactly (the rows telescope). The equations are linear for a constant
 * diffusivity; one that depends on stoichiometry is evaluated at the start of each step (linearly
 * implicit). {@link #integrate} (Hipparchus Dormand–Prince on {@link #derivatives}) remains the
 * reference the implicit step is tested against.
 * <p>
 * Current in amperes, positive = discharge, as {@link org.nernst.twin.model.CellModel} requires.
 */
public class SingleParticleModel extends OdeCellModel {
    /** Default number of shells per particle. */
    public static final int DEFAULT_SHELLS = 20;
    /** Longest implicit sub-step (s): longer {@code advance} calls are split into steps this long. */
    public static final double DEFAULT_MAX_STEP = 10.0;

    protected static final double F = ParameterSet.FARADAY;
    protected static final double R = ParameterSet.GAS_CONSTANT;
    protected static final double KELVIN = 273.15;

    protected final ParameterSet set;
    protected final int shells;
    protected final Particle negative;
    protected final Particle positive;
    protected final int negativeOffset;
    protected final int positiveOffset;
    protected final double area;
    private final double negativeCurrentScale;
    private final double positiveCurrentScale;
    private final double ambientC;
    private final List<String> stateNames;
    private final ThreadLocal<double[]> workspace;
    private final int negativeCache;
    private final int positiveCache;
    /** Where in {@link #workspace()} a subclass keeps the factorisation cache of its extra states. */
    protected final int extraCache;

    /** An SPM of {@code set} with {@code shells} shells per particle, ambient temperature 25 °C. */
    public SingleParticleModel(ParameterSet set, int shells) {
        this(set, shells, 25.0, 0);
    }

    /** An SPM of {@code set} with {@code shells} shells per particle at {@code ambientC} (°C). */
    public SingleParticleModel(ParameterSet set, int shells, double ambientC) {
        this(set, shells, ambientC, 0);
    }

    /**
     * @param ambientC       the temperature (°C) a twin node starts and holds the cell at when its
     *                       experiment does not say ({@link #ambientC()})
     * @param extraStates    number of states a subclass adds between the particles and the temperature
     */
    protected SingleParticleModel(ParameterSet set, int shells, double ambientC, int extraStates) {
        super(1e-6, 1e-10);
        if (shells < 3 || shells > 10_000) {
            throw new IllegalArgumentException("shells must be between 3 and 10000, not " + shells);
        }
        this.set = set;
        this.shells = shells;
        this.negative = new Particle(shells, set.negative());
        this.positive = new Particle(shells, set.positive());
        this.negativeOffset = 0;
        this.positiveOffset = shells;
        this.area = set.cell().electrodeArea();
        ParameterSet.Electrode n = set.negative();
        ParameterSet.Electrode p = set.positive();
        // A m⁻² of particle surface per ampere of cell current
        this.negativeCurrentScale = 1.0 / (n.surfaceAreaPerUnitVolume() * n.thickness() * area);
        this.positiveCurrentScale = -1.0 / (p.surfaceAreaPerUnitVolume() * p.thickness() * area);
        this.ambientC = ambientC;
        List<String> names = new ArrayList<>();
        for (int k = 0; k < shells; k++) {
            names.add("c_n_" + k);
        }
        for (int k = 0; k < shells; k++) {
            names.add("c_p_" + k);
        }
        names.addAll(extraStateNames(extraStates));
        names.add("temperature");
        this.stateNames = Collections.unmodifiableList(names);
        // scratch for one step, then the factorisation caches of the two particles and the extra states
        int scratch = DiffusionStep.workSize(Math.max(shells, extraStates)) + Math.max(shells, extraStates);
        this.negativeCache = scratch;
        this.positiveCache = negativeCache + DiffusionStep.cacheSize(shells);
        this.extraCache = positiveCache + DiffusionStep.cacheSize(shells);
        int workSize = extraCache + DiffusionStep.cacheSize(Math.max(extraStates, 1));
        this.workspace = ThreadLocal.withInitial(() -> {
            double[] w = new double[workSize];
            java.util.Arrays.fill(w, Double.NaN); // no factorisation cached yet
            return w;
        });
    }

    /**
     * Builds the model from node parameters: {@code parameterSet} (choice, {@code chen2020}),
     * {@code bpxFile} (path, optional, overrides the set), {@code shells} (integer, default 20) and
     * {@code temperature} (°C, default 25: initial and ambient temperature).
     */
    public static SingleParticleModel fromParameters(Parameters parameters) throws DataException {
        return new SingleParticleModel(parameterSet(parameters), shells(parameters), temperature(parameters), 0);
    }

    static ParameterSet parameterSet(Parameters parameters) throws DataException {
        String file = parameters.has("bpxFile") ? parameters.string("bpxFile").strip() : "";
        if (!file.isEmpty()) {
            return BpxReader.read(Path.of(file));
        }
        String name = parameters.has("parameterSet") ? parameters.string("parameterSet") : ParameterSets.CHEN_2020;
        return ParameterSets.named(name);
    }

    static int shells(Parameters parameters) {
        return parameters.has("shells") ? (int) parameters.integer("shells") : DEFAULT_SHELLS;
    }

    static double temperature(Parameters parameters) {
        return parameters.has("temperature") ? parameters.number("temperature") : 25.0;
    }

    /** Names of the states a subclass adds; the SPM adds none. */
    protected List<String> extraStateNames(int count) {
        return List.of();
    }

    public ParameterSet parameterSet() {
        return set;
    }

    public int shells() {
        return shells;
    }

    /** Initial and ambient temperature (°C) for runs that do not give one. */
    public double ambientC() {
        return ambientC;
    }

    /** Longest implicit sub-step (s). */
    public double maxStep() {
        return DEFAULT_MAX_STEP;
    }

    protected final int temperatureIndex() {
        return stateNames.size() - 1;
    }

    protected final double[] workspace() {
        return workspace.get();
    }

    protected final boolean thermal() {
        return set.thermal().isPresent();
    }

    @Override
    public List<String> stateNames() {
        return stateNames;
    }

    @Override
    public double[] initialState(double soc, double temperatureC) {
        double[] s = new double[stateNames.size()];
        ParameterSet.Electrode n = set.negative();
        ParameterSet.Electrode p = set.positive();
        double x = n.stoichiometryAt0() + soc * (n.stoichiometryAt100() - n.stoichiometryAt0());
        double y = p.stoichiometryAt0() + soc * (p.stoichiometryAt100() - p.stoichiometryAt0());
        java.util.Arrays.fill(s, negativeOffset, negativeOffset + shells, x * n.maximumConcentration());
        java.util.Arrays.fill(s, positiveOffset, positiveOffset + shells, y * p.maximumConcentration());
        s[temperatureIndex()] = temperatureC;
        return s;
    }

    /** Arrhenius factor exp(Ea/R (1/T_ref − 1/T)). */
    protected final double arrhenius(double activationEnergy, double temperatureK) {
        if (activationEnergy == 0) {
            return 1.0;
        }
        return Math.exp(activationEnergy / R * (1.0 / set.cell().referenceTemperature() - 1.0 / temperatureK));
    }

    /** Molar flux out of the negative particles' surface (mol m⁻² s⁻¹) at this cell current. */
    protected final double negativeFlux(double current) {
        return current * negativeCurrentScale / F;
    }

    /** Molar flux out of the positive particles' surface (mol m⁻² s⁻¹) at this cell current. */
    protected final double positiveFlux(double current) {
        return current * positiveCurrentScale / F;
    }

    /** Surface stoichiometry of the negative particle while this current flows. */
    public double negativeSurfaceStoichiometry(double[] state, double current) {
        double tK = state[temperatureIndex()] + KELVIN;
        ParameterSet.Electrode e = set.negative();
        return negative.surface(state, negativeOffset, negativeFlux(current), tK,
                arrhenius(e.diffusivityActivationEnergy(), tK)) / e.maximumConcentration();
    }

    /** Surface stoichiometry of the positive particle while this current flows. */
    public double positiveSurfaceStoichiometry(double[] state, double current) {
        double tK = state[temperatureIndex()] + KELVIN;
        ParameterSet.Electrode e = set.positive();
        return positive.surface(state, positiveOffset, positiveFlux(current), tK,
                arrhenius(e.diffusivityActivationEnergy(), tK)) / e.maximumConcentration();
    }

    /** Average stoichiometry of the negative particle. */
    public double negativeStoichiometry(double[] state) {
        return negative.average(state, negativeOffset) / set.negative().maximumConcentration();
    }

    /** Average stoichiometry of the positive particle. */
    public double positiveStoichiometry(double[] state) {
        return positive.average(state, positiveOffset) / set.positive().maximumConcentration();
    }

    /** Moles of lithium in the particles of both electrodes. */
    public double lithiumInParticles(double[] state) {
        ParameterSet.Electrode n = set.negative();
        ParameterSet.Electrode p = set.positive();
        return negative.average(state, negativeOffset) * n.activeMaterialFraction() * n.thickness() * area
                + positive.average(state, positiveOffset) * p.activeMaterialFraction() * p.thickness() * area;
    }

    /** Open-circuit voltage of the electrodes' average stoichiometries (the relaxed cell). */
    public double openCircuitVoltage(double[] state) {
        double tK = state[temperatureIndex()] + KELVIN;
        return set.positive().ocp().at(positiveStoichiometry(state), tK)
                - set.negative().ocp().at(negativeStoichiometry(state), tK);
    }

    @Override
    public double voltage(double[] state, double current) {
        double tK = state[temperatureIndex()] + KELVIN;
        double ce0 = set.electrolyte().initialConcentration();
        return electrodeVoltage(state, current, tK, ce0, ce0) - current * set.cell().contactResistance();
    }

    /**
     * U_p − U_n + η_p − η_n at the particle surfaces, with the electrolyte concentrations
     * {@code ceNegative}, {@code cePositive} (mol/m³) seen by each electrode's reaction.
     */
    protected final double electrodeVoltage(double[] state, double current, double tK, double ceNegative,
            double cePositive) {
        ParameterSet.Electrode n = set.negative();
        ParameterSet.Electrode p = set.positive();
        double ce0 = set.electrolyte().initialConcentration();
        double xs = clampStoichiometry(negativeSurfaceStoichiometry(state, current));
        double ys = clampStoichiometry(positiveSurfaceStoichiometry(state, current));
        double thermalVoltage = 2.0 * R * tK / F;
        double j0n = F * n.reactionRateConstant() * arrhenius(n.reactionRateActivationEnergy(), tK)
                * Math.sqrt(ceNegative / ce0 * xs * (1 - xs));
        double j0p = F * p.reactionRateConstant() * arrhenius(p.reactionRateActivationEnergy(), tK)
                * Math.sqrt(cePositive / ce0 * ys * (1 - ys));
        double etaN = thermalVoltage * asinh(current * negativeCurrentScale / (2 * j0n));
        double etaP = thermalVoltage * asinh(current * positiveCurrentScale / (2 * j0p));
        return p.ocp().at(ys, tK) - n.ocp().at(xs, tK) + etaP - etaN;
    }

    private static double clampStoichiometry(double x) {
        return Math.min(1 - 1e-9, Math.max(1e-9, x));
    }

    private static double asinh(double v) {
        double a = Math.abs(v);
        double r = Math.log(a + Math.sqrt(a * a + 1));
        return v < 0 ? -r : r;
    }

    @Override
    public double soc(double[] state) {
        ParameterSet.Electrode n = set.negative();
        return (negativeStoichiometry(state) - n.stoichiometryAt0()) / (n.stoichiometryAt100() - n.stoichiometryAt0());
    }

    @Override
    public double temperature(double[] state, double ambient) {
        return state[temperatureIndex()];
    }

    @Override
    public double capacityAh() {
        return set.cell().nominalCapacity();
    }

    @Override
    public double minVoltage() {
        return set.cell().lowerVoltageCutoff();
    }

    @Override
    public double maxVoltage() {
        return set.cell().upperVoltageCutoff();
    }

    /** Heat generated (W) while this current flows: the irreversible part, I (U_ocv − V). */
    protected final double heat(double[] state, double current) {
        return current * (openCircuitVoltage(state) - voltage(state, current));
    }

    @Override
    public void derivatives(double[] state, double current, double ambient, double[] dydt) {
        double tK = state[temperatureIndex()] + KELVIN;
        ParameterSet.Electrode n = set.negative();
        ParameterSet.Electrode p = set.positive();
        negative.derivatives(state, negativeOffset, negativeFlux(current), tK,
                arrhenius(n.diffusivityActivationEnergy(), tK), dydt);
        positive.derivatives(state, positiveOffset, positiveFlux(current), tK,
                arrhenius(p.diffusivityActivationEnergy(), tK), dydt);
        extraDerivatives(state, current, tK, dydt);
        int t = temperatureIndex();
        if (thermal()) {
            ParameterSet.Thermal th = set.thermal().orElseThrow();
            dydt[t] = (heat(state, current) - th.heatTransfer() * (state[t] - ambient)) / th.heatCapacity();
        } else {
            dydt[t] = 0;
        }
    }

    /** Derivatives of the states a subclass adds. */
    protected void extraDerivatives(double[] state, double current, double tK, double[] dydt) {
    }

    /** One implicit step of the states a subclass adds. */
    protected void extraImplicitStep(double[] state, double current, double tK, double dt, double[] work) {
    }

    @Override
    public void advance(double[] state, double current, double ambient, double dt) {
        if (!(dt > 0)) {
            return;
        }
        int steps = (int) Math.ceil(dt / maxStep() - 1e-9);
        double h = dt / steps;
        double[] work = workspace();
        int t = temperatureIndex();
        ParameterSet.Electrode n = set.negative();
        ParameterSet.Electrode p = set.positive();
        if (!thermal()) {
            state[t] = ambient;
        }
        for (int s = 0; s < steps; s++) {
            double tK = state[t] + KELVIN;
            double q = thermal() ? heat(state, current) : 0;
            negative.implicitStep(state, negativeOffset, negativeFlux(current), tK,
                    arrhenius(n.diffusivityActivationEnergy(), tK), h, work, negativeCache);
            positive.implicitStep(state, positiveOffset, positiveFlux(current), tK,
                    arrhenius(p.diffusivityActivationEnergy(), tK), h, work, positiveCache);
            extraImplicitStep(state, current, tK, h, work);
            if (thermal()) {
                ParameterSet.Thermal th = set.thermal().orElseThrow();
                double c = th.heatCapacity() / h;
                state[t] = (c * state[t] + q + th.heatTransfer() * ambient) / (c + th.heatTransfer());
            }
        }
    }
}

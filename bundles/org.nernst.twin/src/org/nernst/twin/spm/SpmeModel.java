package org.nernst.twin.spm;

import java.util.ArrayList;
import java.util.List;

import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;

/**
 * Single particle model with electrolyte (SPMe), after S. G. Marquis, V. Sulzer, R. Timms,
 * C. P. Please, S. J. Chapman, "An asymptotic derivation of a single particle model with
 * electrolyte", J. Electrochem. Soc. 166 (2019) A3693–A3706, doi:10.1149/2.0341915jes.
 * <p>
 * To the {@link SingleParticleModel} it adds the lithium concentration of the electrolyte across
 * the cell (negative electrode, separator, positive electrode; {@code cellsPerRegion} finite
 * volumes each), with the electrode reactions as uniform sources, as at the SPMe's order:
 * {@code ε ∂c_e/∂t = ∂/∂x(ε^b D_e ∂c_e/∂x) + (1 − t+) I/(F A L)} in the negative electrode,
 * the opposite sink in the positive, none in the separator, no flux at the current collectors.
 * The diffusivity is taken at the initial concentration (the equation is linear, as in Marquis'
 * leading-order correction), so the same implicit tridiagonal step as the particles applies.
 * <p>
 * Terminal voltage (Marquis et al.'s SPMe voltage in dimensional form, thermodynamic factor 1):
 * {@code V = U_p − U_n + η̄_p − η̄_n + 2(1 − t+) RT/F (⟨ln c_e⟩_p − ⟨ln c_e⟩_n)
 *  − I/A (L_n/(3κ_n) + L_s/κ_s + L_p/(3κ_p)) − I/A (L_n/(3σ_n) + L_p/(3σ_p)) − I R_contact},
 * with κ the effective electrolyte conductivity (at the initial concentration, times the region's
 * transport efficiency), σ the electrodes' effective electronic conductivities, and the exchange
 * current densities evaluated at each electrode's average electrolyte concentration.
 * <p>
 * Validity: the linear electrolyte equation can drive c_e to zero in the positive electrode at high
 * rates (Chen 2020 at 2C, near the end of the discharge, where a DFN would show the same depletion
 * less abruptly). The logarithm is then clamped, the voltage collapses to the cut-off and the run
 * ends there: outside the SPMe's range, not a numerical failure.
 * <p>
 * States: the particle shells, then {@code c_e_0..} (mol/m³, from the negative to the positive
 * current collector), then {@code temperature} (°C).
 */
public class SpmeModel extends SingleParticleModel {
    /** Default number of electrolyte finite volumes in each of the three regions. */
    public static final int DEFAULT_CELLS_PER_REGION = 10;

    private final int perRegion;
    private final int electrolyteOffset;
    private final int cells;
    /** Cell widths (m), porosities and effective diffusivity factors (transport efficiency). */
    private final double[] width;
    private final double[] porosity;
    private final double[] efficiency;
    /** Source (mol m⁻³ s⁻¹ per ampere) of each cell. */
    private final double[] sourcePerAmp;
    /** ε Δx of each cell: the capacities of the implicit step. */
    private final double[] capacity;

    public SpmeModel(ParameterSet set, int shells) {
        this(set, shells, DEFAULT_CELLS_PER_REGION, 25.0);
    }

    public SpmeModel(ParameterSet set, int shells, int cellsPerRegion, double ambientC) {
        super(set, shells, ambientC, 3 * check(set, cellsPerRegion));
        this.perRegion = cellsPerRegion;
        this.cells = 3 * cellsPerRegion;
        this.electrolyteOffset = 2 * shells;
        this.width = new double[cells];
        this.porosity = new double[cells];
        this.efficiency = new double[cells];
        this.sourcePerAmp = new double[cells];
        this.capacity = new double[cells];
        ParameterSet.Electrode n = set.negative();
        ParameterSet.Electrode p = set.positive();
        ParameterSet.Separator s = set.separator();
        double oneMinusT = 1 - set.electrolyte().cationTransferenceNumber();
        for (int k = 0; k < cells; k++) {
            int region = k / cellsPerRegion;
            switch (region) {
                case 0 -> fill(k, n.thickness(), n.porosity(), n.transportEfficiency(),
                        oneMinusT / (F * area * n.thickness()));
                case 1 -> fill(k, s.thickness(), s.porosity(), s.transportEfficiency(), 0);
                default -> fill(k, p.thickness(), p.porosity(), p.transportEfficiency(),
                        -oneMinusT / (F * area * p.thickness()));
            }
        }
    }

    private static int check(ParameterSet set, int cellsPerRegion) {
        if (!set.hasElectrolyte()) {
            throw new IllegalArgumentException("the SPMe needs the electrolyte, the separator and the electrodes'"
                    + " porosity and transport efficiency; parameter set '" + set.name() + "' has none (an SPM file)");
        }
        return checkCells(cellsPerRegion);
    }

    private static int checkCells(int cellsPerRegion) {
        if (cellsPerRegion < 1 || cellsPerRegion > 10_000) {
            throw new IllegalArgumentException("cellsPerRegion must be between 1 and 10000, not " + cellsPerRegion);
        }
        return cellsPerRegion;
    }

    private void fill(int k, double thickness, double eps, double eff, double source) {
        width[k] = thickness / perRegion;
        porosity[k] = eps;
        efficiency[k] = eff;
        sourcePerAmp[k] = source;
        capacity[k] = eps * width[k];
    }

    /** Builds the model from node parameters, as {@link SingleParticleModel#fromParameters}. */
    public static SpmeModel fromParameters(Parameters parameters) throws DataException {
        ParameterSet set = parameterSet(parameters);
        if (!set.hasElectrolyte()) {
            throw new DataException(parameters.string("bpxFile"), "/Parameterisation/Electrolyte",
                    "the SPMe needs the electrolyte, the separator and the electrodes' porosity and transport"
                            + " efficiency; this is an SPM file (Header.Model \"SPM\")");
        }
        return new SpmeModel(set, shells(parameters), DEFAULT_CELLS_PER_REGION, temperature(parameters));
    }

    @Override
    protected List<String> extraStateNames(int count) {
        List<String> names = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            names.add("c_e_" + k);
        }
        return names;
    }

    @Override
    public double[] initialState(double soc, double temperatureC) {
        double[] s = super.initialState(soc, temperatureC);
        java.util.Arrays.fill(s, 2 * shells, 2 * shells + 3 * perRegion, set.electrolyte().initialConcentration());
        return s;
    }

    /** Moles of lithium ions in the electrolyte. */
    public double lithiumInElectrolyte(double[] state) {
        double sum = 0;
        for (int k = 0; k < cells; k++) {
            sum += porosity[k] * width[k] * state[electrolyteOffset + k];
        }
        return sum * area;
    }

    /** Electrolyte diffusivity (m²/s) of the linear equation at temperature tK. */
    private double electrolyteDiffusivity(double tK) {
        ParameterSet.Electrolyte e = set.electrolyte();
        return e.diffusivity().at(e.initialConcentration(), tK) * arrhenius(e.diffusivityActivationEnergy(), tK);
    }

    /** Conductance D A/Δx (per unit area) of the face between cell k and k+1: harmonic series. */
    private double faceConductance(int k, double d) {
        return 1.0 / (0.5 * width[k] / (d * efficiency[k]) + 0.5 * width[k + 1] / (d * efficiency[k + 1]));
    }

    @Override
    protected void extraDerivatives(double[] state, double current, double tK, double[] dydt) {
        double d = electrolyteDiffusivity(tK);
        int o = electrolyteOffset;
        for (int k = 0; k < cells; k++) {
            dydt[o + k] = sourcePerAmp[k] * current * width[k];
        }
        for (int k = 0; k < cells - 1; k++) {
            double flux = faceConductance(k, d) * (state[o + k + 1] - state[o + k]);
            dydt[o + k] += flux;
            dydt[o + k + 1] -= flux;
        }
        for (int k = 0; k < cells; k++) {
            dydt[o + k] /= porosity[k] * width[k];
        }
    }

    @Override
    protected void extraImplicitStep(double[] state, double current, double tK, double dt, double[] work) {
        double d = electrolyteDiffusivity(tK);
        for (int k = 0; k < cells - 1; k++) {
            work[k] = faceConductance(k, d);
        }
        int s = cells - 1;
        for (int k = 0; k < cells; k++) {
            work[s + k] = sourcePerAmp[k] * current * width[k];
        }
        DiffusionStep.step(state, electrolyteOffset, cells, capacity, dt, work, 0, d, extraCache);
    }

    /** Average of ln c_e over region 0 (negative) or 2 (positive). */
    private double meanLog(double[] state, int region) {
        double sum = 0;
        for (int k = region * perRegion; k < (region + 1) * perRegion; k++) {
            sum += Math.log(Math.max(state[electrolyteOffset + k], 1e-9));
        }
        return sum / perRegion;
    }

    /** Average electrolyte concentration over region 0 (negative) or 2 (positive). */
    private double mean(double[] state, int region) {
        double sum = 0;
        for (int k = region * perRegion; k < (region + 1) * perRegion; k++) {
            sum += state[electrolyteOffset + k];
        }
        return Math.max(sum / perRegion, 1e-9);
    }

    /** Electrolyte ohmic resistance plus solid-phase resistance (Ω) at temperature tK. */
    public double ohmicResistance(double tK) {
        ParameterSet.Electrolyte e = set.electrolyte();
        ParameterSet.Electrode n = set.negative();
        ParameterSet.Electrode p = set.positive();
        ParameterSet.Separator s = set.separator();
        double kappa = e.conductivity().at(e.initialConcentration(), tK)
                * arrhenius(e.conductivityActivationEnergy(), tK);
        double electrolyte = n.thickness() / (3 * kappa * n.transportEfficiency())
                + s.thickness() / (kappa * s.transportEfficiency())
                + p.thickness() / (3 * kappa * p.transportEfficiency());
        double solid = solidTerm(n) + solidTerm(p);
        return (electrolyte + solid) / area;
    }

    private static double solidTerm(ParameterSet.Electrode e) {
        return Double.isFinite(e.conductivity()) && e.conductivity() > 0 ? e.thickness() / (3 * e.conductivity()) : 0;
    }

    @Override
    public double voltage(double[] state, double current) {
        double tK = state[temperatureIndex()] + KELVIN;
        double ceN = mean(state, 0);
        double ceP = mean(state, 2);
        double concentration = 2 * (1 - set.electrolyte().cationTransferenceNumber()) * R * tK / F
                * (meanLog(state, 2) - meanLog(state, 0));
        return electrodeVoltage(state, current, tK, ceN, ceP) + concentration
                - current * (ohmicResistance(tK) + set.cell().contactResistance());
    }
}

package org.nernst.twin.spm;

import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of a lithium-ion cell for single particle models, in SI units, named as the BPX
 * format (Battery Parameter eXchange) names them; the BPX field is given with each component.
 * Immutable. Built-in sets: {@link ParameterSets#chen2020()}; files: {@link BpxReader}.
 *
 * @param name         a label, e.g. the BPX header's title
 * @param cell         cell-level values ("Cell")
 * @param negative     the negative electrode ("Negative electrode")
 * @param positive     the positive electrode ("Positive electrode")
 * @param separator    the separator ("Separator"); used by the SPMe only
 * @param electrolyte  the electrolyte ("Electrolyte")
 * @param thermal      lumped thermal values, empty for an isothermal cell
 */
public record ParameterSet(String name, Cell cell, Electrode negative, Electrode positive, Separator separator,
        Electrolyte electrolyte, Optional<Thermal> thermal) {

    /** Faraday constant (C/mol). */
    public static final double FARADAY = 96485.33212;
    /** Gas constant (J/(mol K)). */
    public static final double GAS_CONSTANT = 8.314462618;

    public ParameterSet {
        Objects.requireNonNull(name);
        Objects.requireNonNull(cell);
        Objects.requireNonNull(negative);
        Objects.requireNonNull(positive);
        Objects.requireNonNull(separator);
        Objects.requireNonNull(electrolyte);
        Objects.requireNonNull(thermal);
    }

    /**
     * Whether the set describes the electrolyte and separator (and the electrodes' porosities and
     * transport efficiencies), as an SPMe needs; an SPM-only BPX file does not.
     */
    public boolean hasElectrolyte() {
        return Double.isFinite(electrolyte.cationTransferenceNumber()) && Double.isFinite(separator.thickness())
                && Double.isFinite(negative.porosity()) && Double.isFinite(negative.transportEfficiency())
                && Double.isFinite(positive.porosity()) && Double.isFinite(positive.transportEfficiency());
    }

    /**
     * Cell-level values.
     *
     * @param electrodeArea          "Electrode area [m2]" times "Number of electrode pairs connected in
     *                               parallel to make a cell": the total area the current flows through (m²)
     * @param nominalCapacity        "Nominal cell capacity [A.h]" (what 1C refers to)
     * @param lowerVoltageCutoff     "Lower voltage cut-off [V]"
     * @param upperVoltageCutoff     "Upper voltage cut-off [V]"
     * @param referenceTemperature   "Reference temperature [K]" of the Arrhenius laws
     * @param initialTemperature     "Initial temperature [K]"
     * @param contactResistance      series contact/film resistance (Ω); BPX has none in its schema, it
     *                               is read from "User-defined" → "Contact resistance [Ohm]" if given
     */
    public record Cell(double electrodeArea, double nominalCapacity, double lowerVoltageCutoff,
            double upperVoltageCutoff, double referenceTemperature, double initialTemperature,
            double contactResistance) {
    }

    /**
     * One electrode of a single particle model.
     *
     * @param thickness                        "Thickness [m]"
     * @param particleRadius                   "Particle radius [m]"
     * @param activeMaterialFraction           active material volume fraction ε_s; BPX gives "Surface area
     *                                         per unit volume [m-1]" a = 3 ε_s / R instead
     * @param porosity                         "Porosity" (electrolyte volume fraction)
     * @param transportEfficiency              "Transport efficiency" (ε^b, the inverse MacMullin number)
     * @param conductivity                     "Conductivity [S.m-1]" of the solid matrix (effective); NaN if
     *                                         the file has none (an SPM-only file): no solid ohmic drop
     * @param maximumConcentration             "Maximum concentration [mol.m-3]"
     * @param diffusivity                      "Diffusivity [m2.s-1]" of lithium in the particle, x = stoichiometry
     * @param diffusivityActivationEnergy      "Diffusivity activation energy [J.mol-1]" (0 if absent)
     * @param ocp                              "OCP [V]" as a function of stoichiometry x
     * @param reactionRateConstant             "Reaction rate constant [mol.m-2.s-1]": BPX's normalised k, with
     *                                         exchange current density j0 = F k sqrt((c_e/c_e0) x (1 - x))
     * @param reactionRateActivationEnergy     "Reaction rate constant activation energy [J.mol-1]" (0 if absent)
     * @param stoichiometryAt0                 stoichiometry at 0 % SOC (BPX: "Minimum stoichiometry" of the
     *                                         negative, "Maximum stoichiometry" of the positive electrode)
     * @param stoichiometryAt100               stoichiometry at 100 % SOC
     */
    public record Electrode(double thickness, double particleRadius, double activeMaterialFraction, double porosity,
            double transportEfficiency, double conductivity, double maximumConcentration, Property diffusivity,
            double diffusivityActivationEnergy, Property ocp, double reactionRateConstant,
            double reactionRateActivationEnergy, double stoichiometryAt0, double stoichiometryAt100) {

        public Electrode {
            Objects.requireNonNull(diffusivity);
            Objects.requireNonNull(ocp);
        }

        /** Particle surface area per unit electrode volume, a = 3 ε_s / R (m⁻¹). */
        public double surfaceAreaPerUnitVolume() {
            return 3.0 * activeMaterialFraction / particleRadius;
        }
    }

    /**
     * @param thickness            "Thickness [m]"
     * @param porosity             "Porosity"
     * @param transportEfficiency  "Transport efficiency"
     */
    public record Separator(double thickness, double porosity, double transportEfficiency) {
        /** The separator of an SPM-only set, which has none. */
        public static final Separator ABSENT = new Separator(Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * @param initialConcentration            "Initial concentration [mol.m-3]" (also the reference c_e0 of j0)
     * @param cationTransferenceNumber        "Cation transference number"
     * @param diffusivity                     "Diffusivity [m2.s-1]", x = concentration (mol/m³)
     * @param diffusivityActivationEnergy     "Diffusivity activation energy [J.mol-1]" (0 if absent)
     * @param conductivity                    "Conductivity [S.m-1]", x = concentration (mol/m³)
     * @param conductivityActivationEnergy    "Conductivity activation energy [J.mol-1]" (0 if absent)
     */
    public record Electrolyte(double initialConcentration, double cationTransferenceNumber, Property diffusivity,
            double diffusivityActivationEnergy, Property conductivity, double conductivityActivationEnergy) {

        /**
         * The electrolyte of an SPM-only set: 1000 mol/m³ (the j0 reference, which cancels in the
         * SPM), no transport properties.
         */
        public static final Electrolyte ABSENT = new Electrolyte(1000.0, Double.NaN, Property.constant(Double.NaN),
                0.0, Property.constant(Double.NaN), 0.0);

        public Electrolyte {
            Objects.requireNonNull(diffusivity);
            Objects.requireNonNull(conductivity);
        }
    }

    /**
     * Lumped thermal model: {@code C dT/dt = Q - hA (T - T_amb)}.
     *
     * @param heatCapacity   mass times specific heat, "Density [kg.m-3]" × "Volume [m3]" ×
     *                       "Specific heat capacity [J.K-1.kg-1]" (J/K)
     * @param heatTransfer   heat transfer coefficient times "External surface area [m2]" (W/K)
     */
    public record Thermal(double heatCapacity, double heatTransfer) {
    }
}

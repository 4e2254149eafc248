package org.nernst.twin.spm;

import java.util.Optional;

/** Parameter sets from the literature, built in so a twin runs without a file. */
public final class ParameterSets {
    private ParameterSets() {
    }

    /** Names accepted by {@link #named(String)}. */
    public static final String CHEN_2020 = "chen2020";

    /** The built-in set of this name. */
    public static ParameterSet named(String name) {
        return switch (name) {
            case CHEN_2020 -> chen2020();
            default -> throw new IllegalArgumentException("unknown parameter set '" + name + "' (known: chen2020)");
        };
    }

    /**
     * LG M50 (INR21700 M50, NMC 811 | graphite–SiOx, 5 Ah) from C.-H. Chen, F. Brosa Planella,
     * K. O'Regan, D. Gastol, W. D. Widanage, E. Kendrick, "Development of Experimental Techniques for
     * Parameterization of Multi-scale Lithium-ion Battery Models", J. Electrochem. Soc. 167 (2020)
     * 080534, doi:10.1149/1945-7111/ab9050: geometry, particle radii, volume fractions, diffusivities,
     * maximum concentrations, exchange-current coefficients and activation energies, stoichiometry
     * limits at 0 % and 100 % SOC, and the closed-form OCP fits, written here as published.
     * Electrolyte (LiPF6 in EC:EMC 3:7) diffusivity and conductivity from A. Nyman, M. Behm,
     * G. Lindbergh, Electrochim. Acta 53 (2008) 6356, as Chen et al. use them. Electrode area
     * 1.58 m × 0.065 m. Transport efficiencies are Bruggeman ε^1.5. Isothermal (the paper gives
     * no thermal parameters); reference temperature 25 °C.
     * <p>
     * Chen et al. give the exchange current density as j0 = m c_e^0.5 c_s^0.5 (c_max − c_s)^0.5 with
     * m = 6.48e-7 (negative) and 3.42e-6 (positive) A m⁻² (m³/mol)^1.5; BPX's normalised rate
     * constant is k = m c_max sqrt(c_e0) / F, computed below from those published values.
     */
    public static ParameterSet chen2020() {
        double ce0 = 1000.0;
        double cnMax = 33133.0;
        double cpMax = 63104.0;
        var cell = new ParameterSet.Cell(0.1027 /* 1.58 m × 0.065 m */, 5.0, 2.5, 4.2, 298.15, 298.15, 0.0);
        var negative = new ParameterSet.Electrode(85.2e-6, 5.86e-6, 0.75, 0.25, Math.pow(0.25, 1.5), 215.0,
                cnMax, Property.constant(3.3e-14), 0.0, ParameterSets::chen2020GraphiteOcp,
                6.48e-7 * cnMax * Math.sqrt(ce0) / ParameterSet.FARADAY, 35000.0, 0.0279, 0.9014);
        var positive = new ParameterSet.Electrode(75.6e-6, 5.22e-6, 0.665, 0.335, Math.pow(0.335, 1.5), 0.18,
                cpMax, Property.constant(4e-15), 0.0, ParameterSets::chen2020NmcOcp,
                3.42e-6 * cpMax * Math.sqrt(ce0) / ParameterSet.FARADAY, 17800.0, 0.9084, 0.2661);
        var separator = new ParameterSet.Separator(12e-6, 0.47, Math.pow(0.47, 1.5));
        var electrolyte = new ParameterSet.Electrolyte(ce0, 0.2594, ParameterSets::nyman2008Diffusivity, 0.0,
                ParameterSets::nyman2008Conductivity, 0.0);
        return new ParameterSet("Chen 2020 (LG M50)", cell, negative, positive, separator, electrolyte,
                Optional.empty());
    }

    /** Chen 2020 OCP fit of the graphite–SiOx electrode (V vs Li) at stoichiometry x. */
    static double chen2020GraphiteOcp(double x, double temperatureK) {
        return 1.9793 * Math.exp(-39.3631 * x) + 0.2482 - 0.0909 * Math.tanh(29.8538 * (x - 0.1234))
                - 0.04478 * Math.tanh(14.9159 * (x - 0.2769)) - 0.0205 * Math.tanh(30.4444 * (x - 0.6103));
    }

    /** Chen 2020 OCP fit of the NMC 811 electrode (V vs Li) at stoichiometry y. */
    static double chen2020NmcOcp(double y, double temperatureK) {
        return -0.8090 * y + 4.4875 - 0.0428 * Math.tanh(18.5138 * (y - 0.5542))
                - 17.7326 * Math.tanh(15.7890 * (y - 0.3117)) + 17.5842 * Math.tanh(15.9308 * (y - 0.3120));
    }

    /** Nyman 2008 electrolyte diffusivity (m²/s) at concentration c (mol/m³). */
    static double nyman2008Diffusivity(double c, double temperatureK) {
        double m = c / 1000.0;
        return 8.794e-11 * m * m - 3.972e-10 * m + 4.862e-10;
    }

    /** Nyman 2008 electrolyte conductivity (S/m) at concentration c (mol/m³). */
    static double nyman2008Conductivity(double c, double temperatureK) {
        double m = c / 1000.0;
        return 0.1297 * m * m * m - 2.51 * Math.pow(m, 1.5) + 3.329 * m;
    }
}

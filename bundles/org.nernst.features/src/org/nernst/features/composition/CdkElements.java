package org.nernst.features.composition;

import java.io.IOException;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import org.openscience.cdk.config.Elements;
import org.openscience.cdk.config.Isotopes;

/**
 * Basic element data from the Chemistry Development Kit (CDK, {@code org.openscience.cdk}, a
 * maintained cheminformatics library): period, group, covalent and van der Waals radius (Å),
 * Pauling electronegativity and natural (isotope-averaged) mass. Kept apart from
 * {@link ElementProperties} so that Magpie-only descriptors never load CDK.
 */
final class CdkElements {
    /** Property names as used in the featurizer's {@code properties} list. */
    static final String PREFIX = "cdk_";
    static final List<String> NAMES = List.of("cdk_Period", "cdk_Group", "cdk_CovalentRadius", "cdk_VdwRadius",
            "cdk_Electronegativity", "cdk_NaturalMass");

    private CdkElements() {
    }

    /** Values by atomic number (index 0 unused, NaN where CDK has none). */
    static double[] values(String property, int maxZ) throws IOException {
        IntToDoubleFunction f = switch (property) {
            case "cdk_Period" -> z -> Elements.ofNumber(z).period();
            case "cdk_Group" -> z -> groupOrNaN(Elements.ofNumber(z).group());
            case "cdk_CovalentRadius" -> z -> orNaN(Elements.ofNumber(z).covalentRadius());
            case "cdk_VdwRadius" -> z -> orNaN(Elements.ofNumber(z).vdwRadius());
            case "cdk_Electronegativity" -> z -> orNaN(Elements.ofNumber(z).electronegativity());
            case "cdk_NaturalMass" -> naturalMass();
            default -> throw new IllegalArgumentException("no CDK element property '" + property + "'; CDK gives "
                    + String.join(", ", NAMES));
        };
        double[] v = new double[maxZ + 1];
        v[0] = Double.NaN;
        for (int z = 1; z <= maxZ; z++) {
            v[z] = Elements.ofNumber(z).number() == z ? f.applyAsDouble(z) : Double.NaN;
        }
        return v;
    }

    private static IntToDoubleFunction naturalMass() throws IOException {
        Isotopes isotopes = Isotopes.getInstance();
        return z -> {
            double m = isotopes.getNaturalMass(z);
            return m > 0 ? m : Double.NaN;
        };
    }

    /** CDK reports group 0 for the f-block (no IUPAC group): not a value. */
    private static double groupOrNaN(int group) {
        return group > 0 ? group : Double.NaN;
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }
}

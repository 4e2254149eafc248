package org.nernst.features.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nernst.core.node.DataException;
import org.nernst.features.composition.CompositionFeatures;
import org.nernst.features.composition.ElementProperties;
import org.nernst.features.composition.Formula;

/**
 * Element data from the Chemistry Development Kit beside the Magpie tables (read in place from
 * {@code elements/magpie}): two maintained sources that must agree where they state the same fact.
 */
class CdkElementDataTest {
    private static ElementProperties magpie;
    private static ElementProperties cdk;

    @BeforeAll
    static void load() throws Exception {
        Path folder = Path.of(System.getProperty("nernst.data", "../../../shared/data"), "elements", "magpie");
        if (!Files.isDirectory(folder)) {
            fail("REAL DATA MISSING: " + folder.toAbsolutePath().normalize() + " does not exist; set -Dnernst.data");
        }
        magpie = ElementProperties.load(folder, List.of("Row", "Column", "Electronegativity", "AtomicWeight"));
        cdk = ElementProperties.load(Path.of("no-folder-needed"), List.of("cdk_Period", "cdk_Group",
                "cdk_Electronegativity", "cdk_NaturalMass", "cdk_CovalentRadius", "cdk_VdwRadius"));
    }

    @Test
    void periodsEqualMagpieRowsForEveryElementBothList() {
        int compared = 0;
        for (int z = 1; z <= 100; z++) {
            double a = magpie.value("Row", z);
            double b = cdk.value("cdk_Period", z);
            if (!Double.isNaN(a) && !Double.isNaN(b)) {
                assertEquals(a, b, "period of Z = " + z);
                compared++;
            }
        }
        assertTrue(compared >= 90, "compared " + compared);
    }

    @Test
    void groupsAgreeOutsideTheFBlock() {
        for (int z : new int[] {1, 3, 6, 8, 9, 11, 13, 15, 22, 25, 26, 27, 28, 29, 30, 47, 79, 82}) {
            assertEquals(magpie.value("Column", z), cdk.value("cdk_Group", z), "group of Z = " + z);
        }
        assertTrue(Double.isNaN(cdk.value("cdk_Group", 60)), "Nd has no IUPAC group in CDK: NaN, not 0");
    }

    @Test
    void paulingElectronegativityAndMassAgreeWithMagpie() {
        int compared = 0;
        for (int z = 1; z <= 94; z++) {
            double a = magpie.value("Electronegativity", z);
            double b = cdk.value("cdk_Electronegativity", z);
            if (!Double.isNaN(a) && !Double.isNaN(b) && b > 0) {
                assertEquals(a, b, 0.051, "Pauling electronegativity of Z = " + z);
                compared++;
            }
        }
        assertTrue(compared >= 70, "compared " + compared);
        for (int z : new int[] {3, 8, 15, 26, 27, 28}) {
            assertEquals(magpie.value("AtomicWeight", z), cdk.value("cdk_NaturalMass", z), 0.01, "mass of Z = " + z);
        }
        assertEquals(1.34, cdk.value("cdk_CovalentRadius", 3), 1e-12, "Li covalent radius in CDK (Å)");
        assertTrue(Double.isNaN(cdk.value("cdk_VdwRadius", 27)), "CDK has no vdW radius for Co: NaN");
    }

    @Test
    void descriptorsFromCdkMatchTheHandValue() throws Exception {
        CompositionFeatures f = new CompositionFeatures(cdk);
        double[] v = f.compute(Formula.parse("LiFePO4"));
        // Pauling: Li 0.98, Fe 1.83, P 2.19, O 3.44 (4 of 7 atoms)
        assertEquals(18.76 / 7, v[f.names("").indexOf("cdk_Electronegativity_mean")], 1e-12);
    }

    @Test
    void unknownCdkPropertyIsNamed() {
        DataException e = assertThrows(DataException.class, () -> ElementProperties.load(Path.of("x"),
                List.of("cdk_Colour")));
        assertTrue(e.getMessage().contains("cdk_Colour") && e.getMessage().contains("cdk_Electronegativity"),
                e.getMessage());
    }
}

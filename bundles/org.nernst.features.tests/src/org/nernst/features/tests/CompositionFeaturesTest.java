package org.nernst.features.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nernst.core.node.DataException;
import org.nernst.features.composition.CompositionFeatures;
import org.nernst.features.composition.ElementProperties;
import org.nernst.features.composition.Formula;

/**
 * Formula parsing and Magpie descriptors on the Magpie tables in {@code elements/magpie} (read in
 * place; see its PROVENANCE.md), checked against values worked out by hand from those tables:
 * Pauling electronegativity Li 0.98, Fe 1.83, P 2.19, O 3.44; Ni 1.91, Co 1.88, Al 1.61.
 */
class CompositionFeaturesTest {
    private static ElementProperties table;

    @BeforeAll
    static void load() throws Exception {
        Path folder = Path.of(System.getProperty("nernst.data", "../../../shared/data"), "elements", "magpie");
        if (!Files.isDirectory(folder)) {
            fail("REAL DATA MISSING: " + folder.toAbsolutePath().normalize() + " does not exist; set -Dnernst.data");
        }
        table = ElementProperties.load(folder, List.of("Electronegativity", "Number", "Row"));
    }

    private static double feature(String formula, String name) throws Exception {
        CompositionFeatures f = new CompositionFeatures(table);
        double[] v = f.compute(Formula.parse(formula));
        return v[f.names("").indexOf(name)];
    }

    @Test
    void lithiumIronPhosphate() throws Exception {
        // fractions 1/7 Li, 1/7 Fe, 1/7 P, 4/7 O
        assertEquals((0.98 + 1.83 + 2.19 + 4 * 3.44) / 7, feature("LiFePO4", "Electronegativity_mean"), 1e-12);
        assertEquals(0.98, feature("LiFePO4", "Electronegativity_min"));
        assertEquals(3.44, feature("LiFePO4", "Electronegativity_max"));
        assertEquals(3.44 - 0.98, feature("LiFePO4", "Electronegativity_range"), 1e-12);
        assertEquals(3.44, feature("LiFePO4", "Electronegativity_mode"), "oxygen is the most abundant");
        double mean = 18.76 / 7;
        double dev = (Math.abs(0.98 - mean) + Math.abs(1.83 - mean) + Math.abs(2.19 - mean) + 4 * Math.abs(3.44 - mean)) / 7;
        assertEquals(dev, feature("LiFePO4", "Electronegativity_avg_dev"), 1e-12);
        assertEquals((3 + 26 + 15 + 4 * 8) / 7.0, feature("LiFePO4", "Number_mean"), 1e-12);
    }

    @Test
    void fractionalNca() throws Exception {
        // LiNi0.8Co0.15Al0.05O2: 4 atoms per formula unit
        Formula f = Formula.parse("LiNi0.8Co0.15Al0.05O2");
        assertEquals(Map.of(3, 1.0, 28, 0.8, 27, 0.15, 13, 0.05, 8, 2.0), f.amounts());
        assertEquals((0.98 + 0.8 * 1.91 + 0.15 * 1.88 + 0.05 * 1.61 + 2 * 3.44) / 4,
                feature("LiNi0.8Co0.15Al0.05O2", "Electronegativity_mean"), 1e-12);
    }

    @Test
    void garnetParenthesesAndHydrates() throws Exception {
        assertEquals(Map.of(3, 7.0, 57, 3.0, 40, 2.0, 8, 12.0), Formula.parse("Li7La3Zr2O12").amounts());
        assertEquals(Map.of(20, 1.0, 8, 2.0, 1, 2.0), Formula.parse("Ca(OH)2").amounts());
        assertEquals(Map.of(29, 1.0, 7, 4.0, 1, 12.0, 16, 1.0, 8, 4.0), Formula.parse("[Cu(NH3)4]SO4").amounts());
        assertEquals(Map.of(29, 1.0, 16, 1.0, 8, 9.0, 1, 10.0), Formula.parse("CuSO4·5H2O").amounts());
        assertEquals(Map.of(3, 3.0, 26, 2.0, 15, 3.0, 8, 12.0), Formula.parse("Li3Fe2(PO4)3").amounts());
    }

    @ParameterizedTest
    @ValueSource(strings = { "LiXx2", "Li(Fe", "LiFe)", "lifepo4", "", "Li2-O", "Li0", "HH0", "()H", "Li2.",
            "H999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
                    + "9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
                    + "9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999" })
    void badFormulasNameThemselves(String formula) {
        Formula.FormulaException e = assertThrows(Formula.FormulaException.class, () -> Formula.parse(formula));
        assertTrue(e.getMessage().startsWith("formula '" + formula.trim() + "'"), e.getMessage());
    }

    @Test
    void deepNestingIsAFormulaErrorNotAStackOverflow() {
        String deep = "(".repeat(20_000) + "H" + ")".repeat(20_000);
        Formula.FormulaException e = assertThrows(Formula.FormulaException.class, () -> Formula.parse(deep));
        assertTrue(e.getMessage().contains("nested"), e.getMessage());
    }

    @Test
    void missingTableIsNamed(@org.junit.jupiter.api.io.TempDir Path dir) {
        DataException e = assertThrows(DataException.class, () -> ElementProperties.load(dir, List.of("Electronegativity")));
        assertTrue(e.getMessage().contains("Electronegativity"), e.getMessage());
    }

    @Test
    void elementWithoutAValueGivesNaNAndIsRecorded() throws Exception {
        // the Magpie electronegativity table has no value for helium
        CompositionFeatures f = new CompositionFeatures(table);
        double[] v = f.compute(Formula.parse("HeLi"));
        assertTrue(Double.isNaN(v[f.names("").indexOf("Electronegativity_mean")]));
        assertEquals("[He]", f.missing().get("Electronegativity").toString());
    }
}

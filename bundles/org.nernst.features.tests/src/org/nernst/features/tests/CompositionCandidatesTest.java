package org.nernst.features.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nernst.core.exec.CancelToken;
import org.nernst.core.exec.ExecutionListener;
import org.nernst.core.exec.NodeExecutionException;
import org.nernst.core.exec.RunResult;
import org.nernst.core.exec.WorkflowExecutor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.Table;
import org.nernst.core.workflow.WorkflowJson;
import org.nernst.features.composition.CompositionCandidates;
import org.nernst.features.composition.CompositionCandidates.Candidate;
import org.nernst.features.composition.CompositionCandidates.Rule;
import org.nernst.features.composition.ElementProperties;
import org.nernst.features.composition.Formula;
import org.nernst.features.composition.OxidationStates;

/**
 * Candidate generation on the Magpie tables in {@code elements/magpie} (read in place). Expected
 * values come from those tables: Co is in group 9 with Rh, Ir and Mt (radioactive); common
 * oxidation states Li +1, O −2, Co +2/+3, Al +3, Mg +2; production HHI Co 3100, Ni 1000.
 */
class CompositionCandidatesTest {
    private static Path folder;
    private static CompositionCandidates gen;
    private static OxidationStates ox;

    @BeforeAll
    static void load() throws Exception {
        folder = Path.of(System.getProperty("nernst.data", "../../../shared/data"), "elements", "magpie");
        if (!Files.isDirectory(folder)) {
            fail("REAL DATA MISSING: " + folder.toAbsolutePath().normalize() + " does not exist; set -Dnernst.data");
        }
        ox = OxidationStates.load(folder);
        gen = new CompositionCandidates(ElementProperties.load(folder, List.of("Column", "HHIp")), ox);
    }

    private static int z(String symbol) {
        return CompositionCandidates.atomicNumber(symbol);
    }

    private static List<String> formulas(List<Candidate> c) {
        return c.stream().map(Candidate::formula).toList();
    }

    @Test
    void cobaltIsReplacedByItsGroupWithoutRadioactiveMeitnerium() throws Exception {
        List<Candidate> c = gen.substitutions(Formula.parse("LiCoO2"), List.of(z("Co")), Rule.GROUP,
                e -> !CompositionCandidates.radioactive(e));
        assertEquals(List.of("LiRhO2", "LiIrO2"), formulas(c));
        assertEquals("Co→Rh", c.get(0).change());
        assertEquals(1.0, c.get(0).fraction());
    }

    @Test
    void oxidationRulePicksElementsSharingACommonState() throws Exception {
        List<Integer> partners = gen.partners(z("Co"), Rule.OXIDATION, e -> true);
        assertTrue(partners.contains(z("Ni")), "Ni +2/+3");
        assertTrue(partners.contains(z("Al")), "Al +3");
        assertTrue(partners.contains(z("Mg")), "Mg +2");
        assertFalse(partners.contains(z("Li")), "Li is +1 only");
        for (int p : partners) {
            assertTrue(ox.share(z("Co"), p), CompositionCandidates.symbol(p));
        }
        List<Integer> both = gen.partners(z("Co"), Rule.GROUP_AND_OXIDATION, e -> !CompositionCandidates.radioactive(e));
        assertEquals(List.of(z("Rh"), z("Ir")), both);
    }

    @Test
    void dopingGridSplitsTheSiteExactly() throws Exception {
        List<Candidate> c = gen.doping(Formula.parse("LiCoO2"), List.of(z("Co")), List.of(z("Al"), z("Mg")),
                new double[] {0.05, 0.1}, 1, 0.5);
        assertEquals(List.of("LiCo0.95Al0.05O2", "LiCo0.9Al0.1O2", "LiCo0.95Mg0.05O2", "LiCo0.9Mg0.1O2"), formulas(c));
        assertEquals("Co→Al0.1", c.get(1).change());
        assertEquals(0.9, c.get(1).amounts().get(z("Co")), 1e-12);
        assertEquals(0.1, c.get(1).amounts().get(z("Al")), 1e-12);
        // every candidate parses back to the amounts it claims
        for (Candidate k : c) {
            assertEquals(k.amounts(), Formula.parse(k.formula()).amounts());
        }
    }

    @Test
    void coDopingRespectsTheTotalShare() throws Exception {
        List<Candidate> c = gen.doping(Formula.parse("LiNiO2"), List.of(z("Ni")), List.of(z("Co"), z("Al")),
                new double[] {0.05, 0.15, 0.3}, 2, 0.2);
        // single: Co 0.05, 0.15; Al 0.05, 0.15 — pairs with x + y <= 0.2: (0.05,0.05), (0.05,0.15), (0.15,0.05)
        assertEquals(7, c.size(), formulas(c).toString());
        assertTrue(formulas(c).contains("LiNi0.8Co0.15Al0.05O2"), "NCA-like");
        for (Candidate k : c) {
            assertTrue(k.fraction() <= 0.2 + 1e-12);
        }
    }

    @Test
    void chargeBalanceWithinCommonStates() throws Exception {
        assertTrue(ox.chargeBalancePossible(Formula.parse("LiCoO2").amounts()));
        assertTrue(ox.chargeBalancePossible(Formula.parse("LiCo0.9Al0.1O2").amounts()), "Al3+ replaces Co3+");
        // Mg2+ on the Co site needs Co above +3, which is not among Magpie's common states for Co
        assertFalse(ox.chargeBalancePossible(Formula.parse("LiCo0.9Mg0.1O2").amounts()));
        assertTrue(ox.chargeBalancePossible(Formula.parse("LiFePO4").amounts()));
    }

    private static RunResult run(String nodeJson) throws Exception {
        String wf = """
                {"format": "nernst-workflow", "formatVersion": 1, "name": "candidates", "seed": 1, "nodes": [%s]}
                """.formatted(nodeJson);
        return new WorkflowExecutor(NodeRegistry.platform()).run(WorkflowJson.parse("test", wf), new ExecutionListener() {
        }, new CancelToken());
    }

    @Test
    void nodeFiltersBySupplyConcentrationAndKeepsTheRest() throws Exception {
        String folderJson = folder.toAbsolutePath().toString().replace("\\", "/");
        Table all = run("""
                {"id": "c", "type": "org.nernst.features.compositionCandidates",
                 "parameters": {"hosts": ["LiCoO2"], "folder": "%s"}}""".formatted(folderJson)).value("c", "candidates",
                Table.class);
        Table limited = run("""
                {"id": "c", "type": "org.nernst.features.compositionCandidates",
                 "parameters": {"hosts": ["LiCoO2"], "folder": "%s", "maxHhi": 2000}}""".formatted(folderJson))
                .value("c", "candidates", Table.class);
        ElementProperties hhi = ElementProperties.load(folder, List.of("HHIp"));
        assertTrue(limited.rowCount() > 0 && limited.rowCount() < all.rowCount(), limited.rowCount() + " of " + all.rowCount());
        List<String> subs = new ArrayList<>();
        for (int r = 0; r < limited.rowCount(); r++) {
            String s = limited.column("substituents").format(r);
            subs.add(s);
            assertTrue(hhi.value("HHIp", z(s)) <= 2000, s);
            assertEquals("LiCoO2", limited.column("parent").format(r));
        }
        assertTrue(subs.contains("Ni"), "Ni (HHIp 1000) passes: " + subs);
        assertFalse(subs.contains("Mg"), "Mg (HHIp 5300) is filtered out");
        for (int r = 0; r < all.rowCount(); r++) {
            int e = z(all.column("substituents").format(r));
            assertFalse(CompositionCandidates.radioactive(e), "radioactive " + e);
        }
    }

    @Test
    void hostTableColumnsAreCarriedAndTheFeaturizerAcceptsTheCandidates() throws Exception {
        String folderJson = folder.toAbsolutePath().toString().replace("\\", "/");
        Path hosts = Files.createTempFile("hosts", ".csv");
        Files.writeString(hosts, "formula,ion\nLiFePO4,Li\nLiMn2O4,Li\n");
        RunResult r = run("""
                {"id": "h", "type": "org.nernst.data.csv", "parameters": {"file": "%s"}},
                {"id": "c", "type": "org.nernst.features.compositionCandidates", "inputs": {"hosts": "h.table"},
                 "parameters": {"folder": "%s", "mode": "doping", "dopants": ["Mg", "Al"], "fractions": ["0.1"]}},
                {"id": "f", "type": "org.nernst.features.composition", "inputs": {"table": "c.candidates"},
                 "parameters": {"formulas": ["formula"], "folder": "%s", "properties": ["Electronegativity"]}}
                """.formatted(hosts.toString().replace("\\", "/"), folderJson, folderJson));
        Table c = r.value("c", "candidates", Table.class);
        // LiFePO4: sites Fe, P (Li, O fixed) x dopants Mg, Al; LiMn2O4: site Mn x Mg, Al
        List<String> got = new ArrayList<>();
        for (int i = 0; i < c.rowCount(); i++) {
            got.add(c.column("formula").format(i));
            assertEquals("Li", c.column("ion").format(i));
        }
        assertEquals(List.of("LiFe0.9Mg0.1PO4", "LiFe0.9Al0.1PO4", "LiFeP0.9Mg0.1O4", "LiFeP0.9Al0.1O4",
                "LiMn1.8Mg0.2O4", "LiMn1.8Al0.2O4"), got);
        Table f = r.value("f", "table", Table.class);
        assertEquals(6, f.rowCount());
        assertTrue(f.columnNames().contains("formula_Electronegativity_mean"), f.columnNames().toString());
    }

    @Test
    void badHostFormulaAndUnknownElementAreNamed() {
        String folderJson = folder.toAbsolutePath().toString().replace("\\", "/");
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> run("""
                {"id": "c", "type": "org.nernst.features.compositionCandidates",
                 "parameters": {"hosts": ["LiCoO2", "LiXx2"], "folder": "%s"}}""".formatted(folderJson)));
        assertTrue(messages(e).contains("hosts[2]") && messages(e).contains("LiXx2"), messages(e));
        NodeExecutionException e2 = assertThrows(NodeExecutionException.class, () -> run("""
                {"id": "c", "type": "org.nernst.features.compositionCandidates",
                 "parameters": {"hosts": ["LiCoO2"], "dopants": ["Qq"], "mode": "doping", "folder": "%s"}}""".formatted(
                folderJson)));
        assertTrue(messages(e2).contains("dopants") && messages(e2).contains("'Qq' is not an element symbol"), messages(e2));
    }

    private static String messages(Throwable t) {
        StringBuilder s = new StringBuilder();
        for (Throwable x = t; x != null; x = x.getCause()) {
            s.append(x.getMessage()).append(" | ");
        }
        return s.toString();
    }
}

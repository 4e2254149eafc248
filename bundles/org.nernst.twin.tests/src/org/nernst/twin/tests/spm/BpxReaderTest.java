package org.nernst.twin.tests.spm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.twin.spm.BpxReader;
import org.nernst.twin.spm.ParameterSet;
import org.nernst.twin.spm.ParameterSets;
import org.nernst.twin.spm.SingleParticleModel;
import org.nernst.twin.spm.SpmeModel;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class BpxReaderTest {
    @TempDir
    Path dir;

    /** The Chen 2020 set as a BPX 0.4 file, committed beside this class. */
    static String chenJson() throws IOException {
        try (InputStream in = BpxReaderTest.class.getResourceAsStream("chen2020_bpx.json")) {
            if (in == null) {
                throw new IOException("chen2020_bpx.json is missing from the test bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void chenFileReadsBackToTheBuiltInValues() throws Exception {
        ParameterSet read = BpxReader.read(write("chen.json", chenJson()));
        ParameterSet builtIn = ParameterSets.chen2020();
        assertEquals("Chen 2020 (LG M50)", read.name());
        assertEquals(builtIn.cell(), read.cell());
        assertEquals(builtIn.separator().thickness(), read.separator().thickness(), 0);
        assertEquals(builtIn.negative().activeMaterialFraction(), read.negative().activeMaterialFraction(), 1e-15);
        assertEquals(builtIn.positive().activeMaterialFraction(), read.positive().activeMaterialFraction(), 1e-15);
        assertEquals(builtIn.negative().reactionRateConstant(), read.negative().reactionRateConstant(), 1e-20);
        assertEquals(0.9084, read.positive().stoichiometryAt0(), 0);
        assertEquals(0.2661, read.positive().stoichiometryAt100(), 0);
        assertEquals(0.0279, read.negative().stoichiometryAt0(), 0);
        for (double x = 0.0; x <= 1.0; x += 0.05) {
            assertEquals(builtIn.negative().ocp().at(x, 298.15), read.negative().ocp().at(x, 298.15), 1e-14);
            assertEquals(builtIn.positive().ocp().at(x, 298.15), read.positive().ocp().at(x, 298.15), 1e-13);
        }
        for (double c = 200; c <= 2000; c += 200) {
            assertEquals(builtIn.electrolyte().conductivity().at(c, 298.15),
                    read.electrolyte().conductivity().at(c, 298.15), 1e-14);
            assertEquals(builtIn.electrolyte().diffusivity().at(c, 298.15),
                    read.electrolyte().diffusivity().at(c, 298.15), 1e-24);
        }
        assertTrue(read.thermal().isEmpty());
    }

    @Test
    void chenFileGivesTheSameOneCDischargeCurveAsTheBuiltInSet() throws Exception {
        ParameterSet read = BpxReader.read(write("chen.json", chenJson()));
        for (boolean electrolyte : new boolean[] {false, true}) {
            SingleParticleModel a = electrolyte ? new SpmeModel(ParameterSets.chen2020(), 20)
                    : new SingleParticleModel(ParameterSets.chen2020(), 20);
            SingleParticleModel b = electrolyte ? new SpmeModel(read, 20) : new SingleParticleModel(read, 20);
            double[] sa = a.initialState(1.0, 25);
            double[] sb = b.initialState(1.0, 25);
            for (int k = 0; k < 340; k++) {
                a.advance(sa, 5, 25, 10);
                b.advance(sb, 5, 25, 10);
                assertEquals(a.voltage(sa, 5), b.voltage(sb, 5), 1e-9, "step " + k);
            }
        }
    }

    @Test
    void bpxFileParameterOverridesTheBuiltInSet() throws Exception {
        String json = chenJson().replace("\"Nominal cell capacity [A.h]\": 5.0", "\"Nominal cell capacity [A.h]\": 4.8");
        Path file = write("chen48.json", json);
        SingleParticleModel m = SingleParticleModel.fromParameters(
                Parameters.of(Map.of("parameterSet", "chen2020", "bpxFile", file.toString())));
        assertEquals(4.8, m.capacityAh(), 0);
    }

    @Test
    void tablesAndThermalValuesAreRead() throws Exception {
        String json = chenJson()
                .replace("\"Diffusivity [m2.s-1]\": 3.3e-14", "\"Diffusivity [m2.s-1]\": {\"x\": [0, 1], \"y\": [3.3e-14, 3.3e-14]}")
                .replace("\"Initial temperature [K]\": 298.15", "\"Initial temperature [K]\": 298.15,"
                        + " \"Density [kg.m-3]\": 2800, \"Specific heat capacity [J.K-1.kg-1]\": 1000,"
                        + " \"Volume [m3]\": 2.42e-5, \"External surface area [m2]\": 0.00531,"
                        + " \"Heat transfer coefficient [W.m-2.K-1]\": 10");
        ParameterSet set = BpxReader.read(write("thermal.json", json));
        assertEquals(3.3e-14, set.negative().diffusivity().at(0.37, 298.15), 0);
        ParameterSet.Thermal th = set.thermal().orElseThrow();
        assertEquals(2800 * 1000 * 2.42e-5, th.heatCapacity(), 1e-9);
        assertEquals(10 * 0.00531, th.heatTransfer(), 1e-12);
        // A thermal cell warms during a 1C discharge; the implicit step tracks the reference in T too.
        SingleParticleModel m = new SingleParticleModel(set, 20);
        double[] fast = m.initialState(1.0, 25);
        double[] reference = fast.clone();
        for (int k = 0; k < 300; k++) {
            m.advance(fast, 5, 25, 10);
            m.integrate(reference, 5, 25, 10);
        }
        double rise = m.temperature(fast, 25) - 25;
        assertTrue(rise > 1 && rise < 30, "temperature rise " + rise + " K");
        assertEquals(m.temperature(reference, 25), m.temperature(fast, 25), 0.05);
    }

    /** The Chen file as BPX writes an SPM parameterisation: no electrolyte, separator, porosities. */
    private static String chenAsSpmFile() throws IOException {
        JsonObject root = JsonParser.parseString(chenJson()).getAsJsonObject();
        root.getAsJsonObject("Header").addProperty("Model", "SPM");
        JsonObject p = root.getAsJsonObject("Parameterisation");
        p.remove("Electrolyte");
        p.remove("Separator");
        for (String electrode : new String[] {"Negative electrode", "Positive electrode"}) {
            for (String key : new String[] {"Porosity", "Transport efficiency", "Conductivity [S.m-1]"}) {
                p.getAsJsonObject(electrode).remove(key);
            }
        }
        return root.toString();
    }

    @Test
    void spmFileDrivesTheSpmButNotTheSpme() throws Exception {
        Path file = write("chen-spm.json", chenAsSpmFile());
        ParameterSet set = BpxReader.read(file);
        assertTrue(!set.hasElectrolyte());
        SingleParticleModel fromFile = new SingleParticleModel(set, 20);
        SingleParticleModel builtIn = new SingleParticleModel(ParameterSets.chen2020(), 20);
        double[] a = fromFile.initialState(1.0, 25);
        double[] b = builtIn.initialState(1.0, 25);
        for (int k = 0; k < 100; k++) {
            fromFile.advance(a, 5, 25, 30);
            builtIn.advance(b, 5, 25, 30);
            assertEquals(builtIn.voltage(b, 5), fromFile.voltage(a, 5), 1e-9);
        }
        assertThrows(IllegalArgumentException.class, () -> new SpmeModel(set, 20));
        DataException e = assertThrows(DataException.class,
                () -> SpmeModel.fromParameters(Parameters.of(Map.of("bpxFile", file.toString()))));
        assertEquals(file.toString(), e.source());
        assertEquals("/Parameterisation/Electrolyte", e.location());
        // the same file claiming to be a DFN parameterisation is incomplete
        DataException dfn = refused(chenAsSpmFile().replace("\"Model\":\"SPM\"", "\"Model\":\"DFN\""));
        assertEquals("/Parameterisation/Electrolyte", dfn.location());
    }

    private DataException refused(String json) throws IOException {
        Path file = write("bad.json", json);
        DataException e = assertThrows(DataException.class, () -> BpxReader.read(file));
        assertEquals(file.toString(), e.source());
        return e;
    }

    @Test
    void badJsonIsADataException() throws Exception {
        String chen = chenJson();
        DataException e = refused(chen.substring(0, chen.length() / 2));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        e = refused(chen + " trailing");
        assertTrue(e.getMessage().contains("JSON"), e.getMessage());
        e = refused("[1, 2]");
        assertTrue(e.getMessage().contains("expected a JSON object"), e.getMessage());
    }

    @Test
    void missingFieldIsNamedByItsPath() throws Exception {
        DataException e = refused(chenJson().replace("\"Maximum concentration [mol.m-3]\": 33133", "\"Max\": 33133"));
        assertEquals("/Parameterisation/Negative electrode/Maximum concentration [mol.m-3]", e.location());
        assertTrue(e.getMessage().contains("missing required field"), e.getMessage());
        e = refused(chenJson().replace("\"Separator\"", "\"Spacer\""));
        assertEquals("/Parameterisation/Separator", e.location());
    }

    @Test
    void badExpressionIsNamedByItsPathAndColumn() throws Exception {
        DataException e = refused(chenJson().replace("1.9793 * exp(-39.3631 * x)", "1.9793 * exp(-39.3631 * x"));
        assertEquals("/Parameterisation/Negative electrode/OCP [V]", e.location());
        assertTrue(e.getMessage().contains("bad expression at column"), e.getMessage());
        e = refused(chenJson().replace("-0.8090 * x", "-0.8090 * __import__(x)"));
        assertEquals("/Parameterisation/Positive electrode/OCP [V]", e.location());
        assertTrue(e.getMessage().contains("unknown name '__import__'"), e.getMessage());
        // parses, but is not finite on the stoichiometry window
        e = refused(chenJson().replace("1.9793 * exp(-39.3631 * x)", "1.9793 * log(x - 0.5)"));
        assertEquals("/Parameterisation/Negative electrode/OCP [V]", e.location());
        assertTrue(e.getMessage().contains("expected a finite voltage"), e.getMessage());
    }

    @Test
    void wrongTypesAndRangesAreRefused() throws Exception {
        DataException e = refused(chenJson().replace("\"Thickness [m]\": 8.52e-05", "\"Thickness [m]\": \"thick\""));
        assertEquals("/Parameterisation/Negative electrode/Thickness [m]", e.location());
        assertTrue(e.getMessage().contains("expected a number"), e.getMessage());
        e = refused(chenJson().replace("\"Porosity\": 0.47", "\"Porosity\": 1.7"));
        assertEquals("/Parameterisation/Separator/Porosity", e.location());
        e = refused(chenJson().replace("\"Diffusivity [m2.s-1]\": 3.3e-14",
                "\"Diffusivity [m2.s-1]\": {\"x\": [0, 0], \"y\": [1e-14, 2e-14]}"));
        assertEquals("/Parameterisation/Negative electrode/Diffusivity [m2.s-1]/x/1", e.location());
        e = refused(chenJson().replace("\"Maximum stoichiometry\": 0.9014", "\"Maximum stoichiometry\": 0.01"));
        assertEquals("/Parameterisation/Negative electrode/Maximum stoichiometry", e.location());
    }

    @Test
    void missingFileIsADataException() {
        Path file = dir.resolve("nothing.json");
        DataException e = assertThrows(DataException.class, () -> BpxReader.read(file));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }
}

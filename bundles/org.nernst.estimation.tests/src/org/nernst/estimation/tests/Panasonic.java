package org.nernst.estimation.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.nernst.core.node.DataException;
import org.nernst.core.table.Table;
import org.nernst.data.mat.DigatronMatReader;
import org.nernst.twin.ecm.EcmIdentification;
import org.nernst.twin.ecm.EcmParameters;
import org.nernst.twin.ecm.OcvExtraction;

/**
 * The Panasonic 18650PF data (read in place from {@code nernst.data}) and the ECM identified from
 * it per temperature, cached for the test run: OCV = the 25 °C C/20 discharge branch (+ R·I, R =
 * 0.05 Ω) bent through the rested points of that temperature's HPPC test; R0 from the pulse edges;
 * two RC pairs fitted per pulse set, every set (the one near empty too) a SOC breakpoint. Capacity = the charge the HPPC test takes out of the full cell
 * at that temperature (2.773, 2.622, 2.476 Ah at 25, 10, 0 °C).
 */
final class Panasonic {
    static final String[] TEMPERATURES = { "25degC", "10degC", "0degC" };
    private static final Map<String, Identified> MODELS = new ConcurrentHashMap<>();

    record Identified(double temperature, double capacity, EcmParameters parameters, List<EcmIdentification.Fit> fits,
            OcvExtraction.OcvPoints ocv) {
    }

    private Panasonic() {
    }

    static Path folder(String temp) {
        Path root = Path.of(System.getProperty("nernst.data", "../../../shared/data"));
        Path p = root.resolve("panasonic-18650pf").resolve(temp);
        if (!Files.isDirectory(p)) {
            fail("REAL DATA MISSING: " + p.toAbsolutePath().normalize() + " does not exist. These tests read the Panasonic "
                    + "18650PF data in place; set -Dnernst.data=<folder holding panasonic-18650pf/>.");
        }
        return p;
    }

    static List<Path> files(String temp, String glob) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder(temp), glob)) {
            ds.forEach(out::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        out.sort(null);
        return out;
    }

    /** The drive cycles, without the HPPC test and the LA92+NN file that repeats two of them with the charges. */
    static List<Path> driveCycles(String temp) {
        return files(temp, "*_Pan18650PF.mat").stream()
                .filter(p -> !p.getFileName().toString().contains("HPPC") && !p.getFileName().toString().contains("LA92_NN"))
                .toList();
    }

    static Table read(Path p) {
        try {
            return new DigatronMatReader().read(p);
        } catch (DataException e) {
            throw new IllegalStateException(e);
        }
    }

    static double degrees(String temp) {
        return Double.parseDouble(temp.replace("degC", ""));
    }

    static String cycleName(Path p) {
        String n = p.getFileName().toString();
        return n.substring(n.indexOf(' ') + 1).replace("_Pan18650PF.mat", "");
    }

    static Identified model(String temp) {
        return MODELS.computeIfAbsent(temp, Panasonic::identify);
    }

    private static Identified identify(String temp) {
        Table c20 = read(files("25degC", "*C20*").get(0));
        OcvExtraction.OcvPoints base = OcvExtraction.fromSlowDischarge(c20.doubles("current"), c20.doubles("voltage"),
                c20.doubles("ah"), 0.05, 0.02);
        Table h = read(files(temp, "*HPPC*").get(0));
        double[] t = h.doubles("test_time");
        double[] i = h.doubles("current");
        double[] v = h.doubles("voltage");
        double[] ah = h.doubles("ah");
        double capacity = ah[0] - ah[ah.length - 1];
        OcvExtraction.OcvPoints ocv = OcvExtraction.shiftedTo(base, OcvExtraction.restedPoints(t, i, v, ah, 100));
        EcmIdentification id = new EcmIdentification(2, EcmIdentification.Bounds.defaults(), false);
        List<EcmIdentification.Fit> fits = new ArrayList<>();
        for (EcmIdentification.Segment s : EcmIdentification.pulseSets(temp, t, i, v, ah, ocv, capacity, 100)) {
            fits.add(id.fit(s));
        }
        // every pulse set, the last (near empty) too: it carries the steep rise of resistance deep cycles reach
        return new Identified(degrees(temp), capacity, EcmIdentification.parameters(fits, ocv, capacity, 2.5, 4.2), fits,
                ocv);
    }
}

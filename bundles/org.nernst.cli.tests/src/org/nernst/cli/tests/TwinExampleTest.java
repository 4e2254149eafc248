package org.nernst.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The twin example workflow end to end through the command line, on the Panasonic 18650PF data:
 * identify → replay an unseen drive cycle → EKF → synthesize a population with faults.
 */
class TwinExampleTest {
    static final Path EXAMPLE = Path.of("../../examples/workflows/panasonic-twin.workflow.json");

    static Path panasonic() {
        Path p = Path.of(System.getProperty("nernst.data", "../../../shared/data")).resolve("panasonic-18650pf/25degC");
        if (!Files.isDirectory(p)) {
            fail("REAL DATA MISSING: " + p.toAbsolutePath().normalize() + " does not exist; set -Dnernst.data");
        }
        return p;
    }

    /** A CSV the CLI wrote, as columns by header name (without the unit). */
    static Map<String, List<String>> csv(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        String[] head = lines.get(0).split(",", -1);
        Map<String, List<String>> cols = new HashMap<>();
        for (String h : head) {
            cols.put(h.replaceAll(" \\[.*\\]$", "").replace("\"", ""), new ArrayList<>());
        }
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            for (int j = 0; j < head.length; j++) {
                cols.get(head[j].replaceAll(" \\[.*\\]$", "").replace("\"", "")).add(f[j]);
            }
        }
        return cols;
    }

    static double[] numbers(List<String> v) {
        return v.stream().mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void theTwinExampleIdentifiesReplaysEstimatesAndSynthesizes(@TempDir Path dir) throws Exception {
        String data = panasonic().toString();
        Path out = dir.resolve("panasonic-twin");
        Cli.Outcome o = Cli.run("run", EXAMPLE.toString(), "--set", "hppc.folder=" + data, "--set", "c20.folder=" + data,
                "--set", "us06.folder=" + data, "--out", out.toString());
        assertEquals(0, o.code(), o.err());

        double[] measured = numbers(csv(out.resolve("us06.table.csv")).get("voltage"));
        double[] simulated = numbers(csv(out.resolve("twin.simulation.csv")).get("voltage"));
        assertEquals(measured.length, simulated.length, "one simulated sample per measured one\n" + o.out() + o.err());
        double ss = 0;
        for (int k = 0; k < measured.length; k++) {
            ss += (measured[k] - simulated[k]) * (measured[k] - simulated[k]);
        }
        double rmse = Math.sqrt(ss / measured.length);
        System.out.printf(Locale.ROOT, "example: ECM identified on HPPC replays US06 with voltage RMSE %.1f mV%n", 1000 * rmse);
        assertTrue(rmse < 0.035, "US06 voltage RMSE " + rmse);

        Map<String, List<String>> params = csv(out.resolve("identify.parameters.csv"));
        double capacity = Double.NaN;
        for (int r = 0; r < params.get("name").size(); r++) {
            if (params.get("name").get(r).equals("capacity")) {
                capacity = Double.parseDouble(params.get("value").get(r));
            }
        }
        double[] ah = numbers(csv(out.resolve("us06.table.csv")).get("ah"));
        double[] soc = numbers(csv(out.resolve("ekf.states.csv")).get("soc"));
        assertEquals(ah.length, soc.length);
        double se = 0;
        int from = soc.length / 10;
        for (int k = from; k < soc.length; k++) {
            double truth = 1 + ah[k] / capacity;
            se += (soc[k] - truth) * (soc[k] - truth);
        }
        double socRmse = Math.sqrt(se / (soc.length - from));
        System.out.printf(Locale.ROOT, "example: EKF from 80 %% SOC, RMSE after the first 10 %% of US06: %.2f %%%n", 100 * socRmse);
        assertTrue(socRmse < 0.02, "EKF SOC RMSE " + socRmse);

        Map<String, List<String>> cells = csv(out.resolve("population.cells.csv"));
        assertEquals(8, cells.get("cell").size());
        for (String f : List.of("internal_short", "lithium_plating", "sensor_drift", "open_circuit")) {
            assertEquals(1, cells.get("fault").stream().filter(f::equals).count(), f);
        }
        assertTrue(Files.size(out.resolve("plot_population.figure.png")) > 10_000);
        assertTrue(Files.size(out.resolve("plot_ekf.figure.png")) > 10_000);
    }
}

package org.nernst.optimize.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.exec.CancelToken;
import org.nernst.core.exec.ExecutionListener;
import org.nernst.core.exec.WorkflowExecutor;
import org.nernst.core.io.CsvWriter;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.Column;
import org.nernst.core.table.Table;
import org.nernst.core.workflow.PortRef;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowNode;
import org.nernst.optimize.Screening;

/**
 * Screening on the Materials Project insertion electrodes: fit on half the entries, screen the other
 * half as unseen, and count how many of the unseen half's true top 1 % by gravimetric energy
 * (average voltage × gravimetric capacity, Wh/kg) are among the first proposals.
 */
class ElectrodeScreeningTest {
    private static final String TARGET = "Gravimetric Energy";

    @Test
    void screeningFindsMoreOfTheTopOnePercentThanRandomSelection(@TempDir Path dir) throws Exception {
        Path data = Path.of(System.getProperty("nernst.data", "../shared/data"));
        Path csv = data.resolve("materials/mp_batteries.csv");
        if (!Files.isRegularFile(csv)) {
            fail("REAL DATA MISSING: " + csv.toAbsolutePath().normalize() + "; set -Dnernst.data");
        }
        NodeRegistry registry = NodeRegistry.platform();
        Table all = new WorkflowExecutor(registry, 2).run(new Workflow("mp", "", 1, List.of(
                new WorkflowNode("read", "org.nernst.data.csv", Map.of("file", csv.toString()), Map.of()),
                new WorkflowNode("compose", "org.nernst.features.composition", Map.of("formulas",
                        List.of("Formula Charge", "Formula Discharge", "Working Ion"), "folder",
                        data.resolve("elements/magpie").toString()), Map.of("table", PortRef.parse("read.table"))))),
                new ExecutionListener() {
                }, new CancelToken()).value("compose", "table", Table.class);
        assertEquals(3480, all.rowCount());
        // composition descriptors only: the CSV's own numbers (voltage, capacity) would leak the answer
        List<String> features = all.columnNames().stream()
                .filter(n -> n.startsWith("Formula Charge_") || n.startsWith("Formula Discharge_") || n.startsWith("Working Ion_"))
                .filter(n -> noNaN(all.column(n))).toList();
        assertTrue(features.size() > 50, features.size() + " features");
        SplittableRandom rng = new SplittableRandom(17);
        List<Integer> known = new ArrayList<>();
        List<Integer> unseen = new ArrayList<>();
        for (int r = 0; r < all.rowCount(); r++) {
            (rng.nextDouble() < 0.5 ? known : unseen).add(r);
        }
        Table knownT = all.select(known.stream().mapToInt(Integer::intValue).toArray());
        Table unseenT = all.select(unseen.stream().mapToInt(Integer::intValue).toArray());
        Path knownCsv = dir.resolve("known.csv");
        Path unseenCsv = dir.resolve("unseen.csv");
        try (Writer w = Files.newBufferedWriter(knownCsv)) {
            CsvWriter.write(knownT, w);
        }
        try (Writer w = Files.newBufferedWriter(unseenCsv)) {
            CsvWriter.write(unseenT, w);
        }
        Table ranked = new WorkflowExecutor(registry, 2).run(new Workflow("screen", "", 5, List.of(
                new WorkflowNode("known", "org.nernst.data.csv", Map.of("file", knownCsv.toString()), Map.of()),
                new WorkflowNode("unseen", "org.nernst.data.csv", Map.of("file", unseenCsv.toString()), Map.of()),
                new WorkflowNode("forest", "org.nernst.ml.smile.randomForest", Map.of("trees", 100), Map.of()),
                new WorkflowNode("screen", "org.nernst.optimize.screen", Map.of("target", TARGET, "features", features,
                        "filters", List.of("Stability Discharge <= 0.2")),
                        Map.of("known", PortRef.parse("known.table"), "candidates", PortRef.parse("unseen.table"),
                                "estimator", PortRef.parse("forest.estimator"))))),
                new ExecutionListener() {
                }, new CancelToken()).value("screen", "ranked", Table.class);
        // the filter removed the unstable candidates; the ranking covers the rest, best first
        double[] stability = ranked.doubles("Stability Discharge");
        for (double s : stability) {
            assertTrue(s <= 0.2);
        }
        assertEquals(1, (long) ranked.column("rank").asDouble(0));
        double[] predicted = ranked.doubles("predicted_" + TARGET);
        for (int i = 1; i < predicted.length; i++) {
            assertTrue(predicted[i] <= predicted[i - 1], "ranked by prediction at row " + i);
        }
        // recall of the true top 1 % of the screened candidates in the first 5 % of proposals
        double[] truth = ranked.doubles(TARGET);
        int[] modelOrder = new int[truth.length];
        for (int i = 0; i < modelOrder.length; i++) {
            modelOrder[i] = i;
        }
        int n = (int) Math.round(0.05 * truth.length);
        double found = Screening.recall(truth, modelOrder, 0.01, n);
        double randomExpected = (double) n / truth.length;
        System.out.printf("screening %d unseen candidates (of %d; %d features): true top 1 %% found in the first %d "
                + "proposals: %.0f %% (random selection: %.0f %%)%n", truth.length, unseenT.rowCount(), features.size(),
                n, 100 * found, 100 * randomExpected);
        assertTrue(found >= 3 * randomExpected, "found " + found + " vs random " + randomExpected);
    }

    private static boolean noNaN(Column c) {
        for (int r = 0; r < c.size(); r++) {
            if (Double.isNaN(c.asDouble(r))) {
                return false;
            }
        }
        return true;
    }
}

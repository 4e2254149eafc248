package org.nernst.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nernst.core.workflow.PortRef;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowJson;
import org.nernst.core.workflow.WorkflowNode;

/**
 * A screening workflow file on the real Materials Project electrodes: a random forest fitted on the
 * 3480 known entries ranks {@code copies} copies of them as candidates (6 copies: 20 880 candidates,
 * two prediction chunks of 16 384 rows, so two Spark tasks). The forest's size sets how long the
 * Spark job runs.
 */
final class ScreeningWorkflow {
    private ScreeningWorkflow() {
    }

    static Path write(Path dir, int copies, int trees) throws IOException {
        Path known = LocalSpark.data("materials/mp_batteries.csv").toAbsolutePath().normalize();
        List<String> lines = Files.readAllLines(known, StandardCharsets.UTF_8);
        List<String> candidates = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 0; i < copies; i++) {
            candidates.addAll(lines.subList(1, lines.size()));
        }
        Files.createDirectories(dir);
        Path candidatesCsv = dir.resolve("candidates.csv");
        Files.write(candidatesCsv, candidates, StandardCharsets.UTF_8);
        List<String> features = List.of("Max Delta Volume", "Average Voltage", "Gravimetric Capacity",
                "Volumetric Capacity", "Atomic Fraction Charge", "Atomic Fraction Discharge", "Steps");
        Workflow wf = new Workflow("screen", "candidates ranked by a forest, for the Spark launcher tests", 7, List.of(
                new WorkflowNode("known", "org.nernst.data.csv", Map.of("file", known.toString()), Map.of()),
                new WorkflowNode("candidates", "org.nernst.data.csv", Map.of("file", candidatesCsv.toString()), Map.of()),
                new WorkflowNode("forest", "org.nernst.ml.smile.randomForest", Map.of("trees", trees), Map.of()),
                new WorkflowNode("screen", "org.nernst.optimize.screen", Map.of("target", "Gravimetric Energy",
                        "features", features, "objectives", List.of("Max Delta Volume:min"),
                        "filters", List.of("Stability Discharge <= 0.2")),
                        Map.of("known", PortRef.parse("known.table"), "candidates", PortRef.parse("candidates.table"),
                                "estimator", PortRef.parse("forest.estimator")))));
        Path file = dir.resolve("screen.workflow.json");
        WorkflowJson.save(wf, file);
        return file;
    }
}

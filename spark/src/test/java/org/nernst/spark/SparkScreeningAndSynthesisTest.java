package org.nernst.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.exec.CancelToken;
import org.nernst.core.exec.DataParallel;
import org.nernst.core.exec.ExecutionListener;
import org.nernst.core.exec.RunResult;
import org.nernst.core.exec.WorkflowExecutor;
import org.nernst.core.io.CsvWriter;
import org.nernst.core.table.Table;
import org.nernst.core.workflow.PortRef;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowNode;

/**
 * The screening and synthesis nodes give the same output tables, cell for cell, whether their
 * data-parallel work runs in this process or on Spark local[2], on the same seed.
 */
class SparkScreeningAndSynthesisTest {
    private static PluginXmlNodeRegistry registry;

    @BeforeAll
    static void registry() throws Exception {
        registry = PluginXmlNodeRegistry.fromClassPath();
    }

    private static RunResult run(Workflow wf, DataParallel backend) throws Exception {
        return new WorkflowExecutor(registry, 2, backend).run(wf, new ExecutionListener() {
        }, new CancelToken());
    }

    @Test
    void screeningMaterialsProjectCandidatesOnSparkEqualsInProcess(@TempDir Path dir) throws Exception {
        Path csv = LocalSpark.data("materials/mp_batteries.csv");
        // 12 copies of the 3480 entries: 41 760 candidates, three prediction chunks of 16 384 rows
        Table all = run(new Workflow("read", "", 1, List.of(new WorkflowNode("read", "org.nernst.data.csv",
                Map.of("file", csv.toString()), Map.of()))), DataParallel.inProcess()).value("read", "table", Table.class);
        assertEquals(3480, all.rowCount());
        Path candidates = dir.resolve("candidates.csv");
        try (Writer w = Files.newBufferedWriter(candidates)) {
            CsvWriter.write(Table.concat("candidates", Collections.nCopies(12, all)), w);
        }
        List<String> features = List.of("Max Delta Volume", "Average Voltage", "Gravimetric Capacity",
                "Volumetric Capacity", "Atomic Fraction Charge", "Atomic Fraction Discharge", "Steps");
        Workflow wf = new Workflow("screen", "", 7, List.of(
                new WorkflowNode("known", "org.nernst.data.csv", Map.of("file", csv.toString()), Map.of()),
                new WorkflowNode("candidates", "org.nernst.data.csv", Map.of("file", candidates.toString()), Map.of()),
                new WorkflowNode("forest", "org.nernst.ml.smile.randomForest", Map.of("trees", 50), Map.of()),
                new WorkflowNode("screen", "org.nernst.optimize.screen", Map.of("target", "Gravimetric Energy",
                        "features", features, "objectives", List.of("Max Delta Volume:min"),
                        "filters", List.of("Stability Discharge <= 0.2")),
                        Map.of("known", PortRef.parse("known.table"), "candidates", PortRef.parse("candidates.table"),
                                "estimator", PortRef.parse("forest.estimator")))));
        Table inProcess = run(wf, DataParallel.inProcess()).value("screen", "ranked", Table.class);
        Table onSpark = run(wf, new SparkDataParallel(LocalSpark.context(), 2)).value("screen", "ranked", Table.class);
        assertTrue(inProcess.rowCount() > 30_000, inProcess.rowCount() + " candidates pass the filter");
        assertEquals(1L, (long) inProcess.column("rank").asDouble(0));
        Tables.assertIdentical(inProcess, onSpark);
    }

    @Test
    void synthesizedPopulationOnSparkEqualsInProcess() throws Exception {
        Workflow wf = new Workflow("synth", "", 42, List.of(
                new WorkflowNode("cycle", "org.nernst.twin.experiment", Map.of("steps",
                        "Rest for 5 minutes\nDischarge at 1C until 3.0 V\nRest for 10 minutes\nCharge at 1C until 4.1 V"),
                        Map.of()),
                new WorkflowNode("population", "org.nernst.twin.synthesize", Map.ofEntries(Map.entry("cells", 24L),
                        Map.entry("ocvSoc", List.of("0", "0.1", "0.5", "0.9", "1")),
                        Map.entry("ocvVoltage", List.of("3.0", "3.45", "3.7", "4.05", "4.2")),
                        Map.entry("period", 10.0), Map.entry("internalShortFraction", 0.125),
                        Map.entry("platingFraction", 0.125), Map.entry("sensorDriftFraction", 0.125),
                        Map.entry("openCircuitFraction", 0.125), Map.entry("faultOnsetMin", 600.0),
                        Map.entry("faultOnsetMax", 3000.0)),
                        Map.of("experiment", PortRef.parse("cycle.experiment")))));
        RunResult local = run(wf, DataParallel.inProcess());
        RunResult spark = run(wf, new SparkDataParallel(LocalSpark.context(), 5));
        Table cells = local.value("population", "cells", Table.class);
        assertEquals(24, cells.rowCount());
        assertEquals("cell_0001", cells.column("cell").format(0));
        List<String> faults = new ArrayList<>();
        for (int i = 0; i < cells.rowCount(); i++) {
            faults.add(cells.column("fault").format(i));
        }
        assertEquals(3, Collections.frequency(faults, "internal_short"), faults.toString());
        Tables.assertIdentical(cells, spark.value("population", "cells", Table.class));
        Tables.assertIdentical(local.value("population", "samples", Table.class),
                spark.value("population", "samples", Table.class));
    }
}

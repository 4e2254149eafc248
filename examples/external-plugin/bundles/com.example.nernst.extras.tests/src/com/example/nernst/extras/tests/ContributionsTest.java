package com.example.nernst.extras.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nernst.conformance.EstimatorConformance;
import org.nernst.conformance.Nodes;
import org.nernst.conformance.Tables;
import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.ml.Prediction;
import org.nernst.core.ml.TrainedModel;
import org.nernst.core.node.DataException;
import org.nernst.core.node.NodeKind;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.Table;

/** What each contribution does beyond the shared contract, with exact values. */
class ContributionsTest {
    private final NodeRegistry registry = NodeRegistry.platform();

    @Test
    void jsonLinesReadsColumnsUnitsAndValuesSkippingBlankLines() throws Exception {
        Table t = (Table) Nodes.run(registry, "com.example.nernst.jsonLines",
                Map.of("file", ConformanceTest.data("small.jsonl").toString()), Map.of(), 1, ProgressMonitor.none())
                .get("table");
        assertEquals(List.of("cell", "x1", "x2", "y"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertEquals("V", t.column("x1").unit());
        assertEquals("Ah", t.column("y").unit());
        assertEquals("A1", t.column("cell").format(0));
        assertEquals(0.62, t.doubles("y")[0]);
        assertEquals(-1.21, t.doubles("y")[2]);
    }

    @Test
    void jsonLinesNamesLineAndKeyOfAStringInANumericColumn() {
        DataException e = assertThrows(DataException.class, () -> Nodes.run(registry, "com.example.nernst.jsonLines",
                Map.of("file", ConformanceTest.data("corrupt.jsonl").toString()), Map.of(), 1, ProgressMonitor.none()));
        assertEquals("line 2, key 'x1'", e.location());
    }

    @Test
    void bayesianRidgeRecoversTheSlopesAndWidensItsBandAwayFromTheData() throws Exception {
        ConfiguredEstimator e = EstimatorConformance.configured(registry,
                Nodes.find(registry, "com.example.nernst.bayesianRidge", NodeKind.ESTIMATOR));
        TrainedModel m = e.fit(EstimatorConformance.tinyData(), 1, ProgressMonitor.none());
        // y = 2 x1 - x2 + N(0, 0.1²): the slope along x1 is 2
        Prediction p = m.predict(new double[][] { { 0, 0, 0 }, { 1, 0, 0 }, { 20, 0, 0 } });
        assertEquals(2.0, p.mean()[1] - p.mean()[0], 0.1);
        assertEquals(0.1, p.std()[0], 0.04, "near the data the band is the noise");
        assertTrue(p.std()[2] > 2 * p.std()[0], "far from the data the band widens: " + p.std()[2] + " vs " + p.std()[0]);
    }

    @Test
    void shepherdDischargeAtOneAmpForAnHourTakesHalfTheCharge() throws Exception {
        Table sim = (Table) Nodes.run(registry, "com.example.nernst.shepherd", Map.of(),
                Map.of("experiment", Tables.constantCurrent(-1.0, 3600)), 1, ProgressMonitor.none()).get("simulation");
        double[] soc = sim.doubles("soc");
        assertEquals(1.0, soc[0], 1e-9);
        assertEquals(0.5, soc[soc.length - 1], 1e-6, "1 A for 1 h from a 2 Ah cell");
        double[] v = sim.doubles("voltage");
        // at SOC 1 under 1 A: E0 − R·1 + A = 3.75 − 0.03 + 0.35
        assertEquals(4.07, v[1], 0.01);
    }
}

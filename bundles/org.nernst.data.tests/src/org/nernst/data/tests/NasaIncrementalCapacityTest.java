package org.nernst.data.tests;

import org.nernst.conformance.TestData;
import org.nernst.conformance.Workflows;
import org.nernst.core.workflow.PortRef;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nernst.core.exec.RunResult;
import org.nernst.core.table.Table;
import org.nernst.core.workflow.WorkflowNode;

/**
 * dQ/dV on real ageing data: the discharges of NASA cell B0029 (4 A constant current, 43 °C). As the cell
 * loses capacity the incremental-capacity peak shrinks, so its height must track the measured
 * capacity of each discharge.
 */
class NasaIncrementalCapacityTest {

    @Test
    void peakHeightTracksCapacityAsTheCellAges() throws Exception {
        RunResult r = Workflows.nodes(List.of(
                new WorkflowNode("cells", "org.nernst.data.nasaPcoe", Map.of("folder", TestData.folder("nasa-pcoe").toString(),
                        "cells", List.of("B0029"), "series", List.of("discharge")), Map.of()),
                new WorkflowNode("ic", "org.nernst.features.incrementalCapacity", Map.of("time", "time", "voltageHigh", 4.2,
                        "voltageLow", 2.7, "points", 300, "smoothing", 0.03), Map.of("timeseries", PortRef.parse("cells.timeseries")))),
                new java.util.ArrayList<>());
        Table ic = r.value("ic", "features", Table.class);
        Table cycles = r.value("cells", "cycles", Table.class);
        Map<Double, Double> capacity = new HashMap<>();
        for (int i = 0; i < cycles.rowCount(); i++) {
            if (cycles.column("type").format(i).equals("discharge")) {
                capacity.put(cycles.column("cycle").asDouble(i), cycles.column("capacity").asDouble(i));
            }
        }
        double[] height = ic.doubles("ic_max"), cycle = ic.doubles("cycle");
        double[] cap = new double[height.length];
        for (int i = 0; i < cap.length; i++) {
            cap[i] = capacity.get(cycle[i]);
        }
        double rho = pearson(height, cap);
        System.out.printf("NASA B0029: %d discharges, Pearson r(ic_max, capacity) = %.3f%n", height.length, rho);
        assertTrue(height.length >= 35, "discharges: " + height.length);
        assertTrue(rho > 0.8, "r = " + rho);
    }

    private static double pearson(double[] a, double[] b) {
        double ma = 0, mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}

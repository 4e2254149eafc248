package org.nernst.optimize.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nernst.core.exec.CancelToken;
import org.nernst.core.exec.ExecutionListener;
import org.nernst.core.exec.RunResult;
import org.nernst.core.exec.WorkflowExecutor;
import org.nernst.core.node.NodeKind;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.Table;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowNode;
import org.nernst.core.node.Parameters;
import org.nernst.optimize.BayesianOptimizer;
import org.nernst.optimize.FastChargeTwin;
import org.nernst.optimize.GridSearch;
import org.nernst.optimize.Objective;
import org.nernst.optimize.OptimizationRun;

class FastChargeTwinTest {
    private final FastChargeTwin twin = FastChargeTwin.defaults();

    private Objective.Evaluation score(double cc1, double cc2, double cc3) throws Exception {
        return twin.evaluate(Map.of("CC1", cc1, "CC2", cc2, "CC3", cc3), ProgressMonitor.none());
    }

    @Test
    void cc4FollowsFromTheChargeTime() {
        // 25 min for 0.8 of capacity: 0.2 h/CC per window; 0.2 (1/4 + 1/4 + 1/4) h = 9 min leaves 16 min for the last 20 %
        assertEquals(0.2 / (25.0 / 60 - 0.15), twin.cc4(4, 4, 4), 1e-12);
        assertTrue(Double.isNaN(twin.cc4(0.5, 0.5, 0.5)));
        assertTrue(twin.experiment(new double[] {7, 5.5, 2.5, 0.736}).startsWith(
                "Charge at 7.000000C until 20 % SOC\nCharge at 5.500000C until 40 % SOC\n"));
    }

    @Test
    void twinRejectsProtocolsThatBreakTheTimeOrTheVoltageLimit() throws Exception {
        Objective.Evaluation slow = score(1, 1, 1);
        assertFalse(slow.feasible());
        assertTrue(slow.note().contains("too slow"), slow.note());
        // the constant-current protocol (1.92C throughout) reaches 4.2 V in the last window
        Objective.Evaluation cc = score(1.92, 1.92, 1.92);
        assertFalse(cc.feasible());
        assertTrue(cc.note().contains("upper cut-off"), cc.note());
        assertTrue(slow.value() > Math.log(1000) && cc.value() > Math.log(1000));
    }

    @Test
    void frontLoadedProtocolIsFeasibleAndItsFadeHasPlatingAndThroughputParts() throws Exception {
        Objective.Evaluation e = score(7, 5.5, 2.5);
        assertTrue(e.feasible(), e.note());
        double fade = FastChargeTwin.fade(e.value());
        assertEquals(13.33, fade, 0.01, e.note());
        assertTrue(e.note().contains("plating 8.8"), e.note());
        assertTrue(e.note().contains("throughput 4.5"), e.note());
        // a gentler start plates more: the cell warms up later (10 °C ambient)
        Objective.Evaluation gentle = score(5, 5.5, 2.5);
        assertTrue(!gentle.feasible() || gentle.value() > e.value(), gentle.note());
    }

    @Test
    void bayesianOptimizationComesWithinOnePercentOfTheGridOptimumInAFewDozenEvaluations() throws Exception {
        OptimizationRun.Result grid = new OptimizationRun("grid", new GridSearch(), twin.space(),
                Parameters.of(Map.of("levels", 16L)), 0).budget(5000).run(twin, ProgressMonitor.none());
        assertEquals(4096, grid.evaluated());
        double gridFade = FastChargeTwin.fade(grid.bestValue());
        assertEquals(13.33, gridFade, 0.01);
        assertEquals(Map.of("CC1", 7.0, "CC2", 5.5, "CC3", 2.5), grid.best());
        for (long seed = 1; seed <= 3; seed++) {
            OptimizationRun.Result bo = new OptimizationRun("bo", new BayesianOptimizer(), twin.space(),
                    Parameters.of(Map.of("xi", 0.02)), seed).budget(60).run(twin, ProgressMonitor.none());
            double[] best = bo.history().doubles("best_so_far");
            int reached = -1;
            for (int i = 0; i < best.length && reached < 0; i++) {
                if (FastChargeTwin.fade(best[i]) <= 1.01 * gridFade) {
                    reached = i + 1;
                }
            }
            assertTrue(reached > 0, "seed " + seed + ": best fade " + FastChargeTwin.fade(bo.bestValue()));
            System.out.printf("fast charge, seed %d: BO within 1 %% of the grid optimum (%.3f %%, 4096 evaluations) after %d "
                    + "evaluations; best %.3f %% at %s%n", seed, gridFade, reached, FastChargeTwin.fade(bo.bestValue()),
                    bo.best());
        }
    }

    @Test
    void optimizersAreListedAndTheFastChargeNodeRunsTheLoop() throws Exception {
        NodeRegistry registry = NodeRegistry.platform();
        assertEquals(List.of("org.nernst.optimize.bayesian", "org.nernst.optimize.grid", "org.nernst.optimize.random"),
                registry.nodes().stream().filter(d -> d.kind() == NodeKind.OPTIMIZER)
                        .filter(d -> d.id().startsWith("org.nernst.optimize")).map(d -> d.id()).sorted().toList());
        RunResult r = new WorkflowExecutor(registry, 2).run(new Workflow("fast", "", 3, List.of(
                new WorkflowNode("loop", "org.nernst.optimize.fastCharge", Map.of("budget", 12, "batch", 2), Map.of()))),
                new ExecutionListener() {
                }, new CancelToken());
        Table history = r.value("loop", "history", Table.class);
        assertEquals(12, history.rowCount());
        assertEquals(List.of("iteration", "batch", "CC1", "CC2", "CC3", "acquisition", "objective", "feasible", "best_so_far",
                "note"), history.columnNames());
        // q = 2: the 5-point design takes batches 2, 2, 1; the other 7 evaluations take 2, 2, 2, 1
        assertEquals(7, (long) history.column("batch").asDouble(11));
        double[] best = history.doubles("best_so_far");
        for (int i = 1; i < best.length; i++) {
            assertTrue(Double.isNaN(best[i - 1]) || best[i] <= best[i - 1]);
        }
        Table top = r.value("loop", "best", Table.class);
        assertEquals(1, top.rowCount());
        assertEquals(12, (long) top.column("evaluations").asDouble(0));
    }
}

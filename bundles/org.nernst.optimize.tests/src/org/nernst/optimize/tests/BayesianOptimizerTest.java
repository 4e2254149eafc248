package org.nernst.optimize.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.optimize.Optimizer;
import org.nernst.optimize.BayesianOptimizer;
import org.nernst.optimize.Objective;
import org.nernst.optimize.OptimizationRun;
import org.nernst.optimize.Proposals;
import org.nernst.optimize.RandomSearch;
import org.nernst.optimize.Space;

class BayesianOptimizerTest {
    private static final Space BRANIN = Space.parse("x1:double:-5:10; x2:double:0:15");
    /** Global minimum of the Branin function. */
    private static final double BRANIN_MIN = 0.397887;

    static double branin(Map<String, Object> p) {
        double x1 = (Double) p.get("x1");
        double x2 = (Double) p.get("x2");
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = x2 - b * x1 * x1 + c * x1 - 6;
        return t * t + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10;
    }

    private static OptimizationRun.Result run(Optimizer o, Map<String, Object> settings, long seed, int budget, int batch)
            throws Exception {
        return new OptimizationRun("test", o, BRANIN.variables(), Parameters.of(settings), seed).budget(budget).batch(batch)
                .run((p, m) -> Objective.Evaluation.of(branin(p)), ProgressMonitor.none());
    }

    @Test
    void everyAcquisitionFindsTheBraninMinimumFarBetterThanRandomSearch() throws Exception {
        for (String acq : List.of("EI", "UCB", "PI")) {
            double worstBo = 0;
            for (long seed = 1; seed <= 3; seed++) {
                worstBo = Math.max(worstBo, run(new BayesianOptimizer(), Map.of("acquisition", acq), seed, 30, 1).bestValue());
            }
            assertTrue(worstBo < BRANIN_MIN + 0.05, acq + ": worst of 3 seeds after 30 evaluations " + worstBo);
        }
        double bestRandom = Double.POSITIVE_INFINITY;
        for (long seed = 1; seed <= 3; seed++) {
            bestRandom = Math.min(bestRandom, run(new RandomSearch(), Map.of(), seed, 30, 1).bestValue());
        }
        assertTrue(bestRandom > BRANIN_MIN + 0.1, "random search's best of 3 seeds × 30 evaluations " + bestRandom);
    }

    @Test
    void sameSeedSameProposalsOtherSeedOtherProposals() throws Exception {
        OptimizationRun.Result a = run(new BayesianOptimizer(), Map.of(), 42, 15, 1);
        OptimizationRun.Result b = run(new BayesianOptimizer(), Map.of(), 42, 15, 1);
        OptimizationRun.Result c = run(new BayesianOptimizer(), Map.of(), 43, 15, 1);
        assertEquals(a.history().toString(), b.history().toString());
        assertEquals(15, a.history().rowCount());
        assertNotEquals(a.history().doubles("x1")[14], c.history().doubles("x1")[14]);
    }

    @Test
    void batchesHoldDistinctPointsByBelieverAndByLiar() throws Exception {
        for (String strategy : List.of("believer", "liar")) {
            Optimizer.Session s = new BayesianOptimizer().start(BRANIN.variables(),
                    Parameters.of(Map.of("batchStrategy", strategy, "initialPoints", 6L)), 7);
            List<Map<String, Object>> design = s.propose(6);
            assertEquals(6, design.size());
            for (Map<String, Object> p : design) {
                s.observe(p, branin(p));
            }
            List<Map<String, Object>> batch = s.propose(4);
            assertEquals(4, batch.size());
            assertEquals(4, new HashSet<>(batch).size(), strategy + " proposed a point twice: " + batch);
            double[] acq = ((Proposals) s).lastAcquisition();
            assertEquals(4, acq.length);
            for (double v : acq) {
                assertTrue(Double.isFinite(v) && v >= 0, strategy + " EI " + v);
            }
        }
        // q = 4: the 5-point design takes batches of 4 and 1, then 35 evaluations take 9 batches (8 × 4 + 3)
        OptimizationRun.Result r = run(new BayesianOptimizer(), Map.of(), 3, 40, 4);
        assertEquals(11, (long) r.history().column("batch").asDouble(39));
        assertTrue(r.bestValue() < BRANIN_MIN + 0.1, "batch q=4 best after 40 " + r.bestValue());
    }

    @Test
    void mixedIntegerAndCategoricalSpaceFindsTheBestCombination() throws Exception {
        Space s = Space.parse("x:double:0:1; n:integer:0:9; kind:choice:a|b|c");
        // minimum 0 at x = 0.3, n = 6, kind = b; the categorical costs 1 or 2 elsewhere
        Objective f = (p, m) -> {
            double x = (Double) p.get("x");
            long n = (Long) p.get("n");
            String k = (String) p.get("kind");
            return Objective.Evaluation.of((x - 0.3) * (x - 0.3) + 0.05 * (n - 6) * (n - 6)
                    + (k.equals("b") ? 0 : k.equals("a") ? 1 : 2));
        };
        OptimizationRun.Result r = new OptimizationRun("bo", new BayesianOptimizer(), s.variables(), Parameters.of(Map.of()), 11)
                .budget(35).run(f, ProgressMonitor.none());
        assertEquals("b", r.best().get("kind"));
        assertEquals(6L, r.best().get("n"));
        assertEquals(0.3, (Double) r.best().get("x"), 0.05);
        List<Object> kinds = new ArrayList<>();
        for (int i = 0; i < r.history().rowCount(); i++) {
            kinds.add(r.history().column("kind").format(i));
        }
        assertTrue(kinds.containsAll(List.of("a", "b", "c")), "every category tried: " + kinds);
    }
}

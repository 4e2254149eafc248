package org.nernst.estimation.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Table;
import org.nernst.estimation.health.DoubleExponentialFade;
import org.nernst.estimation.health.EolPrediction;
import org.nernst.estimation.health.GaussianProcessRul;
import org.nernst.estimation.health.ParticleFilterRul;
import org.nernst.estimation.health.RulEstimator;

/**
 * End-of-life prediction on the NASA PCoE cells B0005, B0006, B0007 and B0018 (capacity per
 * discharge cycle). Thresholds: 70 % of the first capacity, and 1.4 Ah (70 % of the rated 2 Ah,
 * the usual NASA criterion). Predictions from cycles 80 and 100; a case counts when the cell's
 * measured capacity first falls below the threshold after the prediction point.
 */
class RulNasaTest {
    private static final String[] CELLS = { "B0005", "B0006", "B0007", "B0018" };

    record Case(String cell, double[] cycles, double[] capacity, double threshold, String label, int truth) {
    }

    private static List<Case> cases() throws Exception {
        List<Case> out = new ArrayList<>();
        for (String cell : CELLS) {
            double[] cap = NasaCapacity.of(cell);
            double[] k = new double[cap.length];
            for (int i = 0; i < k.length; i++) {
                k[i] = i + 1;
            }
            for (double[] t : new double[][] { { 0.7 * cap[0], 70 }, { 1.4, 0 } }) {
                int truth = -1;
                for (int i = 0; i < cap.length; i++) {
                    if (cap[i] < t[0]) {
                        truth = i + 1;
                        break;
                    }
                }
                out.add(new Case(cell, k, cap, t[0], t[1] > 0 ? "70 % of first" : "1.4 Ah", truth));
            }
        }
        return out;
    }

    @Test
    void nasaCellsHaveTheCycleCountsAndEndOfLifeCyclesOfTheData() throws Exception {
        assertEquals(168, NasaCapacity.of("B0005").length);
        assertEquals(168, NasaCapacity.of("B0006").length);
        assertEquals(168, NasaCapacity.of("B0007").length);
        assertEquals(132, NasaCapacity.of("B0018").length);
        assertEquals(1.8564874208181574, NasaCapacity.of("B0005")[0], 0);
        List<Case> c = cases();
        // first measured crossings: B0005 162 / 125, B0006 102 / 109, B0007 none, B0018 none / 97
        int[] expected = { 162, 125, 102, 109, -1, -1, -1, 97 };
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], c.get(i).truth(), c.get(i).cell() + " " + c.get(i).label());
        }
    }

    @Test
    void particleFilterIntervalCoversEveryTrueEndOfLifeFromCycles80And100() throws Exception {
        int covered = 0;
        int total = 0;
        double absError = 0;
        for (Case c : cases()) {
            List<EolPrediction> p = ParticleFilterRul.defaults(42).predict(c.cycles(), c.capacity(),
                    new int[] { 79, 99 }, c.threshold());
            assertEquals(2, p.size());
            for (EolPrediction e : p) {
                print("PF", c, e);
                if (c.truth() > e.fromCycle()) {
                    total++;
                    absError += Math.abs(e.median() - c.truth());
                    assertTrue(e.covers(c.truth()), c.cell() + " from " + e.fromCycle() + ": true EOL " + c.truth()
                            + " outside [" + e.p05() + ", " + e.p95() + "]");
                    covered++;
                }
            }
        }
        System.out.printf("PF: %d of %d true EOL inside the 5–95 %% interval, mean |median − true| = %.1f cycles%n",
                covered, total, absError / total);
        assertEquals(9, total);
    }

    @Test
    void gaussianProcessIntervalCoversTheTrueEndOfLifeInAllButOneCase() throws Exception {
        int covered = 0;
        int total = 0;
        double absError = 0;
        GaussianProcessRul gp = GaussianProcessRul.defaults(42);
        for (Case c : cases()) {
            for (int from : new int[] { 80, 100 }) {
                EolPrediction e = gp.predict(c.cycles(), c.capacity(), from, c.threshold());
                print("GP", c, e);
                if (c.truth() > from) {
                    total++;
                    absError += Math.abs(e.median() - c.truth());
                    covered += e.covers(c.truth()) ? 1 : 0;
                }
            }
        }
        System.out.printf("GP: %d of %d true EOL inside the 5–95 %% interval, mean |median − true| = %.1f cycles%n",
                covered, total, absError / total);
        assertEquals(9, total);
        // measured: 8 of 9 (B0006 at 1.4 Ah from cycle 80: [85, 108] misses the true 109 by one cycle)
        assertTrue(covered >= 8, covered + " of " + total + " covered");
        assertTrue(absError / total < 10, "GP median error " + absError / total);
    }

    @Test
    void doubleExponentialFitsB0005BetterThanAStraightLine() throws Exception {
        double[] cap = NasaCapacity.of("B0005");
        double[] k = new double[cap.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = i + 1;
        }
        DoubleExponentialFade f = DoubleExponentialFade.fit(k, cap);
        double rmse = f.rmse(k, cap);
        System.out.printf("B0005 double-exponential fit: %s, RMSE %.4f Ah%n", f, rmse);
        // least-squares line for comparison
        double mk = 0;
        double mc = 0;
        for (int i = 0; i < k.length; i++) {
            mk += k[i] / k.length;
            mc += cap[i] / k.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < k.length; i++) {
            sxy += (k[i] - mk) * (cap[i] - mc);
            sxx += (k[i] - mk) * (k[i] - mk);
        }
        double slope = sxy / sxx;
        double lineSe = 0;
        for (int i = 0; i < k.length; i++) {
            double r = cap[i] - (mc + slope * (k[i] - mk));
            lineSe += r * r;
        }
        double lineRmse = Math.sqrt(lineSe / k.length);
        System.out.printf("B0005 straight line RMSE %.4f Ah%n", lineRmse);
        // measured 22.3 mAh: the regeneration jumps after rests are what remains
        assertTrue(rmse < 0.025, "rmse " + rmse);
        assertTrue(rmse < lineRmse, "double exponential " + rmse + " vs line " + lineRmse);
    }

    @Test
    void rulContributionPredictsAtEveryCycleAndIsReproducible() throws Exception {
        double[] cap = NasaCapacity.of("B0006");
        double[] k = new double[cap.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = i + 1;
        }
        Table in = new Table("B0006", List.of(new DoubleColumn("cycle", "", k), new DoubleColumn("capacity", "Ah", cap)));
        Parameters p = Parameters.of(Map.of("startCycle", 80L, "thresholdAh", 1.4, "particles", 500L));
        Table a = new RulEstimator().estimate(in, p, ProgressMonitor.none());
        Table b = new RulEstimator().estimate(in, p, ProgressMonitor.none());
        assertEquals(168 - 80 + 1, a.rowCount());
        assertEquals(List.of("cycle", "capacity", "eol_median", "eol_p05", "eol_p95", "rul_median", "reached_share"),
                a.columnNames());
        assertEquals(80, a.doubles("cycle")[0], 0);
        assertEquals(168, a.doubles("cycle")[a.rowCount() - 1], 0);
        assertArrayEquals(a.doubles("eol_median"), b.doubles("eol_median"), "same seed, same prediction");
        double[] lo = a.doubles("eol_p05");
        double[] med = a.doubles("eol_median");
        double[] hi = a.doubles("eol_p95");
        for (int i = 0; i < lo.length; i++) {
            assertTrue(lo[i] <= med[i] && med[i] <= hi[i], "quantiles ordered at row " + i);
            assertTrue(lo[i] > a.doubles("cycle")[i], "EOL after the prediction point at row " + i);
        }
        Table g = new RulEstimator().estimate(in, Parameters.of(Map.of("method", "gaussianProcess", "startCycle", 80L,
                "every", 20L, "thresholdAh", 1.4)), ProgressMonitor.none());
        assertEquals(5, g.rowCount()); // cycles 80, 100, 120, 140, 160
        assertEquals(140, g.doubles("cycle")[3], 0);
    }

    private static void print(String method, Case c, EolPrediction e) {
        String err = c.truth() > e.fromCycle() ? String.format("%+.0f", e.median() - c.truth()) : "n/a";
        System.out.printf("%s %s %-13s from %3d: true EOL %4s  median %5.0f  90%% [%5.0f, %5.0f]  error %s%n", method,
                c.cell(), c.label(), e.fromCycle(), c.truth() < 0 ? "none" : String.valueOf(c.truth()), e.median(),
                e.p05(), e.p95(), err);
    }
}

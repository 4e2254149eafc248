package org.nernst.twin.tests;

import org.nernst.conformance.TestData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Column;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.data.mat.MatFiles;
import org.nernst.data.mat.MatTables;
import org.nernst.data.mat.MatView;
import org.nernst.twin.ecm.EcmParameters;
import org.nernst.twin.ecm.EquivalentCircuitModel;
import org.nernst.twin.ecm.OcvCurve;
import org.nernst.twin.sim.DriveCycle;
import org.nernst.twin.sim.Simulator;
import org.nernst.twin.sim.Simulator.Options;
import org.nernst.twin.surrogate.VoltageSurrogate;

/** The data-driven twin learns a cell's voltage from its load history: on an ECM's output, then on real drive cycles. */
class SurrogateTest {
    static final EquivalentCircuitModel ECM = new EquivalentCircuitModel(EcmParameters.simple(2.9,
            new OcvCurve(new double[] {0, 0.1, 0.3, 0.5, 0.7, 0.9, 1}, new double[] {3.0, 3.45, 3.6, 3.7, 3.85, 4.05, 4.2}),
            0.025, new double[] {0.01, 0.02}, new double[] {8, 150}, 2.5, 4.25));

    /** A random pulse load (+ = charge), 1 s samples, net discharge from full. */
    static Table pulses(long seed, double maxC, int seconds) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] t = new double[seconds + 1];
        double[] i = new double[seconds + 1];
        double level = 0;
        for (int k = 0; k <= seconds; k++) {
            if (k % 20 == 0) {
                level = -2.9 * maxC * rng.nextDouble() + (rng.nextDouble() < 0.2 ? 2.9 * 0.5 * rng.nextDouble() : 0);
            }
            t[k] = k;
            i[k] = level;
        }
        return new Table("pulses", List.of(new DoubleColumn("test_time", "s", Role.TIME, t),
                new DoubleColumn("current", "A", Role.NONE, i)));
    }

    static Table simulate(Table load) throws Exception {
        return Simulator.replay(ECM, DriveCycle.of(load, "load"), Options.defaults().stoppingOnInfeasible(true),
                ProgressMonitor.none()).table();
    }

    static double rmse(double[] a, double[] b, int from) {
        double s = 0;
        for (int k = from; k < a.length; k++) {
            s += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return Math.sqrt(s / (a.length - from));
    }

    @Test
    void aRidgeSurrogateOfAnEquivalentCircuitReproducesItOnAnUnseenLoad() throws Exception {
        Table train = simulate(pulses(1, 2.0, 7000));
        Table truth = simulate(pulses(2, 1.5, 6000));
        VoltageSurrogate s = null;
        for (String id : List.of("org.nernst.ml.smile.ridge", "org.nernst.ml.smile.gradientBoosting")) {
            ConfiguredEstimator est = Estimators.configured(id, Map.of());
            VoltageSurrogate candidate = VoltageSurrogate.train(train, est, 2.9, 1.0, false, 25, 2.5, 4.25, 1, 1,
                    ProgressMonitor.none());
            Table twin = Simulator.replay(candidate, DriveCycle.log(truth, "test load"),
                    Options.defaults().stoppingOnInfeasible(true), ProgressMonitor.none()).table();
            int n = Math.min(truth.rowCount(), twin.rowCount());
            double[] soc = truth.doubles("soc");
            int above = 0;
            while (above < n && soc[above] > 0.15) {
                above++;
            }
            double e = rmse(java.util.Arrays.copyOf(truth.doubles("voltage"), above),
                    java.util.Arrays.copyOf(twin.doubles("voltage"), above), 1);
            double all = rmse(java.util.Arrays.copyOf(truth.doubles("voltage"), n),
                    java.util.Arrays.copyOf(twin.doubles("voltage"), n), 1);
            System.out.printf(Locale.ROOT, "%s surrogate of the ECM on an unseen load: RMSE %.2f mV above 15 %% SOC "
                    + "(%d samples), %.2f mV over all %d%n", id, 1000 * e, above, 1000 * all, n);
            // the features cannot represent the ECM exactly (its OCV is piecewise linear, its time constants
            // 8 and 150 s are not the lags' 10/100/1000 s): measured 21.6 mV (ridge) and 32.9 mV (boosting)
            assertTrue(e < (id.endsWith("ridge") ? 0.030 : 0.045), id + " RMSE above 15 % SOC " + e);
            if (s == null) {
                s = candidate;
            }
        }
        // validity: inside for the milder test load, outside for a 5C pulse
        double[] y = s.initialState(0.5, 25);
        assertTrue(s.inRange(new double[] {0.5, 1.0, 1.0, 1.0}, 1.0));
        assertTrue(!s.inRange(y, 5 * 2.9), "a 5C discharge lies outside a training set that went to 2C");
    }

    static Table panasonic(Path file) throws Exception {
        try (MatView v = MatFiles.open(file)) {
            Table m = MatTables.toTable(v, "meas");
            return new Table(file.getFileName().toString(), List.of(
                    new DoubleColumn("test_time", "s", Role.TIME, m.doubles("Time")),
                    new DoubleColumn("current", "A", Role.NONE, m.doubles("Current")),
                    new DoubleColumn("voltage", "V", Role.NONE, m.doubles("Voltage"))));
        }
    }

    static Path file(Path dir, String contains) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().contains(contains)).findFirst()
                    .orElseThrow(() -> new AssertionError("no file with '" + contains + "' in " + dir));
        }
    }

    @Test
    void surrogatesTrainedOnRealDriveCyclesPredictTheVoltageOfUnseenOnes() throws Exception {
        Path dir = TestData.folder("panasonic-18650pf/25degC");
        List<Table> parts = new ArrayList<>();
        for (String name : List.of("Cycle_1", "Cycle_2", "Cycle_3", "Cycle_4", "HWFTa", "_NN_")) {
            Table t = panasonic(file(dir, name));
            String[] cell = new String[t.rowCount()];
            java.util.Arrays.fill(cell, name);
            parts.add(t.with(new org.nernst.core.table.StringColumn("cell", Role.GROUP, cell)));
        }
        Table train = Table.concat("25 °C training cycles", parts);
        StringBuilder report = new StringBuilder("surrogate twins of the Panasonic 18650PF at 25 °C, trained on Cycle_1-4, "
                + "HWFTa, NN (every 10th sample), replaying unseen cycles from their own start (SOC 1 = 2.9 Ah):\n");
        double worst = 0;
        for (String id : List.of("org.nernst.ml.smile.ridge", "org.nernst.ml.smile.gradientBoosting")) {
            ConfiguredEstimator est = Estimators.configured(id, Map.of());
            VoltageSurrogate s = VoltageSurrogate.train(train, est, 2.9, 1.0, false, 25, 2.0, 4.4, 10, 7,
                    ProgressMonitor.none());
            for (String test : id.endsWith("ridge") ? List.of("US06", "LA92", "HWFTb") : List.of("US06", "HWFTb")) {
                Table truth = panasonic(file(dir, test));
                Table twin = Simulator.replay(s, DriveCycle.log(truth, test), Options.defaults().withPeriod(1)
                        .stoppingOnInfeasible(true), ProgressMonitor.none()).table();
                double[] v = truth.doubles("voltage");
                double[] p = twin.doubles("voltage");
                int n = Math.min(v.length, p.length);
                double e = rmse(java.util.Arrays.copyOf(v, n), java.util.Arrays.copyOf(p, n), 1);
                report.append(String.format(Locale.ROOT, "  %-40s %-6s RMSE %6.1f mV over %d samples%n", id, test, 1000 * e, n));
                assertEquals(v.length, n, "the replay covers the whole cycle");
                if (id.endsWith("ridge")) {
                    worst = Math.max(worst, e);
                }
            }
        }
        System.out.print(report);
        assertTrue(worst < 0.060, "ridge surrogate worst RMSE " + worst);
    }
}

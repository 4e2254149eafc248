package org.nernst.estimation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Table;
import org.nernst.estimation.internal.CoulombCountingEstimator;
import org.nernst.estimation.internal.EkfEstimator;
import org.nernst.estimation.internal.UkfEstimator;
import org.nernst.estimation.kalman.CoulombCounter;
import org.nernst.estimation.kalman.ExtendedKalmanFilter;
import org.nernst.estimation.kalman.Noise;
import org.nernst.estimation.kalman.SocTrace;
import org.nernst.estimation.kalman.UnscentedKalmanFilter;
import org.nernst.twin.ecm.EcmParameterTable;
import org.nernst.twin.ecm.EcmParameters;
import org.nernst.twin.ecm.EquivalentCircuitModel;
import org.nernst.twin.ecm.OcvCurve;

/**
 * SOC along every Panasonic drive cycle from a wrong start (80 % when the cell is full). Reference
 * SOC = 1 + Ah / capacity with the capacity of {@link Panasonic} (HPPC, same temperature). SOC RMSE
 * "after convergence" = over the samples after the first 10 % of each cycle's samples.
 */
class SocEstimationTest {

    @Test
    void ekfAndUkfRecoverFromAWrongStartOnEveryDriveCycle() {
        Noise noise = Noise.defaults();
        for (String temp : Panasonic.TEMPERATURES) {
            var m = Panasonic.model(temp);
            System.out.printf(Locale.ROOT, "%n%s SOC RMSE after the first 10 %% of samples, start 0.80 (truth 1.00), "
                    + "capacity %.4f Ah%n%-14s %9s %9s %9s %11s %11s%n", temp, m.capacity(), "cycle", "EKF %", "UKF %",
                    "CC %", "EKF final", "truth final");
            int cycles = 0;
            for (Path f : Panasonic.driveCycles(temp)) {
                Table d = Panasonic.read(f);
                double[] t = d.doubles("test_time");
                double[] i = d.doubles("current");
                double[] v = d.doubles("voltage");
                double[] ah = d.doubles("ah");
                double[] truth = new double[t.length];
                for (int k = 0; k < t.length; k++) {
                    truth[k] = 1 + ah[k] / m.capacity();
                }
                SocTrace ekf = new ExtendedKalmanFilter(m.parameters(), m.temperature(), noise).run(t, i, v, 0.8);
                SocTrace ukf = new UnscentedKalmanFilter(m.parameters(), m.temperature(), noise).run(t, i, v, 0.8);
                double[] cc = new CoulombCounter(m.capacity()).run(t, i, 0.8);
                int from = t.length / 10;
                double e = rmse(ekf.soc(), truth, from);
                double u = rmse(ukf.soc(), truth, from);
                double c = rmse(cc, truth, from);
                System.out.printf(Locale.ROOT, "%-14s %9.2f %9.2f %9.2f %11.3f %11.3f%n", Panasonic.cycleName(f), e * 100,
                        u * 100, c * 100, ekf.soc()[t.length - 1], truth[t.length - 1]);
                assertEquals(0.2, c, 0.005, "Coulomb counting keeps the 20 % start error");
                if (m.temperature() >= 10) {
                    assertTrue(e < 0.02, temp + " " + Panasonic.cycleName(f) + " EKF " + e);
                    assertTrue(u < 0.02, temp + " " + Panasonic.cycleName(f) + " UKF " + u);
                }
                cycles++;
            }
            assertEquals(m.temperature() == 25 ? 9 : m.temperature() == 10 ? 8 : 9, cycles);
        }
    }

    private static double rmse(double[] est, double[] truth, int from) {
        double s = 0;
        for (int k = from; k < est.length; k++) {
            s += (est[k] - truth[k]) * (est[k] - truth[k]);
        }
        return Math.sqrt(s / (est.length - from));
    }

    /** A model-generated series: the filters must find the true SOC, and the band must cover it. */
    @Test
    void filtersConvergeOnDataTheirOwnModelGenerated() {
        double[] soc = { 0, 0.2, 0.5, 0.8, 1 };
        double[] ocv = { 3.0, 3.5, 3.7, 3.95, 4.2 };
        EcmParameters p = EcmParameters.simple(2.0, new OcvCurve(soc, ocv), 0.03, new double[] { 0.01, 0.02 },
                new double[] { 5, 100 }, 2.5, 4.2);
        EquivalentCircuitModel model = new EquivalentCircuitModel(p);
        int n = 20000;
        double[] t = new double[n];
        double[] i = new double[n];
        double[] v = new double[n];
        double[] truth = new double[n];
        double[] y = model.initialState(0.9, 25);
        for (int k = 0; k < n; k++) {
            t[k] = k;
            double dis = 1.0 + 2.0 * Math.sin(k / 37.0) * (k % 300 < 200 ? 1 : 0); // + = discharge
            i[k] = -dis;
            truth[k] = y[0];
            v[k] = model.voltage(y, dis);
            model.advance(y, dis, 25, 1.0);
        }
        Noise noise = new Noise(1e-6, 1e-4, 0.005, 0.2);
        for (SocTrace s : List.of(new ExtendedKalmanFilter(p, 25, noise).run(t, i, v, 0.6),
                new UnscentedKalmanFilter(p, 25, noise).run(t, i, v, 0.6))) {
            assertEquals(truth[n - 1], s.soc()[n - 1], 0.005);
            assertTrue(Math.abs(s.innovation()[n - 1]) < 0.005);
            int covered = 0;
            for (int k = n / 10; k < n; k++) {
                if (Math.abs(s.soc()[k] - truth[k]) <= 3 * s.socStd()[k] + 1e-3) {
                    covered++;
                }
            }
            assertTrue(covered > 0.95 * (n - n / 10), "3σ band covers the truth: " + covered);
        }
    }

    /** The contributions as the registry calls them: measurements + the model table. */
    @Test
    void stateEstimatorContributionsTakeTheModelTableAndKeepTheTablesSign() throws Exception {
        var m = Panasonic.model("25degC");
        Table model = EcmParameterTable.toTable("ecm", 25, m.parameters(), m.fits());
        Table d = Panasonic.read(Panasonic.driveCycles("25degC").stream()
                .filter(p -> p.getFileName().toString().contains("US06")).findFirst().orElseThrow());
        Parameters p = Parameters.of(Map.of("initialSoc", 0.8, "time", "test_time", "current", "current", "voltage",
                "voltage", "capacity", 0.0, "temperature", 25.0));
        Table ekf = new EkfEstimator().estimate(d, Map.<String, Object>of("model", model), p, ProgressMonitor.none());
        assertEquals(List.of("test_time", "soc", "soc_std", "voltage_predicted", "innovation"), ekf.columnNames());
        assertEquals(d.rowCount(), ekf.rowCount());
        double[] ah = d.doubles("ah");
        double last = 1 + ah[ah.length - 1] / m.capacity();
        assertEquals(last, ekf.doubles("soc")[ekf.rowCount() - 1], 0.03);
        Table ukf = new UkfEstimator().estimate(d, Map.<String, Object>of("model", model), p, ProgressMonitor.none());
        assertEquals(last, ukf.doubles("soc")[ukf.rowCount() - 1], 0.03);
        Table cc = new CoulombCountingEstimator().estimate(d, Map.<String, Object>of("model", model), p, ProgressMonitor.none());
        assertEquals(0.8 + ah[ah.length - 1] / m.capacity(), cc.doubles("soc")[cc.rowCount() - 1], 1e-3);
        // charging current raises SOC: the tables' sign
        Table charge = new Table("charge", List.of(new DoubleColumn("test_time", "s", new double[] { 0, 3600 }),
                new DoubleColumn("current", "A", new double[] { 1, 1 })));
        Table up = new CoulombCountingEstimator().estimate(charge, Map.of(), Parameters.of(Map.of("initialSoc", 0.5,
                "time", "test_time", "current", "current", "capacity", 2.0)), ProgressMonitor.none());
        assertEquals(1.0, up.doubles("soc")[1], 1e-12);
    }
}

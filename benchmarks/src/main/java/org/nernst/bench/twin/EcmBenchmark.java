package org.nernst.bench.twin;

import java.util.Arrays;
import java.util.Locale;

import org.nernst.estimation.kalman.ExtendedKalmanFilter;
import org.nernst.estimation.kalman.Noise;
import org.nernst.estimation.kalman.SocTrace;
import org.nernst.estimation.kalman.UnscentedKalmanFilter;
import org.nernst.twin.ecm.EcmParameters;
import org.nernst.twin.ecm.EquivalentCircuitModel;
import org.nernst.twin.ecm.Lookup;
import org.nernst.twin.ecm.OcvCurve;

/**
 * ECM and Kalman-filter throughput on one core: ECM steps per second with 1 s steps (target ≥ 20 M),
 * EKF and UKF samples per second (EKF target ≥ 5 M). Two RC pairs; R0 and R over SOC (13
 * breakpoints at the Panasonic 25 °C pulse sets), τ constant, OCV over 116 equally spaced SOC points (as
 * {@code EcmIdentification.parameters} builds it). Medians of
 * {@code rounds} timed rounds after {@code warmup} untimed ones.
 * <p>
 * Run: {@code java -cp <core, twin, estimation jars> org.nernst.bench.twin.EcmBenchmark [rounds] [warmup]}
 */
public final class EcmBenchmark {
    private EcmBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        EcmParameters p = parameters();
        EquivalentCircuitModel model = new EquivalentCircuitModel(p, 25);
        int steps = 10_000_000;
        double[] t = new double[steps];
        double[] current = new double[steps];
        for (int k = 0; k < steps; k++) {
            t[k] = k;
            current[k] = 2.0 * Math.sin(k * 0.01); // A, + = discharge (model sign), zero mean: SOC stays in the table
        }
        double[] ecm = new double[rounds];
        double sink = 0;
        for (int r = -warmup; r < rounds; r++) {
            int n = 1_000_000;
            long t0 = System.nanoTime();
            sink += simulate(model, current, n);
            long dt = System.nanoTime() - t0;
            if (r >= 0) {
                ecm[r] = n / (dt * 1e-9);
            }
        }
        // Kalman filters on a model-generated series (1 s samples), the state estimators' inner loops
        int m = 1_000_000;
        double[] tt = Arrays.copyOf(t, m);
        double[] ic = new double[m];
        double[] v = new double[m];
        double[] y = model.initialState(0.6, 25);
        for (int k = 0; k < m; k++) {
            double dis = current[k];
            ic[k] = -dis; // tables' sign
            v[k] = model.voltage(y, dis);
            model.advance(y, dis, 25, 1.0);
        }
        SocTrace out = SocTrace.of(m);
        ExtendedKalmanFilter ekf = new ExtendedKalmanFilter(p, 25, Noise.defaults());
        UnscentedKalmanFilter ukf = new UnscentedKalmanFilter(p, 25, Noise.defaults());
        double[] ekfRate = new double[rounds];
        double[] ukfRate = new double[rounds];
        for (int r = -warmup; r < rounds; r++) {
            long t0 = System.nanoTime();
            ekf.run(tt, ic, v, 0.4, out);
            long t1 = System.nanoTime();
            sink += out.soc()[m - 1];
            ukf.run(tt, ic, v, 0.4, out);
            long t2 = System.nanoTime();
            sink += out.soc()[m - 1];
            if (r >= 0) {
                ekfRate[r] = m / ((t1 - t0) * 1e-9);
                ukfRate[r] = m / ((t2 - t1) * 1e-9);
            }
        }
        System.out.printf(Locale.ROOT, "ECM advance (2 RC, R over SOC, 1 s steps): %.1f M steps/s (median of %d)%n",
                median(ecm) / 1e6, rounds);
        System.out.printf(Locale.ROOT, "EKF (2 RC): %.2f M samples/s%n", median(ekfRate) / 1e6);
        System.out.printf(Locale.ROOT, "UKF (2 RC, 7 sigma points): %.2f M samples/s%n", median(ukfRate) / 1e6);
        System.out.printf(Locale.ROOT, "final SOC of the last UKF run %.4f, started at 0.4 for a true 0.6 (sink %.3f)%n", out.soc()[m - 1], sink);
    }

    /** One cell, {@code n} steps of 1 s (a method of its own, so the JIT compiles the loop as a whole). */
    static double simulate(EquivalentCircuitModel model, double[] current, int n) {
        double[] y = model.initialState(0.6, 25);
        for (int k = 0; k < n; k++) {
            model.advance(y, current[k], 25, 1.0);
        }
        return y[0] + y[1];
    }

    static EcmParameters parameters() {
        // the SOC of the 25 °C Panasonic pulse sets: unequally spaced, so lookups binary-search
        double[] soc = { 0.059, 0.111, 0.163, 0.216, 0.268, 0.372, 0.477, 0.582, 0.686, 0.791, 0.895, 0.948, 1.0 };
        double[] r0 = new double[13];
        double[] r1 = new double[13];
        double[] r2 = new double[13];
        for (int i = 0; i < 13; i++) {
            r0[i] = 0.022 + 0.01 * Math.pow(1 - soc[i], 4);
            r1[i] = 0.009;
            r2[i] = 0.02 + 0.01 * Math.sin(3 * soc[i]);
        }
        double[] grid = new double[116];
        double[] ocv = new double[116];
        for (int i = 0; i < 116; i++) {
            grid[i] = -0.1 + 1.15 * i / 115;
            ocv[i] = 3.2 + 0.9 * grid[i] + 0.1 * Math.tanh(10 * grid[i]);
        }
        return new EcmParameters(2.8, new OcvCurve(grid, ocv), Lookup.ofSoc(soc, r0),
                new Lookup[] { Lookup.ofSoc(soc, r1), Lookup.ofSoc(soc, r2) },
                new Lookup[] { Lookup.constant(1.5), Lookup.constant(40) }, 1.0, 0, 0, 0, 0, 2.5, 4.2);
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}

package org.nernst.bench.twin;

import java.util.Arrays;
import java.util.Locale;

import org.nernst.twin.spm.ParameterSet;
import org.nernst.twin.spm.ParameterSets;
import org.nernst.twin.spm.SingleParticleModel;
import org.nernst.twin.spm.SpmeModel;

/**
 * Wall time of a full 1C constant-current discharge (100 % SOC to the lower cut-off) of the
 * single particle models on the Chen 2020 set, with 20 shells per particle: the model's own
 * implicit step ({@code advance}) in fixed steps, the terminal voltage checked after every step.
 * Warm-up runs are excluded; the median of the timed runs is reported. Options:
 * {@code --shells 20 --dt 10 --warmup 2000 --runs 501}.
 */
public final class SpmBenchmark {
    private SpmBenchmark() {
    }

    public static void main(String[] args) {
        int shells = 20;
        double dt = 10;
        int warmup = 2000;
        int runs = 501;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--shells" -> shells = Integer.parseInt(args[i + 1]);
                case "--dt" -> dt = Double.parseDouble(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ParameterSet set = ParameterSets.chen2020();
        report("SPM ", new SingleParticleModel(set, shells), dt, warmup, runs);
        report("SPMe", new SpmeModel(set, shells), dt, warmup, runs);
    }

    private static void report(String label, SingleParticleModel model, double dt, int warmup, int runs) {
        double current = model.capacityAh();
        double[] state = model.initialState(1.0, 25);
        double sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += discharge(model, state, current, dt);
        }
        long[] nanos = new long[runs];
        int steps = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            steps = discharge(model, state, current, dt);
            nanos[i] = System.nanoTime() - t0;
            sink += steps;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT,
                "%s 1C discharge, %d shells, dt %.0f s: %d steps (%.3f Ah), median %.3f ms, p10 %.3f ms, p90 %.3f ms"
                        + " over %d runs after %d warm-up (checksum %.0f)%n",
                label, model.shells(), dt, steps, current * steps * dt / 3600, nanos[runs / 2] / 1e6,
                nanos[runs / 10] / 1e6, nanos[runs * 9 / 10] / 1e6, runs, warmup, sink);
    }

    /** One discharge from full to the cut-off, reusing {@code state}; returns the number of steps. */
    private static int discharge(SingleParticleModel model, double[] state, double current, double dt) {
        double[] start = model.initialState(1.0, 25);
        System.arraycopy(start, 0, state, 0, state.length);
        int steps = 0;
        while (model.voltage(state, current) > model.minVoltage() && steps < 100_000) {
            model.advance(state, current, 25, dt);
            steps++;
        }
        return steps;
    }
}

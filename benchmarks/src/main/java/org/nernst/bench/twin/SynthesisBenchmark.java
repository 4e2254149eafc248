package org.nernst.bench.twin;

import java.util.Arrays;
import java.util.Locale;

import org.nernst.core.node.ProgressMonitor;
import org.nernst.twin.ecm.EcmParameters;
import org.nernst.twin.ecm.OcvCurve;
import org.nernst.twin.experiment.Experiment;
import org.nernst.twin.experiment.ExperimentParser;
import org.nernst.twin.sim.Simulator;
import org.nernst.twin.synthesis.Fault;
import org.nernst.twin.synthesis.Population;
import org.nernst.twin.synthesis.PopulationSynthesizer;

/**
 * Wall time to synthesize a labelled population: {@code --cells 1000} equivalent-circuit cells (2RC,
 * spread, ages up to 1000 cycles, sensor noise, 5 % of cells with each fault), each running one
 * CC-CV cycle (1C discharge to 3.0 V, 30 min rest, 1C charge to 4.1 V, hold to C/20) recorded every
 * {@code --period} seconds, on all cores. Median of {@code --runs} after one warm-up run.
 */
public final class SynthesisBenchmark {
    private SynthesisBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cells = 1000;
        double period = 1;
        int runs = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--cells" -> cells = Integer.parseInt(args[i + 1]);
                case "--period" -> period = Double.parseDouble(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        EcmParameters cell = EcmParameters.simple(2.9, new OcvCurve(new double[] {0, 0.1, 0.3, 0.5, 0.7, 0.9, 1},
                new double[] {3.0, 3.45, 3.6, 3.7, 3.85, 4.05, 4.2}), 0.025, new double[] {0.01, 0.02},
                new double[] {8, 150}, 2.5, 4.25);
        Experiment cycle = ExperimentParser.parse("Discharge at 1C until 3.0 V\nRest for 30 minutes\n"
                + "Charge at 1C until 4.1 V\nHold at 4.1 V until C/20");
        double[] faults = new double[Fault.values().length];
        for (Fault f : Fault.values()) {
            if (f != Fault.NONE) {
                faults[f.ordinal()] = 0.05;
            }
        }
        Population pop = new Population(cells, 0.02, 0.05, 0, 1000, 0.1, 0.3, 0.001, 0.005, 0.1, 0.002, faults, 600,
                3600, 20, 0.01);
        Simulator.Options opts = Simulator.Options.defaults().withPeriod(period).withMaxStepSeconds(6 * 3600);
        long rows = 0;
        long[] nanos = new long[runs];
        for (int r = -1; r < runs; r++) {
            long t0 = System.nanoTime();
            PopulationSynthesizer.Result res = PopulationSynthesizer.synthesize(cell, 25, cycle, null, opts, pop, 42 + r,
                    null, ProgressMonitor.none());
            long dt = System.nanoTime() - t0;
            rows = res.samples().rowCount();
            if (r >= 0) {
                nanos[r] = dt;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "synthesis: %d cells × one CC-CV cycle at %.0f s sampling, %d samples, %d threads: "
                + "median %.2f s (min %.2f s) over %d runs after 1 warm-up%n", cells, period, rows,
                Runtime.getRuntime().availableProcessors(), nanos[runs / 2] / 1e9, nanos[0] / 1e9, runs);
    }
}

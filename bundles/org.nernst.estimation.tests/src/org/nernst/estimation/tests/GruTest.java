package org.nernst.estimation.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.estimation.rnn.Gru;
import org.nernst.estimation.rnn.GruSocModel;
import org.nernst.estimation.rnn.SocSeries;

class GruTest {

    /** BPTT gradient against central finite differences for every parameter of a small net. */
    @Test
    void backpropagationThroughTimeMatchesFiniteDifferences() {
        Gru net = new Gru(3, 4, 7);
        SplittableRandom r = new SplittableRandom(1);
        double[][] x = new double[12][3];
        double[] y = new double[12];
        for (int t = 0; t < 12; t++) {
            for (int j = 0; j < 3; j++) {
                x[t][j] = 2 * r.nextDouble() - 1;
            }
            y[t] = r.nextDouble();
        }
        double[] grad = new double[net.parameterCount()];
        net.lossAndGradient(x, y, new double[4], grad);
        double[] w = net.parameters();
        double worst = 0;
        for (int i = 0; i < w.length; i++) {
            double h = 1e-6;
            double[] p = w.clone();
            p[i] = w[i] + h;
            net.setParameters(p);
            double up = net.lossAndGradient(x, y, new double[4], new double[w.length]);
            p[i] = w[i] - h;
            net.setParameters(p);
            double down = net.lossAndGradient(x, y, new double[4], new double[w.length]);
            double numeric = (up - down) / (2 * h);
            worst = Math.max(worst, Math.abs(numeric - grad[i]) / Math.max(1e-3, Math.abs(numeric) + Math.abs(grad[i])));
        }
        assertEquals(4 * 3 * 7 + 3 * 4 + 4 + 1, w.length, "3 gates of 4×7 weights, 3×4 biases, 4+1 read-out");
        assertTrue(worst < 1e-6, "worst relative gradient error " + worst);
    }

    @Test
    void trainingIsDeterministicForASeedAndLearnsASyntheticSoc() {
        // a synthetic cell: constant 1 A discharge pulses, OCV linear in SOC, 50 mΩ
        int n = 3000;
        double[] t = new double[n];
        double[] v = new double[n];
        double[] i = new double[n];
        double[] temp = new double[n];
        double[] soc = new double[n];
        double s = 1.0;
        for (int k = 0; k < n; k++) {
            t[k] = k;
            i[k] = (k / 60) % 2 == 0 ? -1.0 : 0.0;
            s += i[k] / 3600.0;
            soc[k] = s;
            v[k] = 3.2 + 1.0 * s + 0.05 * i[k];
            temp[k] = 25;
        }
        SocSeries series = new SocSeries("synthetic", t, v, i, temp, soc);
        GruSocModel.Settings settings = new GruSocModel.Settings(8, 15, 100, 1.0, 0.01, 100, 3);
        GruSocModel a = GruSocModel.train(List.of(series), settings, ProgressMonitor.none());
        GruSocModel b = GruSocModel.train(List.of(series), settings, ProgressMonitor.none());
        assertArrayEquals(a.estimate(series)[1], b.estimate(series)[1], 0.0);
        List<Double> loss = a.epochLosses();
        assertEquals(15, loss.size());
        assertTrue(loss.get(14) < loss.get(0) / 10, "loss falls tenfold: " + loss);
    }
}

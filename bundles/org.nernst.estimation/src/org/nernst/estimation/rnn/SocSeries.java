package org.nernst.estimation.rnn;

import java.util.ArrayList;
import java.util.List;

/**
 * One measured drive cycle for SOC estimation: time (s), voltage (V), current (A, positive while
 * charging), temperature (°C) and, for training and scoring, the reference SOC (NaN when unknown).
 */
public record SocSeries(String name, double[] time, double[] voltage, double[] current, double[] temperature,
        double[] soc) {

    public int length() {
        return time.length;
    }

    /**
     * Means over consecutive bins of {@code step} seconds (an anti-aliasing decimation: a 10 Hz
     * record at 1 s keeps the charge each second carried); bins without samples are skipped.
     */
    public SocSeries resample(double step) {
        int n = time.length;
        List<double[]> rows = new ArrayList<>();
        int i = 0;
        while (i < n) {
            double start = time[i];
            double bin = Math.floor((start - time[0]) / step);
            double[] sum = new double[5];
            int count = 0;
            while (i < n && Math.floor((time[i] - time[0]) / step) == bin) {
                sum[0] += voltage[i];
                sum[1] += current[i];
                sum[2] += temperature[i];
                sum[3] += soc[i];
                count++;
                i++;
            }
            rows.add(new double[] { time[0] + (bin + 1) * step, sum[0] / count, sum[1] / count, sum[2] / count,
                    sum[3] / count });
        }
        int m = rows.size();
        double[][] c = new double[5][m];
        for (int k = 0; k < m; k++) {
            for (int j = 0; j < 5; j++) {
                c[j][k] = rows.get(k)[j];
            }
        }
        return new SocSeries(name, c[0], c[1], c[2], c[3], c[4]);
    }
}

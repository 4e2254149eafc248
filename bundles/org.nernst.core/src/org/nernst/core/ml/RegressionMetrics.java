package org.nernst.core.ml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Standard regression metrics of predictions against measured values.
 *
 * @param n number of rows
 * @param rmse root mean squared error
 * @param mae mean absolute error
 * @param r2 coefficient of determination (1 − SSres/SStot); NaN for fewer than two rows or constant truth
 * @param mape mean absolute percentage error in %, over rows whose measured value is non-zero
 * @param maxError largest absolute error
 * @since 0.1
 */
public record RegressionMetrics(int n, double rmse, double mae, double r2, double mape, double maxError) {

    public static RegressionMetrics of(double[] actual, double[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " measured values but " + predicted.length + " predictions");
        }
        int n = actual.length;
        if (n == 0) {
            return new RegressionMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = 0;
        for (double a : actual) {
            mean += a;
        }
        mean /= n;
        double ss = 0, abs = 0, tot = 0, pct = 0, max = 0;
        int pctN = 0;
        for (int i = 0; i < n; i++) {
            double e = predicted[i] - actual[i];
            ss += e * e;
            abs += Math.abs(e);
            max = Math.max(max, Math.abs(e));
            tot += (actual[i] - mean) * (actual[i] - mean);
            if (actual[i] != 0) {
                pct += Math.abs(e / actual[i]);
                pctN++;
            }
        }
        double r2 = n < 2 || tot == 0 ? Double.NaN : 1 - ss / tot;
        return new RegressionMetrics(n, Math.sqrt(ss / n), abs / n, r2, pctN == 0 ? Double.NaN : 100 * pct / pctN, max);
    }

    /** As an ordered map for {@link org.nernst.core.node.Metrics}. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("rmse", rmse);
        m.put("mae", mae);
        m.put("r2", r2);
        m.put("mape_percent", mape);
        m.put("max_abs_error", maxError);
        return m;
    }
}

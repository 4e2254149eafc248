package org.nernst.estimation.rnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nernst.core.estimation.StateEstimator;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.estimation.internal.Columns;

/**
 * State estimator {@code org.nernst.estimation.gru}: trains a {@link GruSocModel} on the table at
 * input {@code training} and estimates SOC along the measurements. The training table may hold
 * several drive cycles one after the other: a new one starts wherever time goes backwards. The
 * estimate, made on the resampled grid, is interpolated back to every measurement row.
 */
public final class GruSocEstimator implements StateEstimator {

    @Override
    public List<String> stateNames() {
        return List.of("soc");
    }

    @Override
    public Table estimate(Table measurements, Parameters parameters, ProgressMonitor monitor) throws Exception {
        throw new DataException(measurements.name(), "input training",
                "the GRU SOC estimator needs a training table (time, voltage, current, temperature, soc) at input 'training'");
    }

    @Override
    public Table estimate(Table measurements, Map<String, Object> inputs, Parameters p, ProgressMonitor monitor)
            throws Exception {
        Table training = inputs.get("training") instanceof Table t ? t : null;
        if (training == null) {
            return estimate(measurements, p, monitor);
        }
        GruSocModel.Settings d = GruSocModel.Settings.defaults();
        GruSocModel.Settings s = new GruSocModel.Settings(
                (int) (p.has("hidden") ? p.integer("hidden") : d.hidden()),
                (int) (p.has("epochs") ? p.integer("epochs") : d.epochs()),
                (int) (p.has("window") ? p.integer("window") : d.window()),
                p.has("step") ? p.number("step") : d.step(),
                p.has("learningRate") ? p.number("learningRate") : d.learningRate(),
                d.averageSeconds(),
                p.has("seed") ? p.integer("seed") : d.seed());
        GruSocModel model = GruSocModel.train(split(series(training, true)), s, monitor);
        SocSeries m = series(measurements, false);
        double[][] est = model.estimate(m);
        double[] soc = interpolate(est[0], est[1], m.time());
        return new Table(measurements.name() + " SOC", List.of(
                new DoubleColumn(timeName(measurements), "s", Role.TIME, m.time()),
                new DoubleColumn("soc", "", soc)));
    }

    private static String timeName(Table t) throws DataException {
        return Columns.first(t, "time", "test_time").orElseThrow(() -> new DataException(t.name(),
                "columns " + t.columnNames(), "no time column (time or test_time)"));
    }

    static SocSeries series(Table t, boolean needSoc) throws DataException {
        double[] time = Columns.doubles(t, timeName(t));
        double[] v = Columns.require(t, "voltage", "voltage");
        double[] i = Columns.require(t, "current", "current");
        double[] temp = t.find("temperature").isPresent() ? Columns.doubles(t, "temperature") : null;
        if (temp == null) {
            temp = new double[time.length];
            java.util.Arrays.fill(temp, 25);
        }
        double[] soc = needSoc ? Columns.require(t, "reference SOC", "soc") : new double[time.length];
        for (int k = 0; k < time.length; k++) {
            if (!Double.isFinite(time[k]) || !Double.isFinite(v[k]) || !Double.isFinite(i[k])
                    || !Double.isFinite(temp[k]) || !Double.isFinite(soc[k])) {
                throw new DataException(t.name(), "row " + (k + 1), "has a missing time, voltage, current, temperature"
                        + (needSoc ? " or soc" : "") + "; the GRU needs complete rows");
            }
        }
        return new SocSeries(t.name(), time, v, i, temp, soc);
    }

    /** Splits where time goes backwards: one series per drive cycle. */
    static List<SocSeries> split(SocSeries s) {
        List<SocSeries> out = new ArrayList<>();
        int start = 0;
        for (int k = 1; k <= s.length(); k++) {
            if (k == s.length() || s.time()[k] < s.time()[k - 1]) {
                out.add(new SocSeries(s.name() + "#" + out.size(), java.util.Arrays.copyOfRange(s.time(), start, k),
                        java.util.Arrays.copyOfRange(s.voltage(), start, k),
                        java.util.Arrays.copyOfRange(s.current(), start, k),
                        java.util.Arrays.copyOfRange(s.temperature(), start, k),
                        java.util.Arrays.copyOfRange(s.soc(), start, k)));
                start = k;
            }
        }
        return out;
    }

    /** Linear interpolation, held constant beyond the ends. */
    static double[] interpolate(double[] x, double[] y, double[] at) {
        double[] out = new double[at.length];
        int j = 0;
        for (int k = 0; k < at.length; k++) {
            double a = at[k];
            if (a <= x[0]) {
                out[k] = y[0];
                continue;
            }
            if (a >= x[x.length - 1]) {
                out[k] = y[y.length - 1];
                continue;
            }
            while (j > 0 && x[j] > a) {
                j--;
            }
            while (x[j + 1] < a) {
                j++;
            }
            double w = (a - x[j]) / (x[j + 1] - x[j]);
            out[k] = y[j] + w * (y[j + 1] - y[j]);
        }
        return out;
    }
}

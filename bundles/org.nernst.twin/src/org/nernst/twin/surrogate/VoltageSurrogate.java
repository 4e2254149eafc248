package org.nernst.twin.surrogate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.ml.Prediction;
import org.nernst.core.ml.TrainedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Column;
import org.nernst.core.table.Table;
import org.nernst.twin.model.CellModel;

/**
 * A data-driven twin: any Nernst estimator trained to map the load history of a cell to its terminal
 * voltage, used as a {@link CellModel} so the experiment runner, synthesis and estimators drive it
 * like a physical model.
 * <p>
 * The state carries what the voltage depends on and can be computed from the load alone: the SOC by
 * Coulomb counting and the current filtered with three first-order lags (10, 100, 1000 s — the
 * time scales of the RC dynamics of a cell). Features per sample: current, SOC, the terms of Plett's
 * "combined" OCV model (1/s, s, ln s, ln(1 − s), s clipped to 1 %…99 %), the three filtered
 * currents and, optionally, the temperature. A linear estimator on them is a grey-box model; a
 * tree ensemble or GP learns what the terms miss.
 * <p>
 * <b>Validity range</b>: the smallest and largest value of every feature seen in training;
 * {@link #inRange} says whether a state and current lie inside it, and the twin reports it per
 * sample. Outside it the surrogate extrapolates and its voltage should not be trusted.
 * <p>
 * A constant-voltage or constant-power step solves for the current through the estimator, so it needs
 * an estimator whose prediction is smooth in the current (linear, GP, SVR, kernel ridge); a tree
 * model makes such steps infeasible.
 *
 * @since 0.2
 */
public final class VoltageSurrogate implements CellModel {
    /** Time constants (s) of the current filters. */
    public static final double[] TAUS = {10, 100, 1000};
    private static final List<String> STATES = List.of("soc", "i_lag10s", "i_lag100s", "i_lag1000s");

    private final TrainedModel model;
    private final double capacityAh;
    private final boolean useTemperature;
    private final double temperatureC;
    private final double minVoltage;
    private final double maxVoltage;
    private final double[] lo;
    private final double[] hi;

    private VoltageSurrogate(TrainedModel model, double capacityAh, boolean useTemperature, double temperatureC,
            double minVoltage, double maxVoltage, double[] lo, double[] hi) {
        this.model = model;
        this.capacityAh = capacityAh;
        this.useTemperature = useTemperature;
        this.temperatureC = temperatureC;
        this.minVoltage = minVoltage;
        this.maxVoltage = maxVoltage;
        this.lo = lo;
        this.hi = hi;
    }

    /** Feature names, in order. */
    public static List<String> featureNames(boolean useTemperature) {
        List<String> f = new ArrayList<>(List.of("current", "soc", "inv_soc", "ln_soc", "ln_one_minus_soc",
                "i_lag10s", "i_lag100s", "i_lag1000s"));
        if (useTemperature) {
            f.add("temperature");
        }
        return f;
    }

    /**
     * Trains a surrogate on measured or simulated time series.
     *
     * @param series samples with {@code test_time} (or {@code time}, s), {@code current} (A, + = charge) and
     *        {@code voltage} (V), optionally {@code temperature} (°C) and {@code cell} (each cell's series
     *        starts from {@code initialSoc}); each sample's current is taken as held since the previous one
     * @param capacityAh the capacity SOC is counted against
     * @param every use every n-th sample (1 = all) to thin long, finely sampled series
     */
    public static VoltageSurrogate train(Table series, ConfiguredEstimator estimator, double capacityAh, double initialSoc,
            boolean useTemperature, double temperatureC, double minVoltage, double maxVoltage, int every, long seed,
            ProgressMonitor monitor) throws Exception {
        String src = "training table '" + series.name() + "'";
        Column time = series.find("test_time").orElseGet(() -> series.find("time").orElse(null));
        if (time == null || series.find("current").isEmpty() || series.find("voltage").isEmpty()) {
            throw new DataException(src, "header", "a surrogate trains on time (test_time or time, s), current (A, positive "
                    + "while charging) and voltage (V) columns; found " + series.columnNames());
        }
        if (useTemperature && series.find("temperature").isEmpty()) {
            throw new DataException(src, "header", "useTemperature needs a temperature column (°C)");
        }
        Column current = series.column("current");
        Column voltage = series.column("voltage");
        Column temp = useTemperature ? series.column("temperature") : null;
        Column cell = series.find("cell").orElse(null);
        int n = series.rowCount();
        List<double[]> rows = new ArrayList<>();
        List<Double> target = new ArrayList<>();
        double[] y = null;
        String lastCell = null;
        double lastTime = 0;
        int since = 0;
        for (int k = 0; k < n; k++) {
            String c = cell == null ? "" : cell.format(k);
            double t = time.asDouble(k);
            double i = -current.asDouble(k);
            double v = voltage.asDouble(k);
            if (!Double.isFinite(t) || !Double.isFinite(i)) {
                throw new DataException(src, "row " + (k + 1), "time and current must be finite numbers");
            }
            if (y == null || !c.equals(lastCell)) {
                y = new double[] {initialSoc, 0, 0, 0};
                lastCell = c;
            } else {
                double dt = t - lastTime;
                if (dt < 0) {
                    throw new DataException(src, "row " + (k + 1) + ", column " + time.name(), "time " + t
                            + " goes back (previous " + lastTime + "); sort the series or give each cell a cell column");
                }
                step(y, i, dt, capacityAh);
            }
            lastTime = t;
            if (++since >= every && Double.isFinite(v)) {
                since = 0;
                double tc = useTemperature ? temp.asDouble(k) : temperatureC;
                if (Double.isFinite(tc)) {
                    rows.add(features(y, i, tc, useTemperature));
                    target.add(v);
                }
            }
            if ((k & 4095) == 0) {
                monitor.checkCanceled();
            }
        }
        if (rows.size() < 10) {
            throw new DataException(src, "", "only " + rows.size() + " usable samples; a surrogate needs more");
        }
        double[][] x = rows.toArray(double[][]::new);
        double[] yy = target.stream().mapToDouble(Double::doubleValue).toArray();
        int f = x[0].length;
        double[] lo = new double[f];
        double[] hi = new double[f];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (double[] r : x) {
            for (int j = 0; j < f; j++) {
                lo[j] = Math.min(lo[j], r[j]);
                hi[j] = Math.max(hi[j], r[j]);
            }
        }
        TrainedModel m = estimator.fit(new TrainingSet(x, yy, featureNames(useTemperature), "voltage"), seed, monitor);
        return new VoltageSurrogate(m, capacityAh, useTemperature, temperatureC, minVoltage, maxVoltage, lo, hi);
    }

    /** Advances the load state: SOC by Coulomb counting, exact first-order lags for a held current. */
    static void step(double[] y, double current, double dt, double capacityAh) {
        y[0] -= current * dt / (3600.0 * capacityAh);
        for (int j = 0; j < TAUS.length; j++) {
            double a = Math.exp(-dt / TAUS[j]);
            y[1 + j] = y[1 + j] * a + current * (1 - a);
        }
    }

    static double[] features(double[] y, double current, double temperatureC, boolean useTemperature) {
        double s = Math.min(0.99, Math.max(0.01, y[0]));
        double[] f = new double[useTemperature ? 9 : 8];
        f[0] = current;
        f[1] = y[0];
        f[2] = 1 / s;
        f[3] = Math.log(s);
        f[4] = Math.log(1 - s);
        f[5] = y[1];
        f[6] = y[2];
        f[7] = y[3];
        if (useTemperature) {
            f[8] = temperatureC;
        }
        return f;
    }

    /** Whether every feature of this state and current lies within what training saw. */
    public boolean inRange(double[] y, double current) {
        double[] f = features(y, current, temperatureC, useTemperature);
        for (int j = 0; j < f.length; j++) {
            double margin = 1e-9 * Math.max(1, Math.abs(hi[j] - lo[j]));
            if (f[j] < lo[j] - margin || f[j] > hi[j] + margin) {
                return false;
            }
        }
        return true;
    }

    /** The training range of each feature, for reports: name → [min, max]. */
    public String describeRange() {
        StringBuilder sb = new StringBuilder();
        List<String> names = featureNames(useTemperature);
        for (int j = 0; j < lo.length; j++) {
            sb.append(String.format(Locale.ROOT, "%s%s %.4g…%.4g", j == 0 ? "" : ", ", names.get(j), lo[j], hi[j]));
        }
        return sb.toString();
    }

    /** The predictive standard deviation (V) where the estimator gives one, else NaN. */
    public double voltageStd(double[] y, double current) {
        Prediction p = predict(y, current);
        return p.hasUncertainty() ? p.std()[0] : Double.NaN;
    }

    private Prediction predict(double[] y, double current) {
        try {
            return model.predict(new double[][] {features(y, current, temperatureC, useTemperature)});
        } catch (DataException e) {
            throw new ArithmeticException("the surrogate cannot predict here: " + e.getMessage());
        }
    }

    public TrainedModel trainedModel() {
        return model;
    }

    @Override
    public List<String> stateNames() {
        return STATES;
    }

    @Override
    public double[] initialState(double soc, double temperatureC) {
        return new double[] {soc, 0, 0, 0};
    }

    @Override
    public void advance(double[] state, double current, double ambientC, double dt) {
        step(state, current, dt, capacityAh);
    }

    @Override
    public double voltage(double[] state, double current) {
        return predict(state, current).mean()[0];
    }

    @Override
    public double soc(double[] state) {
        return state[0];
    }

    @Override
    public double temperature(double[] state, double ambientC) {
        return temperatureC;
    }

    @Override
    public double capacityAh() {
        return capacityAh;
    }

    @Override
    public double minVoltage() {
        return minVoltage;
    }

    @Override
    public double maxVoltage() {
        return maxVoltage;
    }
}

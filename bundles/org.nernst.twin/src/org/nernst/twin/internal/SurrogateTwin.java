package org.nernst.twin.internal;

import java.util.List;
import java.util.Map;

import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.LongColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.twin.model.CellModel;
import org.nernst.twin.sim.CellModelTwin;
import org.nernst.twin.surrogate.VoltageSurrogate;

/**
 * The data-driven twin contribution: trains a {@link VoltageSurrogate} with the connected estimator
 * on the connected time series, then runs the experiment on it; adds the validity-range flag (and
 * the predictive standard deviation for probabilistic estimators) to every sample.
 */
public final class SurrogateTwin extends CellModelTwin {

    @Override
    public List<String> stateNames() {
        return List.of("soc", "i_lag10s", "i_lag100s", "i_lag1000s");
    }

    @Override
    protected CellModel model(Parameters p, Map<String, Object> inputs) throws Exception {
        return train(p, inputs, 0L, ProgressMonitor.none());
    }

    private static VoltageSurrogate train(Parameters p, Map<String, Object> inputs, long seed, ProgressMonitor monitor)
            throws Exception {
        Object training = inputs.get("training");
        Object estimator = inputs.get("estimator");
        if (!(training instanceof Table t)) {
            throw new DataException("surrogate twin", "input 'training'", "connect the time series to learn from "
                    + "(time, current positive while charging, voltage)");
        }
        if (!(estimator instanceof ConfiguredEstimator e)) {
            throw new DataException("surrogate twin", "input 'estimator'", "connect an estimator node (e.g. ridge, "
                    + "Gaussian process, gradient boosting) to learn the voltage with");
        }
        return VoltageSurrogate.train(t, e, p.number("capacity"), p.number("trainingInitialSoc"),
                p.bool("useTemperature"), p.number("temperature"), p.number("minVoltage"), p.number("maxVoltage"),
                (int) p.integer("every"), seed, monitor);
    }

    @Override
    public Table simulate(Table experiment, Map<String, Object> inputs, Parameters parameters, long seed,
            ProgressMonitor monitor) throws Exception {
        VoltageSurrogate s = train(parameters, inputs, seed, monitor);
        Table sim = run(s, experiment, parameters, monitor);
        int n = sim.rowCount();
        double[] soc = sim.doubles("soc");
        double[][] lags = {sim.doubles("i_lag10s"), sim.doubles("i_lag100s"), sim.doubles("i_lag1000s")};
        double[] current = sim.doubles("current");
        long[] in = new long[n];
        double[] std = new double[n];
        boolean probabilistic = false;
        for (int k = 0; k < n; k++) {
            double[] y = {soc[k], lags[0][k], lags[1][k], lags[2][k]};
            in[k] = s.inRange(y, -current[k]) ? 1 : 0;
            std[k] = s.voltageStd(y, -current[k]);
            probabilistic |= !Double.isNaN(std[k]);
        }
        Table out = sim.with(new LongColumn("in_validity_range", "", Role.NONE, in));
        if (probabilistic) {
            out = out.with(new DoubleColumn("voltage_std", "V", Role.NONE, std));
        }
        return out;
    }
}

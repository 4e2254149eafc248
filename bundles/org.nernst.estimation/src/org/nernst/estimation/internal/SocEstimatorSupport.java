package org.nernst.estimation.internal;

import java.util.List;
import java.util.Map;

import org.nernst.core.estimation.StateEstimator;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Column;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.estimation.kalman.Noise;
import org.nernst.twin.ecm.EcmParameterTable;
import org.nernst.twin.ecm.EcmParameters;

/** What the SOC estimators share: column lookup, the model input, temperature and output table. */
abstract class SocEstimatorSupport implements StateEstimator {

    @Override
    public List<String> stateNames() {
        return List.of("soc");
    }

    @Override
    public Table estimate(Table measurements, Parameters parameters, ProgressMonitor monitor) throws Exception {
        return estimate(measurements, Map.of(), parameters, monitor);
    }

    static double[] column(Table t, Parameters p, String parameter) throws DataException {
        String name = p.string(parameter);
        if (t.find(name).isEmpty()) {
            throw new DataException(t.name(), "column '" + name + "'", "missing (parameter '" + parameter
                    + "'); the table has " + t.columnNames());
        }
        return t.doubles(name);
    }

    /** The temperature parameter, or the rounded mean of a 'temperature' column, or 25 °C. */
    static double temperature(Table t, Parameters p) {
        double given = p.has("temperature") ? p.number("temperature") : -300;
        if (given >= -273.15) {
            return given;
        }
        if (t.find("temperature").isPresent()) {
            double[] x = t.doubles("temperature");
            double s = 0;
            for (double v : x) {
                s += v;
            }
            return x.length == 0 ? 25 : Math.round(s / x.length);
        }
        return 25;
    }

    static EcmParameters model(Map<String, Object> inputs, Parameters p, double temperature) throws DataException {
        Table m = inputs.get("model") instanceof Table t ? t : null;
        if (m == null) {
            throw new DataException("input 'model'", "", "not connected; the Kalman filters need an ECM parameter table "
                    + "(output 'parameters' of org.nernst.twin.ecmIdentify)");
        }
        EcmParameters params = EcmParameterTable.fromTable(m, temperature);
        double capacity = p.has("capacity") ? p.number("capacity") : 0;
        return capacity > 0 ? params.withCapacity(capacity) : params;
    }

    static Noise noise(Parameters p) {
        Noise d = Noise.defaults();
        return new Noise(p.has("processNoiseSoc") ? p.number("processNoiseSoc") : d.socPerSqrtSecond(),
                p.has("processNoiseRc") ? p.number("processNoiseRc") : d.rcPerSqrtSecond(),
                p.has("measurementNoise") ? p.number("measurementNoise") : d.measurement(),
                p.has("initialSocStd") ? p.number("initialSocStd") : d.initialSoc());
    }

    static Table output(Table in, Parameters p, String name, double[] time, Column... columns) {
        java.util.List<Column> cols = new java.util.ArrayList<>();
        cols.add(new DoubleColumn(p.string("time"), "s", Role.TIME, time));
        cols.addAll(List.of(columns));
        return new Table(in.name() + " " + name, cols);
    }

    static DoubleColumn col(String name, String unit, Role role, double[] v) {
        return new DoubleColumn(name, unit, role, v);
    }
}

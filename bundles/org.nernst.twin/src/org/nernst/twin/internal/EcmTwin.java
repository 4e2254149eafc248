package org.nernst.twin.internal;

import java.util.List;
import java.util.Map;

import org.nernst.core.node.Parameters;
import org.nernst.core.table.Table;
import org.nernst.twin.ecm.EcmParameterTable;
import org.nernst.twin.ecm.EcmParameters;
import org.nernst.twin.ecm.EquivalentCircuitModel;
import org.nernst.twin.ecm.Lookup;
import org.nernst.twin.ecm.OcvCurve;
import org.nernst.twin.model.CellModel;
import org.nernst.twin.sim.CellModelTwin;

/** The equivalent-circuit twin contribution: an ECM built from the node's parameters. */
public final class EcmTwin extends CellModelTwin {

    /** Every state a parameter set may give the model; one without hysteresis or heat uses fewer. */
    @Override
    public List<String> stateNames() {
        return List.of("soc", "v_rc1", "v_rc2", "v_rc3", "hysteresis", "temperature");
    }

    @Override
    public void configure(Parameters p) {
        if (!p.list("ocvSoc").isEmpty() || !p.list("ocvVoltage").isEmpty()) {
            build(p); // otherwise the parameter set must come through input 'parameters', checked when it arrives
        }
    }

    @Override
    protected CellModel model(Parameters p, Map<String, Object> inputs) throws Exception {
        double temperature = p.has("temperature") ? p.number("temperature") : 25.0;
        if (inputs.get("parameters") instanceof Table t) {
            // an identified set (org.nernst.twin.ecmIdentify): tables over SOC and temperature, evaluated at the ambient
            return new EquivalentCircuitModel(EcmParameterTable.fromTable(t, temperature), temperature);
        }
        if (p.list("ocvSoc").isEmpty()) {
            throw new IllegalArgumentException("the equivalent circuit needs an OCV curve: connect an identified parameter "
                    + "table to input 'parameters' or give parameters 'ocvSoc' and 'ocvVoltage'");
        }
        return new EquivalentCircuitModel(build(p), temperature);
    }

    static EcmParameters build(Parameters p) {
        double[] soc = numbers(p, "ocvSoc");
        double[] ocv = numbers(p, "ocvVoltage");
        if (soc.length < 2 || soc.length != ocv.length) {
            throw new IllegalArgumentException("parameters 'ocvSoc' and 'ocvVoltage' need the same number (at least two) of "
                    + "values: the OCV curve as SOC (0..1) and voltage (V) points; got " + soc.length + " and " + ocv.length);
        }
        double[] r = numbers(p, "rcResistances");
        double[] tau = numbers(p, "rcTimeConstants");
        if (r.length != tau.length || r.length > 3) {
            throw new IllegalArgumentException("parameters 'rcResistances' and 'rcTimeConstants' need one value per RC pair "
                    + "(0 to 3 pairs); got " + r.length + " and " + tau.length);
        }
        Lookup[] rl = new Lookup[r.length];
        Lookup[] tl = new Lookup[r.length];
        for (int i = 0; i < r.length; i++) {
            if (!(r[i] >= 0) || !(tau[i] > 0)) {
                throw new IllegalArgumentException("RC pair " + (i + 1) + ": resistance must be ≥ 0 Ω and time constant > 0 s");
            }
            rl[i] = Lookup.constant(r[i]);
            tl[i] = Lookup.constant(tau[i]);
        }
        try {
            return new EcmParameters(p.number("capacity"), new OcvCurve(soc, ocv), Lookup.constant(p.number("r0")), rl, tl,
                    p.has("chargeEfficiency") ? p.number("chargeEfficiency") : 1.0,
                    p.has("hysteresis") ? p.number("hysteresis") : 0, p.has("hysteresisRate") ? p.number("hysteresisRate") : 0,
                    p.has("heatCapacity") ? p.number("heatCapacity") : 0, p.has("heatTransfer") ? p.number("heatTransfer") : 0,
                    p.number("minVoltage"), p.number("maxVoltage"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("equivalent circuit parameters: " + e.getMessage(), e);
        }
    }

    private static double[] numbers(Parameters p, String name) {
        List<String> values = p.list(name);
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Double.parseDouble(values.get(i).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter '" + name + "': value " + (i + 1) + " '" + values.get(i)
                        + "' is not a number");
            }
        }
        return out;
    }
}

package com.example.nernst.extras.internal;

import java.util.List;
import java.util.Map;

import org.nernst.core.node.Parameters;
import org.nernst.twin.model.CellModel;
import org.nernst.twin.sim.CellModelTwin;

/** The Shepherd twin contribution: Nernst's simulator runs the {@link ShepherdModel} built from the parameters. */
public final class ShepherdTwin extends CellModelTwin {

    @Override
    public List<String> stateNames() {
        return List.of("soc");
    }

    @Override
    public void configure(Parameters p) {
        model(p);
    }

    @Override
    protected CellModel model(Parameters p, Map<String, Object> inputs) {
        return model(p);
    }

    private static ShepherdModel model(Parameters p) {
        if (!(p.number("minVoltage") < p.number("maxVoltage"))) {
            throw new IllegalArgumentException("parameter 'minVoltage' (" + p.number("minVoltage")
                    + " V) must be below 'maxVoltage' (" + p.number("maxVoltage") + " V)");
        }
        return new ShepherdModel(p.number("capacity"), p.number("e0"), p.number("r"), p.number("k"), p.number("a"),
                p.number("b"), p.number("minVoltage"), p.number("maxVoltage"));
    }
}

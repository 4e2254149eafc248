package org.nernst.twin.internal;

import java.util.Map;

import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Table;
import org.nernst.twin.ecm.EcmParameters;
import org.nernst.twin.experiment.Experiment;
import org.nernst.twin.experiment.ExperimentParser;
import org.nernst.twin.sim.CellModelTwin;
import org.nernst.twin.sim.DriveCycle;
import org.nernst.twin.sim.Simulator;
import org.nernst.twin.synthesis.Fault;
import org.nernst.twin.synthesis.Population;
import org.nernst.twin.synthesis.PopulationSynthesizer;

/** The synthesis node: a labelled population of equivalent-circuit cells running one experiment. */
public final class SynthesisNode implements Node {

    @Override
    public void configure(Parameters p) {
        if (!p.list("ocvSoc").isEmpty() || !p.list("ocvVoltage").isEmpty()) {
            EcmTwin.build(p);
        }
        population(p);
    }

    static Population population(Parameters p) {
        double[] fractions = new double[Fault.values().length];
        fractions[Fault.INTERNAL_SHORT.ordinal()] = p.number("internalShortFraction");
        fractions[Fault.LITHIUM_PLATING.ordinal()] = p.number("platingFraction");
        fractions[Fault.SENSOR_DRIFT.ordinal()] = p.number("sensorDriftFraction");
        fractions[Fault.OPEN_CIRCUIT.ordinal()] = p.number("openCircuitFraction");
        return new Population((int) p.integer("cells"), p.number("capacitySpread"), p.number("resistanceSpread"),
                p.number("minAge"), p.number("maxAge"), p.number("capacityFade"), p.number("resistanceGrowth"),
                p.number("voltageNoise"), p.number("currentNoise"), p.number("temperatureNoise"), p.number("currentOffset"),
                fractions, p.number("faultOnsetMin"), p.number("faultOnsetMax"), p.number("shortResistance"),
                p.number("driftRate"));
    }

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Parameters p = c.parameters();
        double temperature = p.number("temperature");
        EcmParameters base;
        java.util.Optional<Table> identified = c.optionalInput("parameters", Table.class);
        if (identified.isPresent()) {
            base = org.nernst.twin.ecm.EcmParameterTable.fromTable(identified.get(), temperature);
        } else if (p.list("ocvSoc").isEmpty()) {
            throw new IllegalArgumentException("the typical cell needs an OCV curve: connect an identified parameter table "
                    + "to input 'parameters' or give parameters 'ocvSoc' and 'ocvVoltage'");
        } else {
            base = EcmTwin.build(p);
        }
        Table exp = c.input("experiment", Table.class);
        Experiment experiment = null;
        DriveCycle profile = null;
        if (exp.find("instruction").isPresent()) {
            experiment = ExperimentParser.parse(CellModelTwin.text(exp));
        } else {
            profile = DriveCycle.log(exp, "input table '" + exp.name() + "'");
        }
        Simulator.Options options = CellModelTwin.options(p).withMaxStepSeconds(p.number("maxStepHours") * 3600);
        PopulationSynthesizer.Result r = PopulationSynthesizer.synthesize(base, temperature, experiment, profile, options,
                population(p), c.seed(), CellModelTwin.driveCycles(p, c.monitor()), c.monitor());
        long stopped = 0;
        var col = r.cells().column("stopped");
        for (int i = 0; i < col.size(); i++) {
            if (!col.format(i).isEmpty()) {
                stopped++;
            }
        }
        c.info(r.cells().rowCount() + " cells, " + r.samples().rowCount() + " samples");
        if (stopped > 0) {
            c.warn(stopped + " cells stopped before the end of the experiment (see column 'stopped' of the cells table);"
                    + " faults such as an open circuit or an internal short make a step infeasible");
        }
        return Map.of("samples", r.samples(), "cells", r.cells());
    }
}

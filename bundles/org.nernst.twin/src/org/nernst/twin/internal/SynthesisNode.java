package org.nernst.twin.internal;

import java.util.Map;

import org.nernst.core.exec.SerializableFunction;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
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
        Table exp = c.input("experiment", Table.class);
        Table identified = c.optionalInput("parameters", Table.class).orElse(null);
        Shared shared = Shared.of(p, exp, identified, c.monitor());
        Population pop = population(p);
        CellJob job = new CellJob(p, exp, identified, c.seed(), PopulationSynthesizer.assignFaults(pop, c.seed()));
        job.shared = shared;
        job.monitor = c.monitor();
        PopulationSynthesizer.Result r = PopulationSynthesizer.synthesize(pop.cells(), job, c.dataParallel(), c.monitor());
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

    /** What every cell shares, built from the node's parameters and inputs wherever the cells run. */
    private record Shared(EcmParameters base, double temperature, Experiment experiment, DriveCycle profile,
            Simulator.Options options, Population population, Simulator.DriveCycles driveCycles) {

        static Shared of(Parameters p, Table exp, Table identified, ProgressMonitor monitor) throws DataException {
            double temperature = p.number("temperature");
            EcmParameters base;
            if (identified != null) {
                base = org.nernst.twin.ecm.EcmParameterTable.fromTable(identified, temperature);
            } else if (p.list("ocvSoc").isEmpty()) {
                throw new IllegalArgumentException("the typical cell needs an OCV curve: connect an identified parameter "
                        + "table to input 'parameters' or give parameters 'ocvSoc' and 'ocvVoltage'");
            } else {
                base = EcmTwin.build(p);
            }
            Experiment experiment = null;
            DriveCycle profile = null;
            if (exp.find("instruction").isPresent()) {
                experiment = ExperimentParser.parse(CellModelTwin.text(exp));
            } else {
                profile = DriveCycle.log(exp, "input table '" + exp.name() + "'");
            }
            Simulator.Options options = CellModelTwin.options(p).withMaxStepSeconds(p.number("maxStepHours") * 3600)
                    .stoppingOnInfeasible(true);
            return new Shared(base, temperature, experiment, profile, options, SynthesisNode.population(p),
                    CellModelTwin.driveCycles(p, monitor));
        }
    }

    /**
     * One cell per item. Carries only serializable inputs (parameters, tables, seed, faults) so a
     * distributed backend can ship it; the model objects are rebuilt once per JVM (per deserialized
     * copy) from them, which is cheap beside simulating cells.
     */
    private static final class CellJob implements SerializableFunction<Integer, PopulationSynthesizer.Cell> {
        private static final long serialVersionUID = 1L;
        private final Parameters parameters;
        private final Table experiment;
        private final Table identified;
        private final long seed;
        private final Fault[] faults;
        private transient volatile Shared shared;
        private transient volatile ProgressMonitor monitor;

        CellJob(Parameters parameters, Table experiment, Table identified, long seed, Fault[] faults) {
            this.parameters = parameters;
            this.experiment = experiment;
            this.identified = identified;
            this.seed = seed;
            this.faults = faults;
        }

        @Override
        public PopulationSynthesizer.Cell apply(Integer i) throws Exception {
            Shared s = shared();
            ProgressMonitor m = monitor;
            return PopulationSynthesizer.cell(i, s.base(), s.temperature(), s.experiment(), s.profile(), s.options(),
                    s.population(), faults[i], seed, s.driveCycles(), m == null ? ProgressMonitor.none() : m);
        }

        private Shared shared() throws DataException {
            Shared s = shared;
            if (s == null) {
                synchronized (this) {
                    s = shared;
                    if (s == null) {
                        s = Shared.of(parameters, experiment, identified, ProgressMonitor.none());
                        shared = s;
                    }
                }
            }
            return s;
        }
    }
}

package org.nernst.twin.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Column;
import org.nernst.core.table.Table;
import org.nernst.core.twin.TwinModel;
import org.nernst.data.csv.CsvReader;
import org.nernst.twin.experiment.Experiment;
import org.nernst.twin.experiment.ExperimentParser;
import org.nernst.twin.model.CellModel;

/**
 * A twin contribution made of a {@link CellModel} (equations + parameter set) run by the
 * {@link Simulator} (solver + experiment). Subclasses only build the model from the node's
 * parameters and optional parameter-set input.
 * <p>
 * The {@code experiment} input is either experiment steps — a table with an {@code instruction}
 * column, one line of the experiment language per row, as the experiment node writes it — or a
 * measured or synthetic time series (time and current or power, positive while charging) that is
 * replayed sample by sample as a log (each value flowed since the previous sample; see {@link DriveCycle}).
 * <p>
 * Common parameters (declare them in the contribution): {@code initialSoc} (0..1, default 1),
 * {@code temperature} (ambient °C, default 25), {@code period} (s, default 1), {@code maxCRate}
 * (default 20), {@code onInfeasible} ({@code error} or {@code stop}), {@code driveCycles} (folder
 * that relative drive-cycle file names in {@code Run} steps resolve against).
 *
 * @since 0.2
 */
public abstract class CellModelTwin implements TwinModel {

    /** The model to simulate, from the node's parameters and declared table inputs. */
    protected abstract CellModel model(Parameters parameters, Map<String, Object> inputs) throws Exception;

    @Override
    public Table simulate(Table experiment, Parameters parameters, long seed, ProgressMonitor monitor) throws Exception {
        return simulate(experiment, Map.of(), parameters, seed, monitor);
    }

    @Override
    public Table simulate(Table experiment, Map<String, Object> inputs, Parameters parameters, long seed,
            ProgressMonitor monitor) throws Exception {
        return run(model(parameters, inputs), experiment, parameters, monitor);
    }

    /** Runs experiment steps or replays a time series on {@code model}, with the common parameters. */
    protected static Table run(CellModel model, Table experiment, Parameters parameters, ProgressMonitor monitor)
            throws Exception {
        Simulator.Options options = options(parameters);
        Simulation sim;
        if (experiment.find("instruction").isPresent()) {
            Experiment e = ExperimentParser.parse(text(experiment));
            sim = Simulator.run(model, e, options, driveCycles(parameters, monitor), monitor);
        } else {
            // a time series arriving as a table is a log: measured or simulated data
            sim = Simulator.replay(model, DriveCycle.log(experiment, "input table '" + experiment.name() + "'"), options,
                    monitor);
        }
        return sim.table().renamed(experiment.name() + " simulated");
    }

    /** The experiment text held by a steps table (one instruction per row, indentation kept). */
    public static String text(Table steps) {
        Column c = steps.column("instruction");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.size(); i++) {
            sb.append(c.format(i)).append('\n');
        }
        return sb.toString();
    }

    /** Simulation options from the common parameters, defaults where absent. */
    public static Simulator.Options options(Parameters p) {
        Simulator.Options d = Simulator.Options.defaults();
        return new Simulator.Options(
                p.has("period") ? p.number("period") : d.period(),
                p.has("initialSoc") ? p.number("initialSoc") : d.initialSoc(),
                p.has("temperature") ? p.number("temperature") : d.ambientC(),
                p.has("maxCRate") ? p.number("maxCRate") : d.maxCRate(),
                d.maxStepSeconds(),
                p.has("onInfeasible") && p.string("onInfeasible").equals("stop"));
    }

    /** Loads the CSV drive cycles that {@code Run} steps name, once per run. */
    public static Simulator.DriveCycles driveCycles(Parameters p, ProgressMonitor monitor) {
        Path folder = p.has("driveCycles") && !p.string("driveCycles").isBlank() ? p.path("driveCycles") : Path.of("");
        // concurrent: the cells of a synthesized population load through one instance from several threads
        Map<String, DriveCycle> cache = new java.util.concurrent.ConcurrentHashMap<>();
        return (name, line) -> {
            DriveCycle cached = cache.get(name);
            if (cached != null) {
                return cached;
            }
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new DataException("experiment", "line " + line, "drive cycle file " + file.toAbsolutePath()
                        + " not found (relative names resolve against parameter 'driveCycles')");
            }
            Table t;
            try {
                t = new CsvReader((char) 0, java.util.Set.of(), w -> {
                }).read(file, monitor);
            } catch (java.io.IOException e) {
                throw new DataException(file.toString(), "", "cannot be read: " + e.getMessage(), e);
            }
            DriveCycle dc = DriveCycle.of(t, file.toString());
            cache.put(name, dc);
            return dc;
        };
    }
}

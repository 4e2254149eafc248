package org.nernst.twin.synthesis;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.nernst.core.exec.DataParallel;
import org.nernst.core.exec.SerializableFunction;
import org.nernst.core.node.CancelledException;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Column;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.LongColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;
import org.nernst.twin.ecm.EcmParameters;
import org.nernst.twin.ecm.EquivalentCircuitModel;
import org.nernst.twin.ecm.Lookup;
import org.nernst.twin.experiment.Experiment;
import org.nernst.twin.model.CellModel;
import org.nernst.twin.sim.DriveCycle;
import org.nernst.twin.sim.Simulation;
import org.nernst.twin.sim.Simulator;

/**
 * Synthesizes a labelled population of cells from an equivalent-circuit twin: each cell gets its own
 * capacity and resistances (Gaussian spread), an age (capacity fade and resistance growth per
 * equivalent full cycle), sensors with noise and an offset, and — for the requested fraction of
 * cells — a fault with an onset time. Every cell runs the same experiment. The output has the
 * layout of measured cycler data (what a scientist trains on) plus the truth (what they test
 * against): {@code soc_true}, {@code fault}, {@code fault_active}.
 * <p>
 * Deterministic under the seed whatever the parallelism: cell {@code i} draws from its own stream
 * derived from (seed, i); fault counts are exact (fraction × cells, rounded) on a seeded shuffle.
 *
 * @since 0.2
 */
public final class PopulationSynthesizer {

    /**
     * @param samples the time series of every cell, stacked, with a {@code cell} column
     * @param cells one row per cell: its drawn parameters, age, fault and whether its run stopped early
     */
    public record Result(Table samples, Table cells) {
    }

    private PopulationSynthesizer() {
    }

    /**
     * @param experiment the steps each cell runs, or {@code null} to replay {@code profile}
     * @param profile a load profile each cell replays when {@code experiment} is null
     */
    public static Result synthesize(EcmParameters base, double temperatureC, Experiment experiment, DriveCycle profile,
            Simulator.Options options, Population pop, long seed, Simulator.DriveCycles driveCycles,
            ProgressMonitor monitor) throws DataException {
        Fault[] faults = assignFaults(pop, seed);
        Simulator.Options opts = options.stoppingOnInfeasible(true);
        // runs in this process only: the function captures the (unserializable) model objects directly
        SerializableFunction<Integer, Cell> f = i -> cell(i, base, temperatureC, experiment, profile, opts, pop,
                faults[i], seed, driveCycles, monitor);
        return synthesize(pop.cells(), f, DataParallel.inProcess(), monitor);
    }

    /**
     * Runs {@code cell} for cells 0..n-1 on {@code backend} and stacks the results. The function
     * should call {@link #cell} with faults from {@link #assignFaults}; each cell draws from its own
     * stream derived from (seed, cell index), so the result is the same on every backend.
     *
     * @since 0.3
     */
    public static Result synthesize(int n, SerializableFunction<Integer, Cell> cell, DataParallel backend,
            ProgressMonitor monitor) throws DataException {
        monitor.begin("Synthesizing " + n + " cells", n);
        List<Cell> cells;
        try {
            cells = backend.map(IntStream.range(0, n).boxed().toList(), cell, monitor);
        } catch (DataException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("synthesizing cells failed: " + e, e);
        }
        monitor.checkCanceled();
        Table[] series = new Table[n];
        Object[][] rows = new Object[n][];
        for (int i = 0; i < n; i++) {
            series[i] = cells.get(i).samples();
            rows[i] = cells.get(i).summary();
        }
        return new Result(Table.concat("synthetic cells", Arrays.asList(series)), cellTable(rows));
    }

    /**
     * One synthesized cell: its measured-and-truth time series and its row of the cells table
     * (name, capacity, r0, age, fault, onset, offset, samples, end time, why it stopped).
     *
     * @since 0.3
     */
    public record Cell(Table samples, Object[] summary) implements Serializable {
    }

    static String name(int i) {
        return String.format("cell_%04d", i + 1);
    }

    /**
     * Exact fault counts on a seeded shuffle of the cells.
     *
     * @since 0.3
     */
    public static Fault[] assignFaults(Population pop, long seed) {
        int n = pop.cells();
        Fault[] f = new Fault[n];
        Arrays.fill(f, Fault.NONE);
        int[] order = IntStream.range(0, n).toArray();
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int next = 0;
        for (Fault kind : Fault.values()) {
            if (kind == Fault.NONE) {
                continue;
            }
            int count = (int) Math.round(pop.faultFractions()[kind.ordinal()] * n);
            for (int k = 0; k < count && next < n; k++) {
                f[order[next++]] = kind;
            }
        }
        return f;
    }

    /**
     * Simulates cell {@code i} of the population: draws its parameters, age, sensor offset and fault
     * onset from its own stream derived from ({@code seed}, {@code i}), runs the experiment (or replays
     * {@code profile}) with {@code opts}, and adds sensor noise.
     *
     * @param opts simulator options; pass them {@link Simulator.Options#stoppingOnInfeasible stopping on
     *        infeasible steps} so a faulty cell ends early instead of failing the population
     * @since 0.3
     */
    public static Cell cell(int i, EcmParameters base, double temperatureC, Experiment experiment,
            DriveCycle profile, Simulator.Options opts, Population pop, Fault fault, long seed,
            Simulator.DriveCycles driveCycles, ProgressMonitor monitor) throws DataException {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        double age = pop.minAge() + (pop.maxAge() - pop.minAge()) * rng.nextDouble();
        double capacity = base.capacityAh() * Math.max(0.05, 1 + pop.capacitySpread() * gaussian(rng))
                * Math.max(0.05, 1 - pop.capacityFade() * age / 1000);
        double rScale = Math.max(0.05, 1 + pop.resistanceSpread() * gaussian(rng)) * (1 + pop.resistanceGrowth() * age / 1000);
        Lookup[] r = new Lookup[base.pairs()];
        for (int k = 0; k < r.length; k++) {
            r[k] = base.r()[k].scaled(rScale);
        }
        EcmParameters p = base.withCapacity(capacity).withResistances(base.r0().scaled(rScale), r, base.tau());
        double onset = pop.faultOnsetMin() + (pop.faultOnsetMax() - pop.faultOnsetMin()) * rng.nextDouble();
        double offset = pop.currentOffset() * gaussian(rng);
        // healthy cells run the model itself (the fault wrapper copies states on every call)
        CellModel healthy = new EquivalentCircuitModel(p, temperatureC);
        CellModel cell = fault == Fault.NONE ? healthy : new FaultyCell(healthy, fault, onset, pop.shortResistance());
        Simulation sim = experiment != null ? Simulator.run(cell, experiment, opts, driveCycles, ProgressMonitor.none())
                : Simulator.replay(cell, profile, opts, ProgressMonitor.none());
        if (monitor.isCanceled()) {
            throw new CancelledException();
        }
        Table t = measure(sim.table(), fault, onset, offset, pop, rng, name(i));
        double end = t.rowCount() == 0 ? 0 : t.doubles("test_time")[t.rowCount() - 1];
        Object[] row = {name(i), capacity, base.r0().value(0.5, temperatureC) * rScale, age, fault.label(),
                fault == Fault.NONE ? Double.NaN : onset, offset, (long) t.rowCount(), end,
                sim.stoppedEarly().orElse("")};
        return new Cell(t, row);
    }

    /** Turns the true simulated series into what the cycler's sensors report, plus the truth columns. */
    private static Table measure(Table sim, Fault fault, double onset, double offset, Population pop,
            SplittableRandom rng, String name) {
        int m = sim.rowCount();
        double[] t = sim.doubles("test_time");
        double[] current = sim.doubles("current").clone();
        double[] voltage = sim.doubles("voltage").clone();
        double[] temperature = sim.doubles("temperature").clone();
        double[] soc = sim.doubles("soc");
        long[] cycle = longs(sim.column("cycle"));
        long[] active = new long[m];
        for (int k = 0; k < m; k++) {
            boolean on = fault != Fault.NONE && t[k] >= onset;
            active[k] = on ? 1 : 0;
            if (on && fault == Fault.OPEN_CIRCUIT) {
                current[k] = 0;
            }
            current[k] += offset + pop.currentNoise() * gaussian(rng);
            voltage[k] += pop.voltageNoise() * gaussian(rng);
            if (on && fault == Fault.SENSOR_DRIFT) {
                voltage[k] += pop.driftRate() * (t[k] - onset) / 3600.0;
            }
            temperature[k] += pop.temperatureNoise() * gaussian(rng);
        }
        // the cycler's capacity counters integrate what its current sensor reads, per cycle
        double[] qc = new double[m];
        double[] qd = new double[m];
        for (int k = 1; k < m; k++) {
            boolean same = cycle[k] == cycle[k - 1];
            double ah = current[k] * (t[k] - t[k - 1]) / 3600.0;
            qc[k] = (same ? qc[k - 1] : 0) + Math.max(ah, 0);
            qd[k] = (same ? qd[k - 1] : 0) + Math.max(-ah, 0);
        }
        String[] cellCol = new String[m];
        String[] faultCol = new String[m];
        Arrays.fill(cellCol, name);
        Arrays.fill(faultCol, fault.label());
        List<Column> cols = new ArrayList<>();
        cols.add(new StringColumn("cell", Role.GROUP, cellCol));
        cols.add(sim.column("cycle"));
        cols.add(sim.column("step"));
        cols.add(sim.column("test_time"));
        cols.add(new DoubleColumn("current", "A", Role.NONE, current));
        cols.add(new DoubleColumn("voltage", "V", Role.NONE, voltage));
        cols.add(new DoubleColumn("charge_capacity", "Ah", Role.NONE, qc));
        cols.add(new DoubleColumn("discharge_capacity", "Ah", Role.NONE, qd));
        cols.add(new DoubleColumn("temperature", "°C", Role.NONE, temperature));
        cols.add(new DoubleColumn("soc_true", "", Role.TARGET, soc));
        cols.add(new StringColumn("fault", Role.NONE, faultCol));
        cols.add(new LongColumn("fault_active", "", Role.TARGET, active));
        return new Table(name, cols);
    }

    private static long[] longs(Column c) {
        long[] out = new long[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (long) c.asDouble(i);
        }
        return out;
    }

    private static Table cellTable(Object[][] rows) {
        int n = rows.length;
        String[] cell = new String[n];
        double[] cap = new double[n];
        double[] r0 = new double[n];
        double[] age = new double[n];
        String[] fault = new String[n];
        double[] onset = new double[n];
        double[] offset = new double[n];
        long[] samples = new long[n];
        double[] end = new double[n];
        String[] stopped = new String[n];
        for (int i = 0; i < n; i++) {
            Object[] r = rows[i];
            cell[i] = (String) r[0];
            cap[i] = (Double) r[1];
            r0[i] = (Double) r[2];
            age[i] = (Double) r[3];
            fault[i] = (String) r[4];
            onset[i] = (Double) r[5];
            offset[i] = (Double) r[6];
            samples[i] = (Long) r[7];
            end[i] = (Double) r[8];
            stopped[i] = (String) r[9];
        }
        return new Table("cells", List.of(new StringColumn("cell", Role.GROUP, cell),
                new DoubleColumn("capacity", "Ah", Role.NONE, cap), new DoubleColumn("r0", "Ω", Role.NONE, r0),
                new DoubleColumn("age", "EFC", Role.NONE, age), new StringColumn("fault", Role.TARGET, fault),
                new DoubleColumn("fault_onset", "s", Role.NONE, onset),
                new DoubleColumn("current_offset", "A", Role.NONE, offset),
                new LongColumn("samples", "", Role.NONE, samples), new DoubleColumn("end_time", "s", Role.NONE, end),
                new StringColumn("stopped", Role.NONE, stopped)));
    }

    /** Standard normal deviate (Marsaglia polar method) from a splittable stream. */
    static double gaussian(SplittableRandom rng) {
        double u;
        double v;
        double s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}

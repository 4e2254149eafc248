package org.nernst.twin.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Column;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.LongColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.twin.experiment.Experiment;
import org.nernst.twin.experiment.Step;
import org.nernst.twin.experiment.Step.Direction;
import org.nernst.twin.experiment.Step.Limit;
import org.nernst.twin.experiment.Step.Mode;
import org.nernst.twin.model.CellModel;
import org.nernst.twin.model.Roots;

/**
 * Runs an {@link Experiment} on a {@link CellModel}, the way a cycler runs a schedule.
 * <p>
 * The model advances in steps of at most {@code period} seconds under a current held constant over
 * each step (the model's own {@link CellModel#advance} is the solver: exact for the equivalent
 * circuit, implicit for the particle models). A step's end — a voltage, SOC or current limit, or the
 * cell's cut-off voltage — is located inside the step where it happens by bisection on the step
 * fraction, to {@code 1e-9} of the step: the recorded end is where the condition is met, not the next
 * sample. A constant-voltage hold solves for the current that puts the voltage on target at the end
 * of each step (implicit, so the hold does not drift); constant power is held the same way.
 * <p>
 * A step that cannot be run as written is <b>infeasible</b>: its limit is already met when it
 * starts (charge to 4.2 V from 4.25 V), it reaches the cell's cut-off voltage before its own end, a
 * hold needs a current above {@code maxCRate}, the SOC leaves −10 %…110 %, or it runs longer than
 * {@code maxStepSeconds}. The run then fails with a {@link DataException} naming the line and why,
 * or, with {@code stopOnInfeasible}, returns what was simulated so far with the reason.
 * <p>
 * Output (the cycler connectors' layout, so measured and simulated data mix): {@code cycle} (the
 * iteration of the outermost {@code Repeat}; steps before it are cycle 1), {@code step} (the count of
 * steps run), {@code test_time} (s), {@code current} (A, <b>positive while charging</b>),
 * {@code voltage} (V), {@code charge_capacity}/{@code discharge_capacity} (Ah, within the cycle),
 * {@code temperature} (°C), {@code soc}, then the model's other states.
 *
 * @since 0.2
 */
public final class Simulator {
    /** Where drive cycles named in an experiment come from. */
    @FunctionalInterface
    public interface DriveCycles {
        DriveCycle load(String name, int line) throws DataException;
    }

    /**
     * @param period longest model step and recording interval (s)
     * @param initialSoc SOC at the start (0..1), at rest
     * @param ambientC ambient temperature (°C); also the initial cell temperature
     * @param maxCRate largest current magnitude a hold or power step may draw, as a C-rate
     * @param maxStepSeconds longest a single step may run before it counts as infeasible
     * @param stopOnInfeasible return the partial result instead of failing
     */
    public record Options(double period, double initialSoc, double ambientC, double maxCRate, double maxStepSeconds,
            boolean stopOnInfeasible) {
        public Options {
            if (!(period > 0) || !Double.isFinite(period)) {
                throw new IllegalArgumentException("period must be positive, got " + period);
            }
            if (!(initialSoc >= 0 && initialSoc <= 1)) {
                throw new IllegalArgumentException("initial SOC must be within 0..1, got " + initialSoc);
            }
        }

        public static Options defaults() {
            return new Options(1.0, 1.0, 25.0, 20.0, 30 * 86400.0, false);
        }

        public Options withPeriod(double p) {
            return new Options(p, initialSoc, ambientC, maxCRate, maxStepSeconds, stopOnInfeasible);
        }

        public Options withInitialSoc(double s) {
            return new Options(period, s, ambientC, maxCRate, maxStepSeconds, stopOnInfeasible);
        }

        public Options withAmbient(double t) {
            return new Options(period, initialSoc, t, maxCRate, maxStepSeconds, stopOnInfeasible);
        }

        public Options withMaxStepSeconds(double seconds) {
            return new Options(period, initialSoc, ambientC, maxCRate, seconds, stopOnInfeasible);
        }

        public Options stoppingOnInfeasible(boolean stop) {
            return new Options(period, initialSoc, ambientC, maxCRate, maxStepSeconds, stop);
        }
    }

    private static final String SOURCE = "experiment";

    private final CellModel model;
    private final Options options;
    private final DriveCycles driveCycles;
    private final ProgressMonitor monitor;

    // run state
    private double[] y;
    private double t;
    private long cycle = 1;
    private long stepsInCycle;
    private long stepNumber;
    private double qCharge;
    private double qDischarge;
    private double lastCurrent; // + = discharge
    private double stepStartTime;
    private final Recorder out;

    private Simulator(CellModel model, Options options, DriveCycles driveCycles, ProgressMonitor monitor) {
        this.model = model;
        this.options = options;
        this.driveCycles = driveCycles;
        this.monitor = monitor;
        this.out = new Recorder(model.stateNames());
    }

    /** Runs the experiment from a rested cell at {@code options.initialSoc()}. */
    public static Simulation run(CellModel model, Experiment experiment, Options options, DriveCycles driveCycles,
            ProgressMonitor monitor) throws DataException {
        Simulator s = new Simulator(model, options, driveCycles, monitor);
        s.y = model.initialState(options.initialSoc(), options.ambientC());
        s.record();
        try {
            s.items(experiment.items(), true);
        } catch (Infeasible e) {
            if (!options.stopOnInfeasible()) {
                throw new DataException(SOURCE, "line " + e.step.line(), "'" + e.step.text() + "' is infeasible: "
                        + e.getMessage());
            }
            return new Simulation(s.out.table(), java.util.Optional.of(
                    "line " + e.step.line() + " '" + e.step.text() + "' is infeasible: " + e.getMessage()));
        }
        return new Simulation(s.out.table(), java.util.Optional.empty());
    }

    /** A step that cannot run as written. */
    private static final class Infeasible extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Step step;

        Infeasible(Step step, String why) {
            super(why, null, false, false);
            this.step = step;
        }
    }

    private void items(List<Experiment.Item> items, boolean top) throws Infeasible, DataException {
        for (Experiment.Item item : items) {
            if (item instanceof Experiment.StepItem si) {
                step(si.step());
            } else if (item instanceof Experiment.Repeat r) {
                for (int k = 0; k < r.times(); k++) {
                    monitor.checkCanceled();
                    if (top && stepsInCycle > 0) {
                        cycle++;
                        stepsInCycle = 0;
                        qCharge = 0;
                        qDischarge = 0;
                    }
                    items(r.body(), false);
                }
            }
        }
    }

    // ---------------------------------------------------------------- one step

    private void step(Step s) throws Infeasible, DataException {
        stepNumber++;
        stepsInCycle++;
        stepStartTime = t;
        if (s.mode() == Mode.DRIVE_CYCLE) {
            driveCycle(s);
            return;
        }
        double cap = model.capacityAh();
        double fixed = switch (s.mode()) {
            case CURRENT -> s.value();
            case C_RATE -> s.value() * cap;
            default -> 0.0;
        };
        if (s.direction() == Direction.CHARGE) {
            fixed = -fixed;
        }
        double signedPower = s.mode() == Mode.POWER ? (s.direction() == Direction.CHARGE ? -s.value() : s.value()) : 0;
        double limitCurrent = holdCurrentLimit(s, cap);
        double elapsed = 0;
        double iStart = currentFor(s, fixed, signedPower, options.period());
        checkStart(s, iStart);
        double previousAbsCurrent = Math.abs(iStart);
        while (true) {
            monitor.checkCanceled();
            double dt = options.period();
            if (s.hasDuration()) {
                dt = Math.min(dt, s.duration() - elapsed);
                if (dt <= 1e-12 * Math.max(1, s.duration())) {
                    return;
                }
            }
            if (elapsed > options.maxStepSeconds()) {
                throw new Infeasible(s, String.format(Locale.ROOT, "still running after %.0f s (limit %.0f s)", elapsed,
                        options.maxStepSeconds()));
            }
            double current = currentFor(s, fixed, signedPower, dt);
            double[] next = y.clone();
            model.advance(next, current, options.ambientC(), dt);
            double theta = firstEvent(s, current, dt, next);
            if (!Double.isNaN(limitCurrent) && Math.abs(current) <= limitCurrent) {
                // a hold's current decays monotonically: the crossing lies between the last two steps
                double a = previousAbsCurrent;
                double b = Math.abs(current);
                double th = a > b ? Math.max(0, Math.min(1, (a - limitCurrent) / (a - b))) : 1;
                theta = Math.min(theta, th);
            }
            previousAbsCurrent = Math.abs(current);
            if (theta < 1) {
                double part = theta * dt;
                if (s.mode() == Mode.VOLTAGE || s.mode() == Mode.POWER) {
                    current = currentFor(s, fixed, signedPower, part); // on target at the end of the shorter step too
                }
                double[] end = y.clone();
                model.advance(end, current, options.ambientC(), part);
                finishInterval(end, current, part);
                return;
            }
            finishInterval(next, current, dt);
            elapsed += dt;
            checkSocRange(s);
        }
    }

    /** The current (A, + = discharge) the step draws over the next {@code dt}. */
    private double currentFor(Step s, double fixed, double signedPower, double dt) throws Infeasible {
        double i;
        try {
            i = switch (s.mode()) {
                case CURRENT, C_RATE -> fixed;
                case REST -> 0.0;
                case POWER -> implicit(model.currentForPower(y, signedPower), dt,
                        (st, c) -> c * model.voltage(st, c) - signedPower);
                case VOLTAGE -> implicit(model.currentForVoltage(y, s.value()), dt,
                        (st, c) -> model.voltage(st, c) - s.value());
                case DRIVE_CYCLE -> throw new IllegalStateException();
            };
        } catch (ArithmeticException e) {
            throw new Infeasible(s, e.getMessage());
        }
        double max = options.maxCRate() * model.capacityAh();
        if (!Double.isFinite(i) || Math.abs(i) > max) {
            throw new Infeasible(s, String.format(Locale.ROOT, "it needs %.3g A, above the %.3g A (%.3gC) a step may draw",
                    Math.abs(i), max, options.maxCRate()));
        }
        return i;
    }

    private interface Residual {
        double at(double[] endState, double current);
    }

    /** The current that zeroes the residual at the end of a step of length dt, from a start-of-step guess. */
    private double implicit(double guess, double dt, Residual r) {
        return Roots.secant(c -> {
            double[] end = y.clone();
            model.advance(end, c, options.ambientC(), dt);
            return r.at(end, c);
        }, guess, guess + 1e-4 * Math.max(1, Math.abs(guess)), 1e-10, 50);
    }

    private static double holdCurrentLimit(Step s, double cap) {
        double lim = Double.NaN;
        for (Limit l : s.limits()) {
            double v = switch (l.kind()) {
                case CURRENT -> l.value();
                case C_RATE -> l.value() * cap;
                default -> Double.NaN;
            };
            if (!Double.isNaN(v)) {
                lim = Double.isNaN(lim) ? v : Math.max(lim, v);
            }
        }
        return lim;
    }

    /** Refuses a step whose end condition is met before it starts. */
    private void checkStart(Step s, double current) throws Infeasible {
        double v = model.voltage(y, current);
        double soc = model.soc(y);
        for (Limit l : s.limits()) {
            double now = l.kind() == Limit.Kind.VOLTAGE ? v : l.kind() == Limit.Kind.SOC ? soc : Double.NaN;
            if (Double.isNaN(now)) {
                continue;
            }
            String what = l.kind() == Limit.Kind.VOLTAGE ? String.format(Locale.ROOT, "the voltage is already %.4f V", v)
                    : String.format(Locale.ROOT, "the SOC is already %.2f %%", 100 * soc);
            if (s.direction() == Direction.CHARGE && now >= l.value()
                    || s.direction() == Direction.DISCHARGE && now <= l.value()) {
                throw new Infeasible(s, what + " when it starts");
            }
        }
        if (s.mode() == Mode.VOLTAGE && (s.value() < model.minVoltage() - 1e-9 || s.value() > model.maxVoltage() + 1e-9)) {
            throw new Infeasible(s, String.format(Locale.ROOT, "%.4f V lies outside the cell's window %.4f–%.4f V",
                    s.value(), model.minVoltage(), model.maxVoltage()));
        }
        if (s.direction() == Direction.DISCHARGE && v <= model.minVoltage()) {
            throw new Infeasible(s, String.format(Locale.ROOT, "the voltage under load, %.4f V, is already at the cell's "
                    + "lower cut-off %.4f V", v, model.minVoltage()));
        }
        if (s.direction() == Direction.CHARGE && v >= model.maxVoltage()) {
            throw new Infeasible(s, String.format(Locale.ROOT, "the voltage under load, %.4f V, is already at the cell's "
                    + "upper cut-off %.4f V", v, model.maxVoltage()));
        }
    }

    private void checkSocRange(Step s) throws Infeasible {
        double soc = model.soc(y);
        if (soc < -0.1 || soc > 1.1) {
            throw new Infeasible(s, String.format(Locale.ROOT, "it took the SOC to %.1f %% without reaching its end", 100 * soc));
        }
    }

    /**
     * The fraction of the step at which the first end condition is met (1 if none is), located by
     * bisection on the fraction; throws if the cell's cut-off comes before the step's own end.
     */
    private double firstEvent(Step s, double current, double dt, double[] next) throws Infeasible {
        double best = 1;
        double v0 = model.voltage(y, current);
        double v1 = model.voltage(next, current);
        double soc0 = model.soc(y);
        double soc1 = model.soc(next);
        for (Limit l : s.limits()) {
            if (l.kind() == Limit.Kind.VOLTAGE && crosses(v0, v1, l.value())) {
                best = Math.min(best, locate(current, dt, st -> model.voltage(st, current) - l.value()));
            } else if (l.kind() == Limit.Kind.SOC && crosses(soc0, soc1, l.value())) {
                best = Math.min(best, locate(current, dt, st -> model.soc(st) - l.value()));
            }
        }
        double cut = Double.NaN;
        if (s.mode() == Mode.VOLTAGE) {
            return best; // the voltage is what a hold controls; its target was checked against the window
        }
        if (v1 < model.minVoltage() && v0 >= model.minVoltage()) {
            cut = model.minVoltage();
        } else if (v1 > model.maxVoltage() && v0 <= model.maxVoltage() && s.mode() != Mode.DRIVE_CYCLE) {
            // a drive cycle's regenerative pulses may lift a full cell briefly above its charge cut-off, as
            // measured cells do; only running empty ends a drive cycle
            cut = model.maxVoltage();
        }
        if (!Double.isNaN(cut)) {
            double c = cut;
            double at = locate(current, dt, st -> model.voltage(st, current) - c);
            if (at < best) {
                // "Discharge at 1C" with no end of its own runs to the cut-off; any other step that
                // meets the cut-off before its own end cannot be run as written
                boolean runsToCutoff = s.limits().isEmpty() && !s.hasDuration() && s.mode() != Mode.REST;
                if (!runsToCutoff) {
                    throw new Infeasible(s, String.format(Locale.ROOT,
                            "the cell reached its %s cut-off %.4f V after %.1f s of the step, before the step's end",
                            c == model.minVoltage() ? "lower" : "upper", c, t - stepStartTime + at * dt));
                }
                best = at;
            }
        }
        return best;
    }

    private static boolean crosses(double a, double b, double level) {
        return (a - level) * (b - level) <= 0 && a != b;
    }

    private interface StateFunction {
        double at(double[] state);
    }

    /**
     * The step fraction where {@code f} changes sign, by bisection on the sign only (+1 on the side of
     * the step's start, −1 past the crossing), so a function that is not continuous in the fraction
     * (a surrogate's prediction) still converges.
     */
    private double locate(double current, double dt, StateFunction f) {
        double startSign = f.at(y) >= 0 ? 1 : -1;
        return Roots.bisect(theta -> {
            double[] st = y.clone();
            model.advance(st, current, options.ambientC(), theta * dt);
            return f.at(st) * startSign > 0 ? 1 : -1;
        }, 0, 1, 1e-9);
    }

    private void finishInterval(double[] state, double current, double dt) {
        double ah = current * dt / 3600.0;
        if (ah > 0) {
            qDischarge += ah;
        } else {
            qCharge -= ah;
        }
        y = state;
        t += dt;
        lastCurrent = current;
        record();
    }

    // ---------------------------------------------------------------- drive cycles

    private void driveCycle(Step s) throws Infeasible, DataException {
        if (driveCycles == null) {
            throw new DataException(SOURCE, "line " + s.line(), "'" + s.text() + "': this run has no drive cycles to load '"
                    + s.driveCycle() + "' from");
        }
        DriveCycle dc = driveCycles.load(s.driveCycle(), s.line());
        runProfile(s, dc);
    }

    /** Runs a whole time series (the experiment input of a twin given as a table). */
    public static Simulation replay(CellModel model, DriveCycle cycle, Options options, ProgressMonitor monitor)
            throws DataException {
        Step s = new Step(1, "Run drive cycle " + cycle.source(), Mode.DRIVE_CYCLE, 0, Direction.NONE, Double.NaN,
                List.of(), cycle.source());
        Simulator sim = new Simulator(model, options, null, monitor);
        sim.y = model.initialState(options.initialSoc(), options.ambientC());
        sim.record();
        try {
            sim.stepNumber = 1;
            sim.stepsInCycle = 1;
            sim.runProfile(s, cycle);
            double span = cycle.duration();
            if (sim.t < span - 1e-9 * Math.max(1, span)) {
                return new Simulation(sim.out.table(), java.util.Optional.of(String.format(Locale.ROOT,
                        "the cell reached its lower cut-off %.4f V after %.1f s of the %.1f s series", model.minVoltage(),
                        sim.t, span)));
            }
        } catch (Infeasible e) {
            if (!options.stopOnInfeasible()) {
                throw new DataException(cycle.source(), "", "infeasible: " + e.getMessage());
            }
            return new Simulation(sim.out.table(), java.util.Optional.of(e.getMessage()));
        }
        return new Simulation(sim.out.table(), java.util.Optional.empty());
    }

    private void runProfile(Step s, DriveCycle dc) throws Infeasible {
        stepStartTime = t;
        double[] time = dc.time();
        double elapsed = 0;
        for (int k = 0; k + 1 < time.length; k++) {
            if ((k & 1023) == 0) {
                monitor.checkCanceled();
            }
            double span = time[k + 1] - time[k];
            if (span <= 0) {
                // a repeated time stamp: an empty interval, still one output row per input row
                finishInterval(y.clone(), dc.power() ? lastCurrent : -dc.over(k), 0);
                continue;
            }
            double done = 0;
            while (done < span) {
                double dt = Math.min(options.period(), span - done);
                if (s.hasDuration()) {
                    dt = Math.min(dt, s.duration() - elapsed);
                    if (dt <= 1e-12) {
                        return;
                    }
                }
                double current;
                try {
                    current = dc.power() ? model.currentForPower(y, -dc.over(k)) : -dc.over(k);
                } catch (ArithmeticException e) {
                    throw new Infeasible(s, "at " + dc.source() + " t = " + time[k] + " s: " + e.getMessage());
                }
                double[] next = y.clone();
                model.advance(next, current, options.ambientC(), dt);
                double theta = firstEvent(s, current, dt, next);
                if (theta < 1) {
                    double[] end = y.clone();
                    model.advance(end, current, options.ambientC(), theta * dt);
                    finishInterval(end, current, theta * dt);
                    return;
                }
                finishInterval(next, current, dt);
                done += dt;
                elapsed += dt;
                checkSocRange(s);
            }
        }
    }

    private void record() {
        double tempC = model.temperature(y, options.ambientC());
        out.add(cycle, stepNumber, t, -lastCurrent, model.voltage(y, lastCurrent), qCharge, qDischarge, tempC, y);
    }

    // ---------------------------------------------------------------- output

    /** Column-wise growable output. */
    private static final class Recorder {
        private final List<String> states;
        private long[] cycle = new long[1024];
        private long[] step = new long[1024];
        private double[][] cols;
        private int n;

        Recorder(List<String> stateNames) {
            this.states = stateNames;
            cols = new double[6 + stateNames.size()][1024];
        }

        void add(long c, long s, double time, double current, double voltage, double qc, double qd, double temp,
                double[] y) {
            if (n == cycle.length) {
                int cap = n * 2;
                cycle = Arrays.copyOf(cycle, cap);
                step = Arrays.copyOf(step, cap);
                for (int i = 0; i < cols.length; i++) {
                    cols[i] = Arrays.copyOf(cols[i], cap);
                }
            }
            cycle[n] = c;
            step[n] = s;
            cols[0][n] = time;
            cols[1][n] = current;
            cols[2][n] = voltage;
            cols[3][n] = qc;
            cols[4][n] = qd;
            cols[5][n] = temp;
            for (int i = 0; i < y.length; i++) {
                cols[6 + i][n] = y[i];
            }
            n++;
        }

        Table table() {
            List<Column> c = new ArrayList<>();
            c.add(new LongColumn("cycle", "", Role.NONE, Arrays.copyOf(cycle, n)));
            c.add(new LongColumn("step", "", Role.NONE, Arrays.copyOf(step, n)));
            c.add(new DoubleColumn("test_time", "s", Role.TIME, Arrays.copyOf(cols[0], n)));
            c.add(new DoubleColumn("current", "A", Role.NONE, Arrays.copyOf(cols[1], n)));
            c.add(new DoubleColumn("voltage", "V", Role.NONE, Arrays.copyOf(cols[2], n)));
            c.add(new DoubleColumn("charge_capacity", "Ah", Role.NONE, Arrays.copyOf(cols[3], n)));
            c.add(new DoubleColumn("discharge_capacity", "Ah", Role.NONE, Arrays.copyOf(cols[4], n)));
            c.add(new DoubleColumn("temperature", "°C", Role.NONE, Arrays.copyOf(cols[5], n)));
            for (int i = 0; i < states.size(); i++) {
                String name = states.get(i);
                if (name.equals("temperature")) {
                    continue;
                }
                c.add(new DoubleColumn(name, name.startsWith("v_") ? "V" : "", Role.NONE, Arrays.copyOf(cols[6 + i], n)));
            }
            return new Table("simulation", c);
        }
    }
}

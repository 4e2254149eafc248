package org.nernst.optimize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.nernst.core.io.AtomicFiles;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ParameterSpec;
import org.nernst.core.node.ParameterType;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.optimize.Optimizer;
import org.nernst.core.table.ColumnType;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.core.table.TableBuilder;

/**
 * Drives an {@link Optimizer} against an {@link Objective} in ask/tell form and records every
 * evaluation in a history file, so a crashed or cancelled run resumes without repeating an
 * evaluation and ends where the uninterrupted run would have ended.
 * <p>
 * How: each batch of proposals is written to the history <i>before</i> it is evaluated (rows with
 * an empty objective), and the file is rewritten atomically ({@link AtomicFiles}) after every
 * evaluation. On resume, the finished rows are told to a fresh session, the pending rows are
 * evaluated as they were proposed, and proposing continues. The session is told a batch's results
 * only when the whole batch is done, so it sees the same observations in the same order either way;
 * the optimizers here make each proposal a function of the seed and the observations alone.
 * <p>
 * The history is CSV: a {@code #} line naming optimizer, seed and batch size (a resume with other
 * settings is refused), then {@code iteration, batch, <variables>, acquisition, objective, feasible,
 * best_so_far, note}.
 *
 * @since 0.1
 */
public final class OptimizationRun {

    /**
     * A finished (or budget-limited) run: its history table, best point and how much was reused;
     * {@code awaiting} holds the proposals whose lab measurement is still missing (the run stopped
     * there), each with its iteration number under {@code "iteration"}.
     */
    public record Result(Table history, Map<String, Object> best, double bestValue, int evaluated, int resumed,
            List<Map<String, Object>> awaiting) {

        /** A result with nothing awaiting a measurement. */
        public Result(Table history, Map<String, Object> best, double bestValue, int evaluated, int resumed) {
            this(history, best, bestValue, evaluated, resumed, List.of());
        }
    }

    private final String optimizerId;
    private final Optimizer optimizer;
    private final List<ParameterSpec> variables;
    private final Parameters settings;
    private final long seed;
    private int budget = 20;
    private int batch = 1;
    private double maxSeconds = Double.POSITIVE_INFINITY;
    private Path historyFile;
    private Consumer<String> log = s -> {
    };

    public OptimizationRun(String optimizerId, Optimizer optimizer, List<ParameterSpec> variables, Parameters settings,
            long seed) {
        this.optimizerId = optimizerId;
        this.optimizer = optimizer;
        this.variables = List.copyOf(variables);
        this.settings = settings;
        this.seed = seed;
        new Space(variables); // checks the variables
    }

    /** Total number of evaluations, counting those resumed from the history. */
    public OptimizationRun budget(int evaluations) {
        if (evaluations < 1) {
            throw new IllegalArgumentException("the budget must be at least one evaluation, got " + evaluations);
        }
        budget = evaluations;
        return this;
    }

    public OptimizationRun batch(int q) {
        if (q < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, got " + q);
        }
        batch = q;
        return this;
    }

    /** Stops proposing after this long (a time budget; runs stopped by time are not reproducible). */
    public OptimizationRun maxSeconds(double seconds) {
        maxSeconds = seconds;
        return this;
    }

    public OptimizationRun history(Path file) {
        historyFile = file;
        return this;
    }

    public OptimizationRun log(Consumer<String> messages) {
        log = messages;
        return this;
    }

    private static final class Row {
        int iteration;
        int batch;
        Map<String, Object> point;
        double acquisition = Double.NaN;
        Double objective;
        boolean feasible;
        String note = "";
    }

    public Result run(Objective objective, ProgressMonitor monitor) throws Exception {
        long started = System.nanoTime();
        List<Row> rows = historyFile != null && Files.exists(historyFile) ? load() : new ArrayList<>();
        Optimizer.Session session = optimizer.start(variables, settings, seed);
        int resumed = 0;
        for (Row r : rows) {
            if (r.objective != null) {
                tell(session, r);
                resumed++;
            }
        }
        if (resumed > 0) {
            log.accept("resumed " + resumed + " evaluations from " + historyFile);
        }
        List<Row> pending = new ArrayList<>(rows.stream().filter(r -> r.objective == null).toList());
        int batchNumber = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).batch;
        monitor.begin("optimizing with " + optimizerId, budget);
        while (true) {
            if (pending.isEmpty()) {
                int done = rows.size();
                if (done >= budget || (System.nanoTime() - started) / 1e9 > maxSeconds) {
                    break;
                }
                List<Map<String, Object>> proposals = session.propose(Math.min(batch, budget - done));
                if (proposals.isEmpty()) {
                    break; // e.g. an exhausted grid
                }
                double[] acq = session instanceof Proposals p ? p.lastAcquisition() : new double[0];
                batchNumber++;
                for (int i = 0; i < proposals.size(); i++) {
                    Row r = new Row();
                    r.iteration = rows.size() + 1;
                    r.batch = batchNumber;
                    r.point = proposals.get(i);
                    r.acquisition = i < acq.length ? acq[i] : Double.NaN;
                    rows.add(r);
                    pending.add(r);
                }
                save(rows);
            }
            List<Map<String, Object>> awaiting = new ArrayList<>();
            for (Row r : pending) {
                monitor.checkCanceled();
                monitor.subTask("evaluation " + r.iteration + " of " + budget);
                Objective.Evaluation e;
                try {
                    e = objective.evaluate(r.point, monitor);
                } catch (MeasurementPending m) {
                    Map<String, Object> waiting = new LinkedHashMap<>(r.point);
                    waiting.put("iteration", r.iteration);
                    awaiting.add(waiting);
                    continue;
                }
                if (!Double.isFinite(e.value())) {
                    throw new IllegalStateException("the objective at " + r.point + " is " + e.value());
                }
                r.objective = e.value();
                r.feasible = e.feasible();
                r.note = e.note() == null ? "" : e.note();
                save(rows);
                monitor.worked(1);
            }
            if (!awaiting.isEmpty()) {
                // the optimizer learns of a batch only when all of it is measured (see the class comment)
                log.accept(awaiting.size() + " proposals await a measurement; import it and run again to go on");
                Result partial = result(rows, resumed);
                return new Result(partial.history(), partial.best(), partial.bestValue(), partial.evaluated(),
                        partial.resumed(), List.copyOf(awaiting));
            }
            for (Row r : pending) {
                tell(session, r);
            }
            pending.clear();
        }
        return result(rows, resumed);
    }

    private static void tell(Optimizer.Session session, Row r) {
        if (!r.feasible && session instanceof Constrained c) {
            c.observeInfeasible(r.point, r.objective);
        } else {
            session.observe(r.point, r.objective);
        }
    }

    private Result result(List<Row> rows, int resumed) {
        TableBuilder b = new TableBuilder("optimization history");
        b.longColumn("iteration", "", Role.NONE);
        b.longColumn("batch", "", Role.NONE);
        for (ParameterSpec v : variables) {
            switch (v.type()) {
                case DOUBLE -> b.doubleColumn(v.name(), "", Role.FEATURE);
                case INTEGER -> b.longColumn(v.name(), "", Role.FEATURE);
                default -> b.column(v.name(), "", Role.FEATURE, ColumnType.STRING);
            }
        }
        b.doubleColumn("acquisition", "", Role.NONE);
        b.doubleColumn("objective", "", Role.TARGET);
        b.stringColumn("feasible", Role.NONE);
        b.doubleColumn("best_so_far", "", Role.NONE);
        b.stringColumn("note", Role.NONE);
        double best = Double.POSITIVE_INFINITY;
        Map<String, Object> bestPoint = null;
        for (Row r : rows) {
            int c = 0;
            b.set(c++, r.iteration).set(c++, r.batch);
            for (ParameterSpec v : variables) {
                Object val = r.point.get(v.name());
                switch (v.type()) {
                    case DOUBLE -> b.set(c++, ((Number) val).doubleValue());
                    case INTEGER -> b.set(c++, ((Number) val).longValue());
                    default -> b.set(c++, String.valueOf(val));
                }
            }
            if (r.objective != null && r.feasible && r.objective < best) {
                best = r.objective;
                bestPoint = r.point;
            }
            b.set(c++, r.acquisition).set(c++, r.objective == null ? Double.NaN : r.objective)
                    .set(c++, String.valueOf(r.feasible)).set(c++, Double.isInfinite(best) ? Double.NaN : best)
                    .set(c, r.note).endRow();
        }
        int evaluated = (int) rows.stream().filter(r -> r.objective != null).count();
        return new Result(b.build(), bestPoint == null ? Map.of() : bestPoint, best, evaluated, resumed);
    }

    private String header() {
        return "# optimizer=" + optimizerId + " seed=" + seed + " batch=" + batch;
    }

    private void save(List<Row> rows) throws IOException {
        if (historyFile == null) {
            return;
        }
        StringBuilder sb = new StringBuilder(header()).append('\n').append("iteration,batch");
        for (ParameterSpec v : variables) {
            sb.append(',').append(v.name());
        }
        sb.append(",acquisition,objective,feasible,note\n");
        for (Row r : rows) {
            sb.append(r.iteration).append(',').append(r.batch);
            for (ParameterSpec v : variables) {
                sb.append(',').append(r.point.get(v.name()));
            }
            sb.append(',').append(Double.isNaN(r.acquisition) ? "" : Double.toString(r.acquisition));
            sb.append(',').append(r.objective == null ? "" : Double.toString(r.objective));
            sb.append(',').append(r.objective == null ? "" : Boolean.toString(r.feasible));
            sb.append(',').append(r.note.replace(',', ';').replace('\n', ' ')).append('\n');
        }
        if (historyFile.getParent() != null) {
            Files.createDirectories(historyFile.getParent());
        }
        AtomicFiles.write(historyFile, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private List<Row> load() throws DataException, IOException {
        long size = Files.size(historyFile);
        if (size > 512L * 1024 * 1024) {
            throw new DataException(historyFile, "", "is " + size + " bytes; a history file this large is not one");
        }
        List<String> lines = Files.readAllLines(historyFile, StandardCharsets.UTF_8);
        if (lines.size() < 2) {
            throw new DataException(historyFile, "line 1", "expected the header '" + header() + "' and a column line");
        }
        if (!lines.get(0).equals(header())) {
            throw new DataException(historyFile, "line 1", "is '" + lines.get(0) + "' but this run is '" + header()
                    + "'; delete the file or use another to start afresh");
        }
        String[] cols = lines.get(1).split(",", -1);
        int nv = variables.size();
        if (cols.length != nv + 6) {
            throw new DataException(historyFile, "line 2", "expected columns iteration,batch," + names()
                    + ",acquisition,objective,feasible,note");
        }
        for (int i = 0; i < nv; i++) {
            if (!cols[2 + i].equals(variables.get(i).name())) {
                throw new DataException(historyFile, "line 2, column " + (3 + i), "is '" + cols[2 + i] + "', expected '"
                        + variables.get(i).name() + "'");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int ln = 2; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            String where = "line " + (ln + 1);
            if (f.length != nv + 6) {
                throw new DataException(historyFile, where, "has " + f.length + " fields, expected " + (nv + 6));
            }
            Row r = new Row();
            try {
                r.iteration = Integer.parseInt(f[0]);
                r.batch = Integer.parseInt(f[1]);
                r.point = new LinkedHashMap<>();
                for (int i = 0; i < nv; i++) {
                    ParameterSpec v = variables.get(i);
                    Object val = v.type() == ParameterType.BOOLEAN ? Boolean.valueOf(f[2 + i]) : v.coerce(f[2 + i]);
                    r.point.put(v.name(), val);
                }
                r.acquisition = f[nv + 2].isEmpty() ? Double.NaN : Double.parseDouble(f[nv + 2]);
                r.objective = f[nv + 3].isEmpty() ? null : Double.valueOf(f[nv + 3]);
                r.feasible = Boolean.parseBoolean(f[nv + 4]);
                r.note = f[nv + 5];
            } catch (IllegalArgumentException e) {
                throw new DataException(historyFile, where, "is not a history row: " + e.getMessage());
            }
            if (r.iteration != rows.size() + 1) {
                throw new DataException(historyFile, where, "iteration " + r.iteration + ", expected " + (rows.size() + 1));
            }
            if (r.objective == null && rows.stream().anyMatch(p -> p.batch > r.batch)) {
                throw new DataException(historyFile, where, "is pending but a later batch exists");
            }
            rows.add(r);
        }
        return rows;
    }

    private String names() {
        return String.join(",", variables.stream().map(ParameterSpec::name).toList());
    }
}

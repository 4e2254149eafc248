package org.nernst.optimize.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.core.table.TableBuilder;
import org.nernst.optimize.FastChargeTwin;
import org.nernst.optimize.LabMeasurements;
import org.nernst.optimize.Objective;
import org.nernst.optimize.OptimizationRun;

/**
 * {@code org.nernst.optimize.fastCharge}: the closed loop for fast-charging protocol design. The
 * optimizer proposes CC1..CC3, the twin ({@link FastChargeTwin}) validates the protocol (time
 * constraint, voltage and temperature limits) and either scores it (evaluator {@code twin}) or
 * passes it to the lab (evaluator {@code lab}): proposals without a measurement are output as
 * {@code pending} with their experiment, the run stops, and the next run with the measurements
 * imported resumes from the history file.
 */
public final class FastChargeNode implements Node {

    static FastChargeTwin twin(Parameters p) {
        return new FastChargeTwin(p.number("minutes"), p.number("minC"), p.number("maxC"), (int) p.integer("cycles"),
                p.number("platingRate"), p.number("maxTemperature"), p.number("ambient"));
    }

    @Override
    public void configure(Parameters p) {
        if (!(p.number("maxC") > p.number("minC"))) {
            throw new IllegalArgumentException("maxC must be above minC");
        }
        if (p.number("minutes") * p.number("maxC") / 60 < 0.8) {
            throw new IllegalArgumentException("no protocol reaches 80 % SOC in " + p.number("minutes") + " min at "
                    + p.number("maxC") + "C; raise minutes or maxC");
        }
        if (lab(p) && p.string("history").isBlank()) {
            throw new IllegalArgumentException("evaluator 'lab' needs a history file: the loop goes on across runs, "
                    + "one per round of measurements");
        }
    }

    private static boolean lab(Parameters p) {
        return p.has("evaluator") && "lab".equals(p.string("evaluator"));
    }

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Parameters p = c.parameters();
        configure(p);
        FastChargeTwin twin = twin(p);
        String id = p.string("optimizer");
        OptimizationRun run = Results.configure(new OptimizationRun(id, Optimizers.create(id), twin.space(), p, c.seed()),
                p, c);
        Objective objective = twin;
        if (lab(p)) {
            Table measured = c.optionalInput("measurements", Table.class).orElseGet(() -> new TableBuilder("measurements")
                    .doubleColumn("CC1", "C", Role.FEATURE).doubleColumn("CC2", "C", Role.FEATURE)
                    .doubleColumn("CC3", "C", Role.FEATURE).doubleColumn(p.string("objectiveColumn"), "", Role.TARGET)
                    .build());
            Objective gate = p.bool("twinCheck") ? twin
                    : (point, m) -> twin.timeViolation(point).orElse(Objective.Evaluation.of(0));
            objective = new LabMeasurements(twin.space(), measured, p.string("objectiveColumn"), p.bool("maximize"),
                    p.bool("logScale"), gate);
        }
        OptimizationRun.Result r = run.run(objective, c.monitor());
        Map<String, String> extra = new LinkedHashMap<>();
        if (!r.best().isEmpty()) {
            double[] cc = twin.protocol(r.best());
            extra.put("CC4", Double.toString(cc[3]));
            extra.put("experiment", twin.experiment(cc).strip().replace('\n', ';'));
            c.info(String.format(java.util.Locale.ROOT, "best protocol %.2fC/%.2fC/%.2fC/%.2fC: objective %.4f (%s)",
                    cc[0], cc[1], cc[2], cc[3], r.bestValue(), lab(p) ? "measured" : "twin proxy, ln of fade %"));
        } else if (r.awaiting().isEmpty()) {
            c.warn("no feasible protocol was found in " + r.evaluated() + " evaluations");
        }
        return Map.of("history", r.history(), "best", Results.best(r, extra), "pending", pending(r, twin, p));
    }

    /** The proposals awaiting the lab: full-precision currents, the experiment, a column to fill in. */
    private static Table pending(OptimizationRun.Result r, FastChargeTwin twin, Parameters p) {
        String column = p.has("objectiveColumn") ? p.string("objectiveColumn") : "fade";
        TableBuilder b = new TableBuilder("pending").longColumn("iteration", "", Role.NONE)
                .doubleColumn("CC1", "C", Role.FEATURE).doubleColumn("CC2", "C", Role.FEATURE)
                .doubleColumn("CC3", "C", Role.FEATURE).doubleColumn("CC4", "C", Role.NONE).stringColumn("experiment",
                        Role.NONE).doubleColumn(column, "", Role.TARGET);
        for (Map<String, Object> point : r.awaiting()) {
            double[] cc = twin.protocol(point);
            b.set(0, ((Number) point.get("iteration")).longValue());
            for (int i = 0; i < 4; i++) {
                b.set(1 + i, cc[i]);
            }
            b.set(5, twin.experiment(cc).strip().replace('\n', ';')).set(6, Double.NaN).endRow();
        }
        return b.build();
    }
}

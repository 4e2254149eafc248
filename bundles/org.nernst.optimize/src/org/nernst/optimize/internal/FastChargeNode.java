package org.nernst.optimize.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.optimize.FastChargeTwin;
import org.nernst.optimize.OptimizationRun;

/**
 * {@code org.nernst.optimize.fastCharge}: the closed loop for fast-charging protocol design. The
 * optimizer proposes CC1..CC3, the twin ({@link FastChargeTwin}) validates the protocol (time
 * constraint, voltage and temperature limits) and scores it, the score updates the surrogate.
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
    }

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Parameters p = c.parameters();
        FastChargeTwin twin = twin(p);
        String id = p.string("optimizer");
        OptimizationRun run = Results.configure(new OptimizationRun(id, Optimizers.create(id), twin.space(), p, c.seed()),
                p, c);
        OptimizationRun.Result r = run.run(twin, c.monitor());
        Map<String, String> extra = new LinkedHashMap<>();
        if (!r.best().isEmpty()) {
            double[] cc = new double[4];
            for (int i = 0; i < 3; i++) {
                cc[i] = ((Number) r.best().get("CC" + (i + 1))).doubleValue();
            }
            cc[3] = twin.cc4(cc[0], cc[1], cc[2]);
            extra.put("CC4", Double.toString(cc[3]));
            extra.put("experiment", twin.experiment(cc).strip().replace('\n', ';'));
            c.info(String.format(java.util.Locale.ROOT, "best protocol %.2fC/%.2fC/%.2fC/%.2fC: predicted fade %.3f %% (twin proxy)",
                    cc[0], cc[1], cc[2], cc[3], r.bestValue()));
        } else {
            c.warn("no feasible protocol was found in " + r.evaluated() + " evaluations");
        }
        return Map.of("history", r.history(), "best", Results.best(r, extra));
    }
}

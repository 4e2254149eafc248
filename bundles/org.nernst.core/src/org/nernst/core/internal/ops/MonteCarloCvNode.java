package org.nernst.core.internal.ops;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.ml.ModelSelection;
import org.nernst.core.ml.Scoring;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.table.Table;

/** Repeated random subsampling; see {@link ModelSelection#monteCarlo}. */
public final class MonteCarloCvNode implements Node {

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Table table = c.input("table", Table.class);
        ConfiguredEstimator est = c.input("estimator", ConfiguredEstimator.class);
        String target = Features.target(c, table);
        List<String> features = Features.features(c, table);
        String group = Features.group(c, table, false);
        ModelSelection.MonteCarloResult r = ModelSelection.monteCarlo(est, table, features, target,
                (int) c.parameters().integer("splits"), c.parameters().number("testFraction"), group, c.seed(),
                c.monitor());
        String m = Scoring.defaultMetric(est.task());
        c.info(String.format(Locale.ROOT, "%s over %d random splits%s: %s %.4g ± %.2g", est.descriptor().label(),
                r.splits().rowCount(), group.isBlank() ? "" : " (grouped by " + group + ")", m,
                r.metrics().get("mean", m), r.metrics().get("std", m)));
        return Map.of("splits", r.splits(), "metrics", r.metrics());
    }
}

package org.nernst.core.internal.ops;

import java.util.List;
import java.util.Map;

import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.ml.CrossValidation;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Column;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;

/** Cross-validates any estimator on a table; see {@link CrossValidation}. */
public final class CrossValidateNode implements Node {

    @Override
    public void configure(Parameters p) {
        CrossValidation.Scheme.parse(p.string("scheme"));
        if (p.list("features").contains(p.string("target"))) {
            throw new IllegalArgumentException("the target '" + p.string("target") + "' is also listed as a feature");
        }
    }

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Parameters p = c.parameters();
        Table table = c.input("table", Table.class);
        ConfiguredEstimator est = c.input("estimator", ConfiguredEstimator.class);
        String target = p.string("target");
        List<String> features = p.list("features");
        if (features.isEmpty()) {
            features = table.withRole(Role.FEATURE).stream().map(Column::name).toList();
            c.info("features from the table's FEATURE columns: " + features);
        }
        CrossValidation.Scheme scheme = CrossValidation.Scheme.parse(p.string("scheme"));
        String group = p.has("group") ? p.string("group") : "";
        if (scheme.grouped() && group.isBlank()) {
            List<Column> g = table.withRole(Role.GROUP);
            if (g.size() != 1) {
                throw new IllegalArgumentException("scheme " + scheme.id() + " needs the parameter 'group' (the table has "
                        + g.size() + " GROUP columns to choose from)");
            }
            group = g.get(0).name();
        }
        CrossValidation.Result r = CrossValidation.run(est, table, features, target, scheme,
                (int) p.integer("folds"), group, c.seed(), c.monitor());
        if (est.task() == org.nernst.core.ml.Task.CLASSIFICATION) {
            c.info(String.format(java.util.Locale.ROOT,
                    "%s, %s: accuracy %.4f, balanced accuracy %.4f, macro F1 %.4f, log loss %.4g over %d rows",
                    est.descriptor().label(), scheme.id(), r.metrics().get("overall", "accuracy"),
                    r.metrics().get("overall", "balanced_accuracy"), r.metrics().get("overall", "macro_f1"),
                    r.metrics().get("overall", "log_loss"), table.rowCount()));
        } else {
            c.info(String.format(java.util.Locale.ROOT, "%s, %s: RMSE %.4g, MAE %.4g, R² %.3f over %d rows",
                    est.descriptor().label(), scheme.id(), r.metrics().get("overall", "rmse"),
                    r.metrics().get("overall", "mae"), r.metrics().get("overall", "r2"), table.rowCount()));
        }
        return Map.of("predictions", r.predictions(), "metrics", r.metrics());
    }
}

package org.nernst.core.internal.ops;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.ml.CrossValidation;
import org.nernst.core.ml.ModelSelection;
import org.nernst.core.ml.SearchSpace;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Table;

/** Nested cross-validation with grid or random search; see {@link ModelSelection#nested}. */
public final class NestedCvNode implements Node {

    @Override
    public void configure(Parameters p) {
        CrossValidation.Scheme.parse(p.string("outerScheme"));
    }

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Parameters p = c.parameters();
        Table table = c.input("table", Table.class);
        ConfiguredEstimator est = c.input("estimator", ConfiguredEstimator.class);
        String target = Features.target(c, table);
        List<String> features = Features.features(c, table);
        CrossValidation.Scheme outer = CrossValidation.Scheme.parse(p.string("outerScheme"));
        String group = Features.group(c, table, outer.grouped());
        SearchSpace space = SearchSpace.parse(p.string("space"), est.descriptor().parameters());
        ModelSelection.NestedSettings s = new ModelSelection.NestedSettings(space, "random".equals(p.string("search")),
                (int) p.integer("gridPoints"), (int) p.integer("candidates"), outer, (int) p.integer("outerFolds"),
                group, (int) p.integer("innerFolds"), p.string("metric"));
        ModelSelection.NestedResult r = ModelSelection.nested(est, table, features, target, s, c.seed(), c.monitor());
        String metric = (String) r.metrics().values().get("metric");
        c.info(String.format(Locale.ROOT, "%s nested CV (%s; %s): outer %s %.4g; chosen per fold %s",
                est.descriptor().label(), r.metrics().values().get("search"), r.metrics().values().get("outer"), metric,
                r.metrics().get("overall", metric), r.metrics().values().get("chosen")));
        return Map.of("folds", r.folds(), "search", r.search(), "predictions", r.predictions(), "metrics", r.metrics());
    }
}

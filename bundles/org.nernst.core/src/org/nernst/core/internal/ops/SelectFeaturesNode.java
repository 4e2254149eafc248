package org.nernst.core.internal.ops;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.ml.CrossValidation;
import org.nernst.core.ml.FeatureSelection;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Column;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.core.table.TableBuilder;

/** Feature selection by correlation, importance or backward elimination; see {@link FeatureSelection}. */
public final class SelectFeaturesNode implements Node {

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Parameters p = c.parameters();
        Table table = c.input("table", Table.class);
        Optional<ConfiguredEstimator> est = c.optionalInput("estimator", ConfiguredEstimator.class);
        String target = Features.target(c, table);
        List<String> features = Features.features(c, table);
        String method = p.string("method");
        c.monitor().checkCanceled(); // the correlation filter is one quick pass; the other methods check per fit
        List<FeatureSelection.Decision> decisions = switch (method) {
            case "correlation" -> FeatureSelection.byCorrelation(est.isPresent()
                    ? CrossValidation.trainingSet(est.get(), table, features, target)
                    : TrainingSet.from(table, features, target), p.number("minAbsCorrelation"),
                    p.number("maxPairCorrelation"));
            case "importance" -> {
                ConfiguredEstimator e = need(est, method);
                yield FeatureSelection.byImportance(e, CrossValidation.trainingSet(e, table, features, target),
                        (int) p.integer("topK"), p.number("cumulativeShare"), c.seed(), c.monitor());
            }
            case "backward" -> {
                ConfiguredEstimator e = need(est, method);
                yield FeatureSelection.backward(e, CrossValidation.trainingSet(e, table, features, target),
                        (int) p.integer("folds"), p.string("metric"), (int) p.integer("minFeatures"), p.number("tolerance"), c.seed(),
                        c.monitor());
            }
            default -> throw new IllegalArgumentException("unknown method '" + method + "'");
        };
        Set<String> dropped = new HashSet<>();
        TableBuilder b = new TableBuilder(table.name() + " feature decisions").stringColumn("feature", Role.NONE)
                .stringColumn("decision", Role.NONE).doubleColumn("score", "", Role.NONE).longColumn("rank", "", Role.NONE)
                .stringColumn("reason", Role.NONE);
        for (FeatureSelection.Decision d : decisions) {
            if (!d.kept()) {
                dropped.add(d.feature());
            }
            b.set(0, d.feature()).set(1, d.kept() ? "kept" : "dropped").set(2, d.score()).set(3, (long) d.rank())
                    .set(4, d.reason()).endRow();
        }
        List<Column> cols = new ArrayList<>();
        for (Column col : table.columns()) {
            if (!dropped.contains(col.name())) {
                // the kept features are marked as features, so downstream nodes find them by role
                cols.add(features.contains(col.name()) ? col.withRole(Role.FEATURE) : col);
            }
        }
        c.info(method + ": kept " + (features.size() - dropped.size()) + " of " + features.size() + " features; dropped "
                + dropped);
        return Map.of("table", new Table(table.name() + " selected", cols), "decisions", b.build());
    }

    private static ConfiguredEstimator need(Optional<ConfiguredEstimator> est, String method) {
        return est.orElseThrow(() -> new IllegalArgumentException("method " + method
                + " needs an estimator connected to the 'estimator' input"));
    }
}

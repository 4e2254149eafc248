package org.nernst.optimize.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.ml.Prediction;
import org.nernst.core.ml.TrainedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Column;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.LongColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.optimize.Screening;

/**
 * {@code org.nernst.optimize.screen}: fits an estimator on known rows, predicts every candidate, and
 * ranks the candidates that pass the filters: by Pareto front over the objectives (the prediction,
 * optimistic by {@code kappa} standard deviations when the estimator gives one, plus any candidate
 * columns named in {@code objectives}), then by the prediction's score within a front.
 */
public final class ScreenNode implements Node {

    @Override
    public void configure(Parameters p) {
        for (String o : p.list("objectives")) {
            objective(o);
        }
        for (String f : p.list("filters")) {
            Filter.parse(f);
        }
    }

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Parameters p = c.parameters();
        Table known = c.input("known", Table.class);
        Table candidates = c.input("candidates", Table.class);
        ConfiguredEstimator estimator = c.input("estimator", ConfiguredEstimator.class);
        String target = p.string("target");
        List<String> features = p.list("features");
        if (features.isEmpty()) {
            features = known.withRole(Role.FEATURE).stream().map(Column::name).filter(n -> !n.equals(target)).toList();
        }
        for (Filter f : p.list("filters").stream().map(Filter::parse).toList()) {
            Column col = candidates.find(f.column).orElseThrow(() -> new DataException("candidates", "column '" + f.column
                    + "'", "is missing; filter '" + f.text + "' needs it"));
            int before = candidates.rowCount();
            candidates = candidates.filter(r -> f.keep(col.asDouble(r)));
            c.info("filter '" + f.text + "' keeps " + candidates.rowCount() + " of " + before + " candidates");
        }
        TrainedModel model = estimator.fit(TrainingSet.from(known, features, target), c.seed(), c.monitor());
        c.monitor().checkCanceled();
        // the candidate space may be millions of rows: predicted in chunks on the run's data-parallel backend
        Prediction pred = ChunkedPrediction.predict(model, TrainingSet.matrix(candidates, features), c.dataParallel(),
                c.monitor());
        boolean maximize = p.bool("maximize");
        double kappa = p.number("kappa");
        int n = candidates.rowCount();
        double[] score = new double[n];
        double[] std = new double[n];
        for (int r = 0; r < n; r++) {
            double mean = maximize ? pred.mean()[r] : -pred.mean()[r];
            std[r] = pred.hasUncertainty() ? pred.std()[r] : Double.NaN;
            score[r] = mean + (pred.hasUncertainty() ? kappa * std[r] : 0);
        }
        List<String[]> objectives = p.list("objectives").stream().map(ScreenNode::objective).toList();
        double[][] obj = new double[n][1 + objectives.size()];
        for (int r = 0; r < n; r++) {
            obj[r][0] = score[r];
        }
        for (int k = 0; k < objectives.size(); k++) {
            String[] o = objectives.get(k);
            Table cand = candidates;
            Column col = cand.find(o[0]).orElseThrow(() -> new DataException("candidates", "column '" + o[0] + "'",
                    "is missing; it is named in objectives"));
            for (int r = 0; r < n; r++) {
                double v = col.asDouble(r);
                obj[r][k + 1] = Double.isNaN(v) ? Double.NEGATIVE_INFINITY : o[1].equals("max") ? v : -v;
            }
        }
        int[] front = Screening.paretoFronts(obj);
        double[] key = new double[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double s : score) {
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
        }
        for (int r = 0; r < n; r++) {
            // front first, then the score scaled into (0, 1) within the front
            key[r] = -front[r] + (hi > lo ? (score[r] - lo) / (hi - lo) * 0.999 : 0);
        }
        int[] order = Screening.order(key);
        int top = (int) Math.min(n, p.integer("top") > 0 ? p.integer("top") : n);
        int[] keep = java.util.Arrays.copyOf(order, top);
        long[] rank = new long[top];
        long[] fronts = new long[top];
        double[] m = new double[top];
        double[] s = new double[top];
        double[] sc = new double[top];
        for (int i = 0; i < top; i++) {
            rank[i] = i + 1;
            fronts[i] = front[keep[i]];
            m[i] = pred.mean()[keep[i]];
            s[i] = std[keep[i]];
            sc[i] = maximize ? score[keep[i]] : -score[keep[i]];
        }
        List<Column> cols = new ArrayList<>();
        cols.add(new LongColumn("rank", "", Role.NONE, rank));
        cols.addAll(candidates.select(keep).columns());
        cols.add(new DoubleColumn("predicted_" + target, "", Role.PREDICTION, m));
        cols.add(new DoubleColumn("predicted_std", "", Role.NONE, s));
        cols.add(new DoubleColumn("score", "", Role.NONE, sc));
        cols.add(new LongColumn("pareto_front", "", Role.NONE, fronts));
        return Map.of("ranked", new Table("screened " + candidates.name(), cols));
    }

    private static String[] objective(String text) {
        String[] f = text.strip().split("\\s*:\\s*");
        if (f.length != 2 || !(f[1].equals("max") || f[1].equals("min"))) {
            throw new IllegalArgumentException("objective '" + text + "': expected column:max or column:min");
        }
        return f;
    }

    /** "column >= value", "column <= value", "column > value", "column < value". */
    record Filter(String text, String column, String op, double value) {
        static Filter parse(String text) {
            var m = java.util.regex.Pattern.compile("\\s*(.+?)\\s*(>=|<=|>|<)\\s*([-+0-9.eE]+)\\s*").matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("filter '" + text + "': expected column >= number (or <=, >, <)");
            }
            return new Filter(text.strip(), m.group(1), m.group(2), Double.parseDouble(m.group(3)));
        }

        boolean keep(double v) {
            return switch (op) {
                case ">=" -> v >= value;
                case "<=" -> v <= value;
                case ">" -> v > value;
                default -> v < value;
            };
        }
    }
}

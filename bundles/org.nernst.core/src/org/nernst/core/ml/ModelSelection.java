package org.nernst.core.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.nernst.core.node.DataException;
import org.nernst.core.node.Metrics;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.LongColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;
import org.nernst.core.table.TableBuilder;

/**
 * Repeated random subsampling (Monte Carlo cross-validation) and nested cross-validation for
 * hyperparameter search. Both work for regressors and classifiers and respect groups: with a group
 * column, a group (a cell, a material family) is never split between training and test rows, in
 * the outer and in the inner splits.
 *
 * @since 0.3
 */
public final class ModelSelection {

    private ModelSelection() {
    }

    /** Training and test rows of one split. */
    public record Split(int[] train, int[] test) {
    }

    /**
     * {@code splits} random train/test splits. Without groups, {@code round(testFraction × rows)}
     * rows are drawn for test (at least 1, at most rows − 1); with groups, that share of the groups.
     * Split {@code s} depends only on the seed and {@code s}.
     *
     * @param groups each row's group, or {@code null}
     */
    public static List<Split> monteCarloSplits(int n, int splits, double testFraction, String[] groups, long seed,
            String tableName) throws DataException {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be between 0 and 1, got " + testFraction);
        }
        List<String> distinct = groups == null ? null : new ArrayList<>(new TreeSet<>(Arrays.asList(groups)));
        int units = groups == null ? n : distinct.size();
        if (units < 2) {
            throw new DataException(tableName, "", "random subsampling needs at least 2 " + (groups == null ? "rows" : "groups")
                    + ", found " + units);
        }
        int testUnits = (int) Math.clamp(Math.round(testFraction * units), 1, units - 1);
        long[] seeds = new SplittableRandom(seed).longs(splits).toArray();
        List<Split> out = new ArrayList<>();
        for (int s = 0; s < splits; s++) {
            int[] perm = CrossValidation.permutation(units, new SplittableRandom(seeds[s]));
            boolean[] testUnit = new boolean[units];
            for (int i = 0; i < testUnits; i++) {
                testUnit[perm[i]] = true;
            }
            Map<String, Integer> unitOf = new HashMap<>();
            if (groups != null) {
                for (int i = 0; i < distinct.size(); i++) {
                    unitOf.put(distinct.get(i), i);
                }
            }
            List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                int u = groups == null ? r : unitOf.get(groups[r]);
                (testUnit[u] ? test : train).add(r);
            }
            out.add(new Split(CrossValidation.toArray(train), CrossValidation.toArray(test)));
        }
        return out;
    }

    /** One row per split (metrics of its test rows) and the mean and standard deviation of each metric. */
    public record MonteCarloResult(Table splits, Metrics metrics) {
    }

    public static MonteCarloResult monteCarlo(ConfiguredEstimator estimator, Table table, List<String> features,
            String target, int splits, double testFraction, String groupColumn, long seed, ProgressMonitor monitor)
            throws Exception {
        TrainingSet all = CrossValidation.trainingSet(estimator, table, features, target);
        String[] groups = groupColumn == null || groupColumn.isBlank() ? null
                : CrossValidation.groups(table, groupColumn, "grouped random subsampling");
        List<Split> plan = monteCarloSplits(all.rows(), splits, testFraction, groups, seed, table.name());
        List<String> names = Scoring.names(estimator.task());
        TableBuilder b = new TableBuilder(table.name() + " random subsampling").longColumn("split", "", Role.NONE)
                .longColumn("train_rows", "", Role.NONE).longColumn("test_rows", "", Role.NONE);
        if (groups != null) {
            b.stringColumn("test_groups", Role.NONE);
        }
        for (String m : names) {
            b.doubleColumn(m, "", Role.NONE);
        }
        double[][] scores = new double[names.size()][plan.size()];
        monitor.begin("random subsampling " + estimator.descriptor().label(), plan.size());
        for (int s = 0; s < plan.size(); s++) {
            monitor.checkCanceled();
            Split sp = plan.get(s);
            CrossValidation.OutOfSample oos = new CrossValidation.OutOfSample(all.rows(), false, all.isClassification());
            oos.fill(estimator, all, sp.train(), sp.test(), seed + s, monitor);
            Map<String, Object> m = Scoring.metrics(all, sp.test(), oos.predicted, oos.probabilities);
            b.set(0, (long) (s + 1)).set(1, (long) sp.train().length).set(2, (long) sp.test().length);
            int c = 3;
            if (groups != null) {
                TreeSet<String> g = new TreeSet<>();
                for (int r : sp.test()) {
                    g.add(groups[r]);
                }
                b.set(c++, String.join(" ", g));
            }
            for (int k = 0; k < names.size(); k++) {
                scores[k][s] = ((Number) m.get(names.get(k))).doubleValue();
                b.set(c + k, scores[k][s]);
            }
            b.endRow();
            monitor.worked(1);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("estimator", estimator.descriptor().id());
        values.put("splits", plan.size());
        values.put("test_fraction", testFraction);
        values.put("grouped_by", groups == null ? "" : groupColumn);
        Map<String, Object> mean = new LinkedHashMap<>(), sd = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            double[] v = scores[k];
            double mu = Arrays.stream(v).average().orElse(Double.NaN);
            double var = 0;
            for (double x : v) {
                var += (x - mu) * (x - mu);
            }
            mean.put(names.get(k), mu);
            sd.put(names.get(k), v.length < 2 ? Double.NaN : Math.sqrt(var / (v.length - 1)));
        }
        values.put("mean", mean);
        values.put("std", sd);
        return new MonteCarloResult(b.build(), new Metrics(estimator.descriptor().label() + " random subsampling", values));
    }

    /** How nested cross-validation searches and scores. */
    public record NestedSettings(SearchSpace space, boolean random, int gridPoints, int candidates,
            CrossValidation.Scheme outerScheme, int outerFolds, String groupColumn, int innerFolds, String metric) {
    }

    /**
     * @param folds one row per outer fold: test rows, chosen parameters, the best inner score and the
     *        outer test score
     * @param search one row per outer fold and candidate: the candidate's inner cross-validated score
     * @param predictions the input rows with the outer fold and the out-of-sample prediction
     * @param metrics outer metrics over all rows, and the chosen parameters per fold
     */
    public record NestedResult(Table folds, Table search, Table predictions, Metrics metrics) {
    }

    /**
     * Nested cross-validation: for each outer fold, every candidate is scored by inner k-fold
     * cross-validation on the outer training rows only (group k-fold when grouped), the best is
     * refitted on all outer training rows and predicts the outer test rows. The outer test rows take
     * no part in choosing the parameters: they are not in the data the inner search receives.
     */
    public static NestedResult nested(ConfiguredEstimator base, Table table, List<String> features, String target,
            NestedSettings s, long seed, ProgressMonitor monitor) throws Exception {
        String metric = s.metric() == null || s.metric().isBlank() ? Scoring.defaultMetric(base.task()) : s.metric();
        Scoring.check(metric, base.task());
        TrainingSet all = CrossValidation.trainingSet(base, table, features, target);
        int n = all.rows();
        String[] groups = null;
        if (s.outerScheme().grouped()) {
            groups = CrossValidation.groups(table, s.groupColumn(), "scheme " + s.outerScheme().id());
        }
        int[] outer = CrossValidation.assignFolds(s.outerScheme(), n, s.outerFolds(), groups, seed, table.name());
        int folds = Arrays.stream(outer).max().orElse(0) + 1;
        List<Map<String, Object>> candidates = s.random() ? s.space().random(s.candidates(), seed)
                : s.space().grid(s.gridPoints());
        List<ConfiguredEstimator> configured = new ArrayList<>();
        for (Map<String, Object> c : candidates) {
            configured.add(with(base, c));
        }
        TableBuilder fb = new TableBuilder(table.name() + " nested CV folds").longColumn("fold", "", Role.NONE)
                .longColumn("train_rows", "", Role.NONE).longColumn("test_rows", "", Role.NONE)
                .stringColumn("parameters", Role.NONE).doubleColumn("inner_" + metric, "", Role.NONE)
                .doubleColumn("outer_" + metric, "", Role.NONE);
        TableBuilder sb = new TableBuilder(table.name() + " nested CV search").longColumn("fold", "", Role.NONE)
                .longColumn("candidate", "", Role.NONE).stringColumn("parameters", Role.NONE)
                .doubleColumn("inner_" + metric, "", Role.NONE);
        CrossValidation.OutOfSample oos = new CrossValidation.OutOfSample(n, false, all.isClassification());
        Map<String, Object> chosen = new LinkedHashMap<>();
        monitor.begin("nested cross-validation of " + base.descriptor().label(), folds * (candidates.size() + 1));
        for (int f = 0; f < folds; f++) {
            List<Integer> trainL = new ArrayList<>(), testL = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                (outer[r] == f ? testL : trainL).add(r);
            }
            int[] train = CrossValidation.toArray(trainL), test = CrossValidation.toArray(testL);
            // The inner search sees only this subset: rows outside it cannot influence the choice.
            TrainingSet inner = all.subset(train);
            String[] innerGroups = null;
            if (groups != null) {
                innerGroups = new String[train.length];
                for (int i = 0; i < train.length; i++) {
                    innerGroups[i] = groups[train[i]];
                }
            }
            int best = -1;
            double bestScore = Double.NaN;
            for (int c = 0; c < configured.size(); c++) {
                monitor.checkCanceled();
                double score = innerScore(configured.get(c), inner, innerGroups, s.innerFolds(), metric,
                        seed + 1000L * (f + 1), monitor, table.name());
                sb.set(0, (long) (f + 1)).set(1, (long) (c + 1)).set(2, SearchSpace.describe(candidates.get(c)))
                        .set(3, score).endRow();
                if (best < 0 || Scoring.better(metric, score, bestScore)) {
                    best = c;
                    bestScore = score;
                }
                monitor.worked(1);
            }
            oos.fill(configured.get(best), all, train, test, seed + f, monitor);
            double outerScore = Scoring.score(metric, all, test, oos.predicted, oos.probabilities);
            String desc = SearchSpace.describe(candidates.get(best));
            chosen.put(Integer.toString(f + 1), desc);
            fb.set(0, (long) (f + 1)).set(1, (long) train.length).set(2, (long) test.length).set(3, desc)
                    .set(4, bestScore).set(5, outerScore).endRow();
            monitor.worked(1);
        }
        long[] foldCol = new long[n];
        for (int r = 0; r < n; r++) {
            foldCol[r] = outer[r] + 1;
        }
        Table predictions = oos.addTo(table.with(new LongColumn("fold", "", Role.NONE, foldCol)), all)
                .renamed(table.name() + " nested CV");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("estimator", base.descriptor().id());
        values.put("metric", metric);
        values.put("search", (s.random() ? "random, " : "grid, ") + candidates.size() + " candidates over "
                + s.space().names());
        values.put("outer", s.outerScheme().id() + ", " + folds + " folds");
        values.put("inner", (groups != null ? "group-kfold, " : "kfold, ") + s.innerFolds() + " folds");
        int[] every = new int[n];
        for (int r = 0; r < n; r++) {
            every[r] = r;
        }
        values.put("overall", Scoring.metrics(all, every, oos.predicted, oos.probabilities));
        values.put("chosen", chosen);
        return new NestedResult(fb.build(), sb.build(), predictions, new Metrics(base.descriptor().label()
                + " nested CV", values));
    }

    /**
     * A candidate's score by k-fold (or group k-fold) cross-validation within {@code data}, pooled
     * over the inner folds' out-of-fold predictions.
     */
    public static double innerScore(ConfiguredEstimator e, TrainingSet data, String[] groups, int k, String metric,
            long seed, ProgressMonitor monitor, String tableName) throws Exception {
        CrossValidation.Scheme scheme = groups == null ? CrossValidation.Scheme.KFOLD : CrossValidation.Scheme.GROUP_KFOLD;
        int[] fold = CrossValidation.assignFolds(scheme, data.rows(), k, groups, seed, tableName + " (inner folds)");
        CrossValidation.OutOfSample oos = new CrossValidation.OutOfSample(data.rows(), false, data.isClassification());
        for (int f = 0; f < k; f++) {
            List<Integer> tr = new ArrayList<>(), te = new ArrayList<>();
            for (int r = 0; r < data.rows(); r++) {
                (fold[r] == f ? te : tr).add(r);
            }
            if (te.isEmpty()) {
                continue;
            }
            oos.fill(e, data, CrossValidation.toArray(tr), CrossValidation.toArray(te), seed + f, monitor);
        }
        int[] every = new int[data.rows()];
        for (int r = 0; r < every.length; r++) {
            every[r] = r;
        }
        return Scoring.score(metric, data, every, oos.predicted, oos.probabilities);
    }

    /** The estimator with some parameters replaced, validated against its specs. */
    public static ConfiguredEstimator with(ConfiguredEstimator base, Map<String, Object> changes) {
        Map<String, Object> merged = new LinkedHashMap<>(base.parameters().asMap());
        merged.putAll(changes);
        return new ConfiguredEstimator(base.descriptor(), base.estimator(),
                Parameters.resolve(base.descriptor().parameters(), merged));
    }


    static String fmt(double d) {
        return String.format(Locale.ROOT, "%.4g", d);
    }
}

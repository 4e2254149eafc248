package org.nernst.core.ml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.nernst.core.node.DataException;
import org.nernst.core.node.Metrics;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Column;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.LongColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;

/**
 * Out-of-sample predictions for every row by k-fold or grouped cross-validation, for any
 * {@link ConfiguredEstimator}. Grouped schemes never put rows of one group (one cell, one material
 * family) in both training and test folds.
 *
 * @since 0.1
 */
public final class CrossValidation {

    /** How rows are split into folds. */
    public enum Scheme {
        /** Rows shuffled with the seed and dealt into k folds. */
        KFOLD("kfold"),
        /** Each group is one test fold (leave-one-cell-out). */
        LEAVE_ONE_GROUP_OUT("leave-one-group-out"),
        /** Groups shuffled with the seed and dealt into k folds. */
        GROUP_KFOLD("group-kfold");

        private final String id;

        Scheme(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public boolean grouped() {
            return this != KFOLD;
        }

        public static Scheme parse(String s) {
            for (Scheme v : values()) {
                if (v.id.equals(s)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown cross-validation scheme '" + s
                    + "' (expected kfold, leave-one-group-out or group-kfold)");
        }
    }

    /**
     * The input table with columns {@code fold}, {@code <target>_predicted} and, for probabilistic
     * estimators, {@code <target>_std} added (classifiers: the predicted label and one probability
     * column per class, see {@link OutOfSample#addTo}); and metrics overall, per group and per fold
     * — regression metrics or, for a classifier (since 0.3), {@link ClassificationMetrics}.
     */
    public record Result(Table predictions, Metrics metrics) {
    }

    private CrossValidation() {
    }

    public static Result run(ConfiguredEstimator estimator, Table table, List<String> features, String target,
            Scheme scheme, int k, String groupColumn, long seed, ProgressMonitor monitor) throws Exception {
        TrainingSet all = trainingSet(estimator, table, features, target);
        int n = all.rows();
        String[] groups = null;
        if (scheme.grouped()) {
            groups = groups(table, groupColumn, scheme.id());
        }
        int[] fold = assignFolds(scheme, n, k, groups, seed, table.name());
        int folds = 0;
        for (int f : fold) {
            folds = Math.max(folds, f + 1);
        }
        OutOfSample oos = new OutOfSample(n, estimator.probabilistic(), all.isClassification());
        monitor.begin("cross-validating " + estimator.descriptor().label(), folds);
        for (int f = 0; f < folds; f++) {
            monitor.checkCanceled();
            List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                (fold[r] == f ? test : train).add(r);
            }
            monitor.subTask("fold " + (f + 1) + " of " + folds + (groups != null && scheme == Scheme.LEAVE_ONE_GROUP_OUT
                    ? " (held out: " + groups[test.get(0)] + ")" : ""));
            oos.fill(estimator, all, toArray(train), toArray(test), seed + f, monitor);
            monitor.worked(1);
        }
        long[] foldCol = new long[n];
        for (int r = 0; r < n; r++) {
            foldCol[r] = fold[r] + 1;
        }
        Table out = oos.addTo(table.with(new LongColumn("fold", "", Role.NONE, foldCol)), all)
                .renamed(table.name() + " cross-validated");

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("estimator", estimator.descriptor().id());
        values.put("parameters", new TreeMap<>(estimator.parameters().asMap()).toString());
        values.put("task", estimator.task().name().toLowerCase(java.util.Locale.ROOT));
        values.put("scheme", scheme.id());
        values.put("folds", folds);
        values.put("target", target);
        values.put("features", features);
        if (all.isClassification()) {
            values.put("classes", all.classes());
        }
        values.put("overall", Scoring.metrics(all, allRows(n), oos.predicted, oos.probabilities));
        if (groups != null) {
            values.put("groups", perKey(groups, all, oos));
        }
        String[] foldKeys = new String[n];
        for (int r = 0; r < n; r++) {
            foldKeys[r] = Integer.toString(fold[r] + 1);
        }
        values.put("folds_detail", perKey(foldKeys, all, oos));
        return new Result(out, new Metrics(estimator.descriptor().label() + " " + scheme.id(), values));
    }

    /**
     * Features and target for the estimator's task: class labels for a classifier, numbers otherwise.
     *
     * @since 0.3
     */
    public static TrainingSet trainingSet(ConfiguredEstimator estimator, Table table, List<String> features,
            String target) throws DataException {
        return estimator.task() == Task.CLASSIFICATION ? TrainingSet.fromClasses(table, features, target)
                : TrainingSet.from(table, features, target);
    }

    /**
     * Each row's group label, read from a column.
     *
     * @since 0.3
     */
    public static String[] groups(Table table, String groupColumn, String why) throws DataException {
        if (groupColumn == null || groupColumn.isBlank()) {
            throw new IllegalArgumentException(why + " needs a group column");
        }
        Column g = table.find(groupColumn).orElseThrow(() -> new DataException(table.name(),
                "column '" + groupColumn + "'", "no such group column; the table has " + table.columnNames()));
        String[] groups = new String[table.rowCount()];
        for (int r = 0; r < groups.length; r++) {
            groups[r] = g.format(r);
        }
        return groups;
    }

    /**
     * Out-of-sample predictions gathered split by split: each {@link #fill} fits on some rows and
     * writes the predictions of the test rows.
     *
     * @since 0.3
     */
    public static final class OutOfSample {
        /** Prediction per row (class index for classification). */
        public final double[] predicted;
        /** Predictive standard deviation per row, or {@code null}. */
        public final double[] std;
        /** Class probabilities per row, or {@code null} for regression. */
        public final double[][] probabilities;

        public OutOfSample(int rows, boolean probabilistic, boolean classification) {
            predicted = new double[rows];
            std = probabilistic && !classification ? new double[rows] : null;
            probabilities = classification ? new double[rows][] : null;
        }

        /** Fits on {@code train} of {@code all} and predicts {@code test}, storing the test rows' predictions. */
        public void fill(ConfiguredEstimator estimator, TrainingSet all, int[] train, int[] test, long seed,
                ProgressMonitor monitor) throws Exception {
            TrainedModel m = estimator.fit(all.subset(train), seed, monitor);
            Prediction p = m.predict(all.subset(test).x());
            for (int i = 0; i < test.length; i++) {
                predicted[test[i]] = p.mean()[i];
                if (std != null) {
                    std[test[i]] = p.hasUncertainty() ? p.std()[i] : Double.NaN;
                }
                if (probabilities != null) {
                    probabilities[test[i]] = p.probabilities()[i].clone();
                }
            }
        }

        /**
         * The table with {@code <target>_predicted} (numbers, or class labels for classification),
         * {@code <target>_std} for probabilistic regressors and one {@code <target>_p_<class>}
         * column per class for classifiers.
         */
        public Table addTo(Table table, TrainingSet all) {
            String target = all.targetName();
            if (all.isClassification()) {
                String[] labels = new String[predicted.length];
                for (int r = 0; r < labels.length; r++) {
                    labels[r] = all.classes().get((int) predicted[r]);
                }
                Table out = table.with(new StringColumn(target + "_predicted", Role.PREDICTION, labels));
                for (int c = 0; c < all.classes().size(); c++) {
                    double[] pc = new double[predicted.length];
                    for (int r = 0; r < pc.length; r++) {
                        pc[r] = probabilities[r] == null ? Double.NaN : probabilities[r][c];
                    }
                    out = out.with(new DoubleColumn(target + "_p_" + all.classes().get(c), "", Role.UNCERTAINTY, pc));
                }
                return out;
            }
            String unit = table.column(target).unit();
            Table out = table.with(new DoubleColumn(target + "_predicted", unit, Role.PREDICTION, predicted));
            if (std != null) {
                out = out.with(new DoubleColumn(target + "_std", unit, Role.UNCERTAINTY, std));
            }
            return out;
        }
    }

    private static int[] allRows(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static Map<String, Object> perKey(String[] keys, TrainingSet all, OutOfSample oos) {
        Map<String, List<Integer>> rows = new TreeMap<>();
        for (int r = 0; r < keys.length; r++) {
            rows.computeIfAbsent(keys[r], x -> new ArrayList<>()).add(r);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        rows.forEach((key, idx) -> out.put(key, Scoring.metrics(all, toArray(idx), oos.predicted, oos.probabilities)));
        return out;
    }

    /**
     * The fold of each row for a scheme, k and seed — the folds {@link #run} uses, for nodes that must
     * evaluate on exactly the same splits (e.g. ES-LiR).
     *
     * @param groups each row's group, or {@code null} for {@link Scheme#KFOLD}
     * @param tableName names the table in errors
     * @since 0.2
     */
    public static int[] assignFolds(Scheme scheme, int n, int k, String[] groups, long seed, String tableName)
            throws DataException {
        int[] fold = new int[n];
        Random rnd = new Random(seed);
        switch (scheme) {
            case KFOLD -> {
                if (k < 2 || k > n) {
                    throw new DataException(tableName, "", "k-fold needs 2 <= k <= rows, got k = " + k + " for " + n + " rows");
                }
                int[] perm = permutation(n, rnd);
                for (int i = 0; i < n; i++) {
                    fold[perm[i]] = i % k;
                }
            }
            case LEAVE_ONE_GROUP_OUT, GROUP_KFOLD -> {
                List<String> distinct = new ArrayList<>(new java.util.TreeSet<>(java.util.Arrays.asList(groups)));
                if (distinct.size() < 2) {
                    throw new DataException(tableName, "", "grouped cross-validation needs at least 2 groups, found "
                            + distinct);
                }
                Map<String, Integer> foldOf = new LinkedHashMap<>();
                if (scheme == Scheme.LEAVE_ONE_GROUP_OUT) {
                    for (int i = 0; i < distinct.size(); i++) {
                        foldOf.put(distinct.get(i), i);
                    }
                } else {
                    if (k < 2 || k > distinct.size()) {
                        throw new DataException(tableName, "", "group k-fold needs 2 <= k <= groups, got k = " + k
                                + " for " + distinct.size() + " groups");
                    }
                    int[] perm = permutation(distinct.size(), rnd);
                    for (int i = 0; i < perm.length; i++) {
                        foldOf.put(distinct.get(perm[i]), i % k);
                    }
                }
                for (int r = 0; r < n; r++) {
                    fold[r] = foldOf.get(groups[r]);
                }
            }
        }
        return fold;
    }

    /** A Fisher–Yates shuffle of 0..n-1 (shared with {@link ModelSelection}). */
    static int[] permutation(int n, java.util.random.RandomGenerator rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    static int[] toArray(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }
}

package org.nernst.core.ml;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metrics of a task for a set of rows, and the names model selection may optimize: regression
 * {@code rmse, mae, r2, mape_percent, max_abs_error}; classification {@code accuracy, error_rate,
 * balanced_accuracy, macro_f1, log_loss, roc_auc}.
 *
 * @since 0.3
 */
public final class Scoring {
    private static final Set<String> LOWER_IS_BETTER = Set.of("rmse", "mae", "mape_percent", "max_abs_error",
            "error_rate", "log_loss");
    private static final List<String> REGRESSION = List.of("rmse", "mae", "r2", "mape_percent", "max_abs_error");
    private static final List<String> CLASSIFICATION = List.of("accuracy", "error_rate", "balanced_accuracy",
            "macro_f1", "log_loss", "roc_auc");

    private Scoring() {
    }

    /**
     * Regression or classification metrics (by {@link TrainingSet#isClassification()}) of the rows
     * listed.
     *
     * @param predicted prediction per row of {@code data} (class index for classification); only
     *        the listed rows are read
     * @param probabilities class probabilities per row of {@code data}, or {@code null}
     */
    public static Map<String, Object> metrics(TrainingSet data, int[] rows, double[] predicted, double[][] probabilities) {
        if (data.isClassification()) {
            int[] a = new int[rows.length], p = new int[rows.length];
            double[][] q = probabilities == null ? null : new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                a[i] = (int) data.y()[rows[i]];
                p[i] = (int) predicted[rows[i]];
                if (q != null) {
                    q[i] = probabilities[rows[i]];
                }
            }
            return ClassificationMetrics.of(a, p, q, data.classes().size()).asMap(data.classes());
        }
        double[] a = new double[rows.length], p = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            a[i] = data.y()[rows[i]];
            p[i] = predicted[rows[i]];
        }
        return RegressionMetrics.of(a, p).asMap();
    }

    /** One named metric of {@link #metrics}. */
    public static double score(String metric, TrainingSet data, int[] rows, double[] predicted,
            double[][] probabilities) {
        check(metric, data.isClassification() ? Task.CLASSIFICATION : Task.REGRESSION);
        Object v = metrics(data, rows, predicted, probabilities).get(metric);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    public static boolean lowerIsBetter(String metric) {
        return LOWER_IS_BETTER.contains(metric);
    }

    /** RMSE for regression; balanced accuracy for classification (robust to unequal classes). */
    public static String defaultMetric(Task task) {
        return task == Task.CLASSIFICATION ? "balanced_accuracy" : "rmse";
    }

    /** The metric names of a task. */
    public static List<String> names(Task task) {
        return task == Task.CLASSIFICATION ? CLASSIFICATION : REGRESSION;
    }

    /**
     * @throws IllegalArgumentException if {@code metric} is not one of the task's
     */
    public static void check(String metric, Task task) {
        if (!names(task).contains(metric)) {
            throw new IllegalArgumentException("metric '" + metric + "' is not a " + task.name().toLowerCase()
                    + " metric; choose one of " + names(task));
        }
    }

    /** Whether {@code a} is a better score than {@code b} for the metric (NaN is never better). */
    public static boolean better(String metric, double a, double b) {
        if (Double.isNaN(a)) {
            return false;
        }
        if (Double.isNaN(b)) {
            return true;
        }
        return lowerIsBetter(metric) ? a < b : a > b;
    }
}

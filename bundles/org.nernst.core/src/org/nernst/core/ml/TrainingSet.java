package org.nernst.core.ml;

import java.util.ArrayList;
import java.util.List;

import org.nernst.core.node.DataException;
import org.nernst.core.table.Column;
import org.nernst.core.table.ColumnType;
import org.nernst.core.table.Table;

/**
 * Features and target as dense arrays, checked: no NaN, rows of equal width, one target per row.
 * Estimators must treat the arrays as read-only.
 * <p>
 * Classification (since 0.3): {@code classes} lists the class labels (sorted, see
 * {@link #fromClasses}) and {@code y} holds each row's class index into it (0, 1, …, as a double).
 * For regression {@code classes} is empty.
 *
 * @param x rows × features
 * @param y target per row, or class index per row
 * @param featureNames the name of each feature column
 * @param targetName the target column
 * @param classes the class labels of a classification task, empty for regression
 * @since 0.1
 */
public record TrainingSet(double[][] x, double[] y, List<String> featureNames, String targetName, List<String> classes) {

    public TrainingSet {
        featureNames = List.copyOf(featureNames);
        classes = classes == null ? List.of() : List.copyOf(classes);
    }

    /** A regression training set. */
    public TrainingSet(double[][] x, double[] y, List<String> featureNames, String targetName) {
        this(x, y, featureNames, targetName, List.of());
    }

    /** Whether the target is a class label. @since 0.3 */
    public boolean isClassification() {
        return !classes.isEmpty();
    }

    /** The class index of each row (classification). @since 0.3 */
    public int[] classIndices() {
        int[] c = new int[y.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = (int) y[i];
        }
        return c;
    }

    public int rows() {
        return y.length;
    }

    public int features() {
        return featureNames.size();
    }

    /** The rows listed (copied), for cross-validation folds. */
    public TrainingSet subset(int[] rows) {
        double[][] sx = new double[rows.length][];
        double[] sy = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            sx[i] = x[rows[i]].clone();
            sy[i] = y[rows[i]];
        }
        return new TrainingSet(sx, sy, featureNames, targetName, classes);
    }

    /**
     * Extracts features and target from a table.
     *
     * @throws DataException naming the column and row of the first missing or non-numeric value
     */
    public static TrainingSet from(Table table, List<String> features, String target) throws DataException {
        double[][] x = matrix(table, features);
        double[] y = new double[table.rowCount()];
        Column t = column(table, target);
        for (int r = 0; r < y.length; r++) {
            y[r] = t.asDouble(r);
            if (!Double.isFinite(y[r])) {
                throw new DataException(table.name(), "row " + (r + 1) + ", column '" + target + "'",
                        "target is missing or not a finite number (" + t.format(r)
                                + "); exclude such rows before fitting");
            }
        }
        return new TrainingSet(x, y, features, target);
    }

    /**
     * Extracts features and a class-label target from a table. The target may hold text or
     * numbers; each distinct value (as the table formats it) is one class. Classes are ordered
     * numerically when every label is a number, else alphabetically, so the order does not depend
     * on row order.
     *
     * @throws DataException naming the column and row of a missing label or feature, or when the
     *         target has fewer than two classes
     * @since 0.3
     */
    public static TrainingSet fromClasses(Table table, List<String> features, String target) throws DataException {
        double[][] x = matrix(table, features);
        Column t = table.find(target).orElseThrow(() -> new DataException(table.name(), "column '" + target + "'",
                "no such column; the table has " + table.columnNames()));
        String[] labels = new String[table.rowCount()];
        for (int r = 0; r < labels.length; r++) {
            String v = t.format(r);
            boolean missing = v == null || v.isBlank()
                    || (t.type() != ColumnType.STRING && !Double.isFinite(t.asDouble(r)));
            if (missing) {
                throw new DataException(table.name(), "row " + (r + 1) + ", column '" + target + "'",
                        "class label is missing; exclude such rows before fitting a classifier");
            }
            labels[r] = v;
        }
        List<String> classes = sortedClasses(java.util.Arrays.asList(labels));
        if (classes.size() < 2) {
            throw new DataException(table.name(), "column '" + target + "'",
                    "a classifier needs at least two classes, found " + classes);
        }
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        double[] y = new double[labels.length];
        for (int r = 0; r < y.length; r++) {
            y[r] = index.get(labels[r]);
        }
        return new TrainingSet(x, y, features, target, classes);
    }

    /** Distinct labels, numerically ordered when all are numbers, else alphabetically. @since 0.3 */
    public static List<String> sortedClasses(java.util.Collection<String> labels) {
        java.util.TreeSet<String> distinct = new java.util.TreeSet<>(labels);
        boolean numeric = distinct.stream().allMatch(TrainingSet::isNumber);
        List<String> out = new ArrayList<>(distinct);
        if (numeric) {
            out.sort(java.util.Comparator.comparingDouble(Double::parseDouble));
        }
        return out;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The feature matrix of a table, checked like {@link #from}. */
    public static double[][] matrix(Table table, List<String> features) throws DataException {
        if (features.isEmpty()) {
            throw new DataException(table.name(), "", "no feature columns were given");
        }
        List<Column> cols = new ArrayList<>();
        for (String f : features) {
            cols.add(column(table, f));
        }
        double[][] x = new double[table.rowCount()][features.size()];
        for (int j = 0; j < cols.size(); j++) {
            Column c = cols.get(j);
            for (int r = 0; r < x.length; r++) {
                double v = c.asDouble(r);
                if (!Double.isFinite(v)) {
                    throw new DataException(table.name(), "row " + (r + 1) + ", column '" + c.name() + "'",
                            "feature is missing or not a finite number ('" + c.format(r)
                                    + "'); estimators need complete numeric features");
                }
                x[r][j] = v;
            }
        }
        return x;
    }

    private static Column column(Table table, String name) throws DataException {
        Column c = table.find(name).orElseThrow(() -> new DataException(table.name(), "column '" + name + "'",
                "no such column; the table has " + table.columnNames()));
        if (c.type() == ColumnType.STRING) {
            throw new DataException(table.name(), "column '" + name + "'", "holds text, numbers were expected");
        }
        return c;
    }
}

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
 *
 * @param x rows × features
 * @param y target per row
 * @param featureNames the name of each feature column
 * @param targetName the target column
 * @since 0.1
 */
public record TrainingSet(double[][] x, double[] y, List<String> featureNames, String targetName) {

    public TrainingSet {
        featureNames = List.copyOf(featureNames);
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
        return new TrainingSet(sx, sy, featureNames, targetName);
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

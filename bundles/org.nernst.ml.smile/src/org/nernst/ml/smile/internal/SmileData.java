package org.nernst.ml.smile.internal;

import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;

/**
 * Converts Nernst's row arrays to Smile data frames. Columns get generated names ({@code x0},
 * {@code x1}, ... and {@code y}) because feature names from files may hold characters that
 * Smile's formula syntax gives a meaning to; the Nernst model keeps the real names.
 */
final class SmileData {
    static final String TARGET = "y";

    private SmileData() {
    }

    /** {@code target ~ every other column}. */
    static Formula formula() {
        return Formula.lhs(TARGET);
    }

    /** The features only (for prediction); the values are copied into new columns. Needs at least one row. */
    static DataFrame frame(double[][] x, int columns) {
        String[] names = new String[columns];
        for (int j = 0; j < columns; j++) {
            names[j] = "x" + j;
        }
        return DataFrame.of(x, names);
    }

    /** Features and target (for fitting); both are copied, so Smile never holds the caller's arrays. */
    static DataFrame frame(double[][] x, int columns, double[] y) {
        return frame(x, columns).add(new DoubleVector(TARGET, y.clone()));
    }
}

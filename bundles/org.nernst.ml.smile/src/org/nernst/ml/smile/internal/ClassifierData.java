package org.nernst.ml.smile.internal;

import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/** Smile data frames for the tree classifiers: generated feature names and an integer label column. */
final class ClassifierData {
    static final String LABEL = "y";

    private ClassifierData() {
    }

    static Formula formula() {
        return Formula.lhs(LABEL);
    }

    /** Features (copied) with generated names {@code x0, x1, ...}. */
    static DataFrame features(double[][] x, int columns) {
        String[] names = new String[columns];
        for (int j = 0; j < columns; j++) {
            names[j] = "x" + j;
        }
        return DataFrame.of(x, names);
    }

    /** Features and consecutive class labels, both copied. */
    static DataFrame frame(double[][] x, int columns, int[] labels) {
        return features(x, columns).add(new IntVector(LABEL, labels.clone()));
    }
}

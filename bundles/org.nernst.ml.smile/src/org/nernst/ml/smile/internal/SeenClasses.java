package org.nernst.ml.smile.internal;

import java.io.Serializable;
import java.util.Arrays;

import org.nernst.core.ml.TrainingSet;

/**
 * The classes present in a training set and their consecutive labels 0..m−1 for Smile. A fold of
 * cross-validation may miss a class of the whole table; the model then gives that class
 * probability 0, and the probabilities still have one entry per class of the task.
 *
 * @param total number of classes of the task
 * @param seen the task's class index of each consecutive label, ascending
 */
record SeenClasses(int total, int[] seen) implements Serializable {
    private static final long serialVersionUID = 1L;

    static SeenClasses of(TrainingSet data) {
        boolean[] present = new boolean[data.classes().size()];
        for (double y : data.y()) {
            present[(int) y] = true;
        }
        return new SeenClasses(present.length,
                java.util.stream.IntStream.range(0, present.length).filter(c -> present[c]).toArray());
    }

    int count() {
        return seen.length;
    }

    /** Each row's consecutive label. */
    int[] encode(TrainingSet data) {
        int[] label = new int[data.rows()];
        for (int i = 0; i < label.length; i++) {
            label[i] = Arrays.binarySearch(seen, (int) data.y()[i]);
        }
        return label;
    }

    /** Probabilities over the seen classes as probabilities over all classes of the task. */
    double[] expand(double[] overSeen) {
        double[] p = new double[total];
        for (int j = 0; j < seen.length; j++) {
            p[seen[j]] = overSeen[j];
        }
        return p;
    }
}

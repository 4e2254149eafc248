package org.nernst.ml.smile.internal;

import java.util.SplittableRandom;

import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;

/** What every classifier estimator does before its own fit: find the classes present. */
final class SmileClassifiers {
    private SmileClassifiers() {
    }

    /** The model for a training set with a single class: that class, always. */
    static FittedModel constant(SeenClasses classes) {
        return new ClassifierModel(classes, null) {
            private static final long serialVersionUID = 1L;

            @Override
            double[][] posteriors(double[][] x) {
                throw new IllegalStateException("unreachable: one class");
            }
        };
    }

    static void requireClassification(TrainingSet data, String who) throws DataException {
        if (!data.isClassification()) {
            throw new DataException("training data for " + who, "target '" + data.targetName() + "'",
                    "a classifier needs class labels");
        }
    }

    /** One seed per tree, so a forest does not depend on threads or on how its trees are chunked. */
    static long[] treeSeeds(long seed, int trees) {
        return new SplittableRandom(seed).longs(trees).toArray();
    }
}

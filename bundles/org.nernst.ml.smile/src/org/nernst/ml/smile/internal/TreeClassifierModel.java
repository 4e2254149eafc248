package org.nernst.ml.smile.internal;

import smile.data.DataFrame;
import smile.classification.DataFrameClassifier;

/** A fitted Smile tree classifier (one tree, a forest or a boosted ensemble) with soft posteriors. */
final class TreeClassifierModel extends ClassifierModel {
    private static final long serialVersionUID = 1L;

    private final DataFrameClassifier model;
    private final int features;
    private final int seen;

    TreeClassifierModel(DataFrameClassifier model, SeenClasses classes, double[] rawImportance, int features) {
        super(classes, rawImportance == null ? null : unitSum(rawImportance));
        this.model = model;
        this.features = features;
        this.seen = classes.count();
    }

    @Override
    double[][] posteriors(double[][] x) {
        DataFrame frame = ClassifierData.features(x, features);
        double[][] p = new double[x.length][seen];
        for (int i = 0; i < x.length; i++) {
            model.predict(frame.get(i), p[i]);
        }
        return p;
    }
}

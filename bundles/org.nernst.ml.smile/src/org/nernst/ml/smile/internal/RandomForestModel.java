package org.nernst.ml.smile.internal;

import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.Prediction;

import smile.regression.RandomForest;

/** A fitted Smile forest; it holds trees only, no training rows. */
final class RandomForestModel implements FittedModel {
    private static final long serialVersionUID = 1L;

    private final RandomForest forest;
    private final int features;

    RandomForestModel(RandomForest forest, int features) {
        this.forest = forest;
        this.features = features;
    }

    @Override
    public Prediction predict(double[][] x) {
        if (x.length == 0) {
            return new Prediction(new double[0], null);
        }
        return new Prediction(forest.predict(SmileData.frame(x, features)), null);
    }

    /** Smile's impurity decrease per feature summed over trees, scaled to sum to 1. */
    @Override
    public double[] featureImportance() {
        double[] raw = forest.importance();
        double sum = 0;
        for (double v : raw) {
            sum += v;
        }
        double[] out = new double[raw.length];
        for (int j = 0; j < raw.length; j++) {
            out[j] = sum > 0 ? raw[j] / sum : 0;
        }
        return out;
    }
}

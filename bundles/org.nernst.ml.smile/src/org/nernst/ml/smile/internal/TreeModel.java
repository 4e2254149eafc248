package org.nernst.ml.smile.internal;

import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.Prediction;

import smile.regression.DataFrameRegression;

/**
 * A fitted Smile tree model — one tree, a forest or a boosted ensemble: it holds trees only, no
 * training rows, and Smile's impurity-based importance scaled to sum to 1.
 */
final class TreeModel implements FittedModel {
    private static final long serialVersionUID = 1L;

    private final DataFrameRegression model;
    private final double[] importance;
    private final int features;

    TreeModel(DataFrameRegression model, double[] rawImportance, int features) {
        this.model = model;
        this.importance = normalized(rawImportance);
        this.features = features;
    }

    @Override
    public Prediction predict(double[][] x) {
        if (x.length == 0) {
            return new Prediction(new double[0], null);
        }
        return new Prediction(model.predict(SmileData.frame(x, features)), null);
    }

    @Override
    public double[] featureImportance() {
        return importance.clone();
    }

    private static double[] normalized(double[] raw) {
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

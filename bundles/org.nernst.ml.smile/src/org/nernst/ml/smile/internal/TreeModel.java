package org.nernst.ml.smile.internal;

import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.Prediction;

import smile.regression.DataFrameRegression;

/**
 * A fitted Smile tree model — one tree, a forest or a boosted ensemble: it holds trees only, no
 * training rows, and Smile's impurity-based importance scaled to sum to 1.
 * <p>
 * Prediction goes through a {@link FlatForest} copy of the trees (the same numbers as Smile's own
 * prediction, many times faster); only the Smile model is serialized, and the flat copy is rebuilt
 * on first use after reading it back.
 */
public final class TreeModel implements FittedModel {
    private static final long serialVersionUID = 1L;

    private final DataFrameRegression model;
    private final double[] importance;
    private final int features;
    private transient volatile FlatForest flat;

    TreeModel(DataFrameRegression model, double[] rawImportance, int features) {
        this.model = model;
        this.importance = normalized(rawImportance);
        this.features = features;
        this.flat = SmileTrees.flatten(model, features); // now, so a Smile change fails the fit, not a later predict
    }

    @Override
    public Prediction predict(double[][] x) {
        if (x.length == 0) {
            return new Prediction(new double[0], null);
        }
        return new Prediction(flat().predict(x), null);
    }

    /** Smile's own prediction through a data frame: the reference the flat trees are tested against. */
    public double[] smilePredict(double[][] x) {
        return model.predict(SmileData.frame(x, features));
    }

    private FlatForest flat() {
        FlatForest f = flat;
        if (f == null) { // read back from a stream: rebuild (a race only builds the same thing twice)
            f = SmileTrees.flatten(model, features);
            flat = f;
        }
        return f;
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

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
        this.flat = SmileTrees.flatten(model, features, FlatForest.Walk.AUTO); // now, so a Smile change fails the fit, not a later predict
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

    /**
     * The flat trees' prediction with the walk chosen rather than left to the model: on the rows'
     * ranks among the split thresholds ({@code ranks} true) or on the values (false). For tests that
     * hold both walks to Smile's bits.
     *
     * @throws IllegalStateException if ranks are asked for but cannot represent these trees (a
     *         feature with more distinct thresholds than a node can index)
     */
    public double[] predictFlat(double[][] x, boolean ranks) {
        FlatForest f = SmileTrees.flatten(model, features, ranks ? FlatForest.Walk.RANKS : FlatForest.Walk.THRESHOLDS);
        if (ranks && !f.usesRanks()) {
            throw new IllegalStateException("these trees cannot be walked on ranks");
        }
        return f.predict(x);
    }

    /** True if {@link #predict} walks the trees on the rows' ranks among the thresholds (chosen for large ensembles). */
    public boolean predictsOnRanks() {
        return flat().usesRanks();
    }

    private FlatForest flat() {
        FlatForest f = flat;
        if (f == null) { // read back from a stream: rebuild (a race only builds the same thing twice)
            f = SmileTrees.flatten(model, features, FlatForest.Walk.AUTO);
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

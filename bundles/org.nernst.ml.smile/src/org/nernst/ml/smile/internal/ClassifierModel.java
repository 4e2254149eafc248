package org.nernst.ml.smile.internal;

import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.Prediction;

/**
 * A fitted classifier: subclasses give probabilities over the classes seen in training, this class
 * spreads them over all classes of the task and picks the most probable. With one class in the
 * training rows (possible in a small fold) the model always predicts that class.
 */
abstract class ClassifierModel implements FittedModel {
    private static final long serialVersionUID = 1L;

    private final SeenClasses classes;
    private final double[] importance;

    ClassifierModel(SeenClasses classes, double[] importance) {
        this.classes = classes;
        this.importance = importance;
    }

    /** Rows × seen classes; called only when two or more classes were seen. */
    abstract double[][] posteriors(double[][] x);

    @Override
    public final Prediction predict(double[][] x) {
        double[][] p = new double[x.length][];
        if (classes.count() == 1) {
            for (int i = 0; i < x.length; i++) {
                p[i] = classes.expand(new double[] { 1 });
            }
            return Prediction.ofProbabilities(p);
        }
        double[][] seen = x.length == 0 ? new double[0][] : posteriors(x);
        for (int i = 0; i < x.length; i++) {
            p[i] = classes.expand(normalized(seen[i]));
        }
        return Prediction.ofProbabilities(p);
    }

    @Override
    public double[] featureImportance() {
        return importance == null ? null : importance.clone();
    }

    /** Guards against rounding: the contract asks rows summing to 1. */
    private static double[] normalized(double[] p) {
        double s = 0;
        for (double v : p) {
            s += v;
        }
        double[] out = new double[p.length];
        for (int j = 0; j < p.length; j++) {
            out[j] = s > 0 ? p[j] / s : 1.0 / p.length;
        }
        return out;
    }

    /** Scaled to sum to 1 (all zero stays zero). */
    static double[] unitSum(double[] raw) {
        double sum = 0;
        for (double v : raw) {
            sum += Math.abs(v);
        }
        double[] out = new double[raw.length];
        for (int j = 0; j < raw.length; j++) {
            out[j] = sum > 0 ? Math.abs(raw[j]) / sum : 0;
        }
        return out;
    }
}

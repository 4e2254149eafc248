package org.nernst.ml.smile.internal;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

import smile.classification.LogisticRegression;

/**
 * L2-penalized logistic regression by {@link LogisticRegression} of Smile on standardized features:
 * binomial for two classes, multinomial (softmax) for more. Standardizing first makes the penalty
 * treat every feature alike whatever its unit. Importance is the absolute standardized coefficient
 * (summed over the classes of a multinomial model), scaled to sum to 1.
 */
public final class LogisticRegressionEstimator implements Estimator {

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor)
            throws DataException {
        SmileClassifiers.requireClassification(data, "logistic regression");
        SeenClasses classes = SeenClasses.of(data);
        if (classes.count() < 2) {
            return SmileClassifiers.constant(classes);
        }
        monitor.checkCanceled();
        int p = data.features();
        Standardizer scaler = Standardizer.fit(data.x(), p);
        LogisticRegression.Options options = new LogisticRegression.Options(parameters.number("lambda"),
                parameters.number("tolerance"), (int) parameters.integer("maxIter"));
        LogisticRegression model;
        try {
            model = LogisticRegression.fit(scaler.apply(data.x()), classes.encode(data), options);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new DataException("training data for logistic regression", "", "Smile could not fit: " + e.getMessage());
        }
        return new Model(scaler, model, classes, importance(model, p));
    }

    /** Smile keeps the intercept after the p weights of each class row. */
    private static double[] importance(LogisticRegression model, int p) {
        double[] imp = new double[p];
        if (model instanceof LogisticRegression.Binomial b) {
            double[] w = b.coefficients();
            for (int j = 0; j < p; j++) {
                imp[j] = Math.abs(w[j]);
            }
        } else if (model instanceof LogisticRegression.Multinomial m) {
            for (double[] w : m.coefficients()) {
                for (int j = 0; j < p; j++) {
                    imp[j] += Math.abs(w[j]);
                }
            }
        }
        return ClassifierModel.unitSum(imp);
    }

    private static final class Model extends ClassifierModel {
        private static final long serialVersionUID = 1L;
        private final Standardizer scaler;
        private final LogisticRegression model;
        private final int seen;

        Model(Standardizer scaler, LogisticRegression model, SeenClasses classes, double[] importance) {
            super(classes, importance);
            this.scaler = scaler;
            this.model = model;
            this.seen = classes.count();
        }

        @Override
        double[][] posteriors(double[][] x) {
            double[][] z = scaler.apply(x);
            double[][] p = new double[x.length][seen];
            for (int i = 0; i < x.length; i++) {
                model.predict(z[i], p[i]);
            }
            return p;
        }
    }
}

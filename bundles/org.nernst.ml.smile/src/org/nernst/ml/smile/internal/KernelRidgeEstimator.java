package org.nernst.ml.smile.internal;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.Prediction;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

import smile.math.kernel.GaussianKernel;
import smile.regression.GaussianProcessRegression;

/**
 * Kernel ridge regression with a Gaussian kernel on standardized features and target: weights
 * {@code (K + λI)⁻¹ y}, prediction {@code Σ wᵢ k(x, xᵢ)}. This is the posterior mean of a Gaussian
 * process with noise λ, so Smile's GP solver computes the weights; unlike the GPR estimator the
 * kernel width and λ are fixed parameters and no uncertainty is given.
 */
public final class KernelRidgeEstimator implements Estimator {

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor)
            throws DataException {
        double lambda = parameters.number("lambda");
        double sigma = parameters.number("sigma");
        monitor.checkCanceled();
        Standardizer scaler = Standardizer.fit(data.x(), data.features());
        Standardizer target = Standardizer.fit(data.y());
        double[][] z = scaler.apply(data.x());
        double[] t = new double[data.rows()];
        for (int i = 0; i < t.length; i++) {
            t[i] = target.apply(0, data.y()[i]);
        }
        GaussianKernel kernel = new GaussianKernel(sigma > 0 ? sigma : Math.sqrt(Math.max(1, data.features())));
        try {
            GaussianProcessRegression<double[]> gp = GaussianProcessRegression.fit(z, t, kernel,
                    new GaussianProcessRegression.Options(lambda, false, 1e-5, 0));
            return new Model(scaler, target, kernel, z, gp.w.toArray(new double[0]));
        } catch (ArithmeticException e) {
            throw new DataException("training data for kernel ridge regression", "parameter lambda", "K + λI is not "
                    + "positive definite (duplicate rows with λ too small?); raise lambda", e);
        }
    }

    static final class Model implements FittedModel {
        private static final long serialVersionUID = 1L;
        private final Standardizer scaler, target;
        private final GaussianKernel kernel;
        private final double[][] regressors;
        private final double[] weights;

        Model(Standardizer scaler, Standardizer target, GaussianKernel kernel, double[][] regressors, double[] weights) {
            this.scaler = scaler;
            this.target = target;
            this.kernel = kernel;
            this.regressors = regressors;
            this.weights = weights;
        }

        @Override
        public Prediction predict(double[][] x) {
            double[][] z = scaler.apply(x);
            double[] out = new double[x.length];
            for (int r = 0; r < x.length; r++) {
                double s = 0;
                for (int i = 0; i < regressors.length; i++) {
                    s += weights[i] * kernel.k(z[r], regressors[i]);
                }
                out[r] = target.restore(0, s);
            }
            return new Prediction(out, null);
        }
    }
}

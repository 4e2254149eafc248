package com.example.nernst.extras.internal;

import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.Prediction;

/**
 * A fitted Bayesian ridge: posterior mean and covariance of the standardized coefficients and
 * the noise variance. Predictive variance = noise + zᵀ S z.
 */
record BayesianRidgeModel(Standardizer standardizer, double intercept, double[] coefficients, double[][] covariance,
        double noiseVariance) implements FittedModel {

    @Override
    public Prediction predict(double[][] x) {
        double[] mean = new double[x.length], std = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] z = standardizer.apply(x[i]);
            mean[i] = intercept + BayesianRidgeEstimator.dot(coefficients, z);
            double var = noiseVariance;
            for (int a = 0; a < z.length; a++) {
                var += z[a] * BayesianRidgeEstimator.dot(covariance[a], z);
            }
            std[i] = Math.sqrt(var);
        }
        return new Prediction(mean, std);
    }

    @Override
    public double[] featureImportance() {
        double[] imp = new double[coefficients.length];
        for (int j = 0; j < imp.length; j++) {
            imp[j] = Math.abs(coefficients[j]);
        }
        return imp;
    }
}

package com.example.nernst.extras.internal;

import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

/**
 * Bayesian ridge regression: the evidence approximation of MacKay (1992) as in Bishop, PRML §3.5.
 * One eigen-decomposition of XᵀX makes every update of the precisions cheap; no randomness, so the
 * seed is unused.
 */
public final class BayesianRidgeEstimator implements Estimator {
    /** Keeps precisions away from 0 and ∞ on degenerate data (constant target, exact fit). */
    private static final double TINY = 1e-12;

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor) {
        int n = data.rows(), p = data.features();
        Standardizer s = Standardizer.of(data.x());
        double yMean = 0;
        for (double v : data.y()) {
            yMean += v / n;
        }
        double[][] x = s.apply(data.x());
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = data.y()[i] - yMean;
        }
        RealMatrix xm = MatrixUtils.createRealMatrix(x);
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(xm.transposeMultiply(xm));
        double[] lambda = eig.getEigenvalues();
        RealMatrix v = eig.getV();
        double[] xty = xm.transpose().operate(y);
        double[] vtXty = v.transpose().operate(xty);

        double alpha = 1.0, beta = 1.0 / Math.max(TINY, variance(y));
        int maxIterations = (int) parameters.integer("maxIterations");
        double tolerance = parameters.number("tolerance");
        double[] m = new double[p];
        for (int it = 0; it < maxIterations; it++) {
            monitor.checkCanceled();
            m = posteriorMean(v, lambda, vtXty, alpha, beta);
            double gamma = 0;
            for (double l : lambda) {
                gamma += beta * Math.max(l, 0) / (alpha + beta * Math.max(l, 0));
            }
            double mm = dot(m, m), sse = 0;
            double[] fitted = xm.operate(m);
            for (int i = 0; i < n; i++) {
                sse += (y[i] - fitted[i]) * (y[i] - fitted[i]);
            }
            double newAlpha = Math.max(TINY, gamma / Math.max(TINY, mm));
            double newBeta = Math.max(TINY, Math.max(n - gamma, TINY) / Math.max(TINY, sse));
            boolean done = Math.abs(newAlpha - alpha) <= tolerance * alpha && Math.abs(newBeta - beta) <= tolerance * beta;
            alpha = newAlpha;
            beta = newBeta;
            if (done) {
                break;
            }
        }
        m = posteriorMean(v, lambda, vtXty, alpha, beta);
        // posterior covariance S = V diag(1 / (alpha + beta λ)) Vᵀ
        double[][] cov = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double c = 0;
                for (int k = 0; k < p; k++) {
                    c += v.getEntry(a, k) * v.getEntry(b, k) / (alpha + beta * Math.max(lambda[k], 0));
                }
                cov[a][b] = c;
            }
        }
        return new BayesianRidgeModel(s, yMean, m, cov, 1.0 / beta);
    }

    private static double[] posteriorMean(RealMatrix v, double[] lambda, double[] vtXty, double alpha, double beta) {
        int p = lambda.length;
        double[] scaled = new double[p];
        for (int k = 0; k < p; k++) {
            scaled[k] = beta * vtXty[k] / (alpha + beta * Math.max(lambda[k], 0));
        }
        return v.operate(scaled);
    }

    private static double variance(double[] centred) {
        double s = 0;
        for (double c : centred) {
            s += c * c;
        }
        return s / centred.length;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}

package org.nernst.ml.smile.internal;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.Prediction;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

/**
 * Partial least squares regression (PLS1, NIPALS) on standardized features: a few latent
 * components that explain the target, for many correlated descriptors and few rows (spectra,
 * dQ/dV curves, composition descriptors). Smile has no PLS; the algorithm is short and written here.
 * The result is a linear model, so importance is the absolute standardized coefficient.
 */
public final class PlsEstimator implements Estimator {

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor)
            throws DataException {
        int n = data.rows(), p = data.features();
        int components = (int) Math.min(parameters.integer("components"), Math.min(p, Math.max(1, n - 1)));
        monitor.checkCanceled();
        Standardizer scaler = Standardizer.fit(data.x(), p);
        double[][] x = scaler.apply(data.x());
        double yMean = 0;
        for (double v : data.y()) {
            yMean += v / n;
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = data.y()[i] - yMean;
        }
        double[][] w = new double[components][], loadings = new double[components][];
        double[] q = new double[components];
        int used = 0;
        for (int a = 0; a < components; a++) {
            double[] wa = new double[p];
            for (int j = 0; j < p; j++) {
                for (int i = 0; i < n; i++) {
                    wa[j] += x[i][j] * y[i];
                }
            }
            double norm = Math.sqrt(dot(wa, wa));
            if (norm < 1e-12) {
                break; // nothing left to explain
            }
            for (int j = 0; j < p; j++) {
                wa[j] /= norm;
            }
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = dot(x[i], wa);
            }
            double tt = dot(t, t);
            double[] pa = new double[p];
            for (int j = 0; j < p; j++) {
                for (int i = 0; i < n; i++) {
                    pa[j] += x[i][j] * t[i];
                }
                pa[j] /= tt;
            }
            q[a] = dot(y, t) / tt;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    x[i][j] -= t[i] * pa[j];
                }
                y[i] -= q[a] * t[i];
            }
            w[a] = wa;
            loadings[a] = pa;
            used++;
        }
        // coefficients on standardized features: W (PᵀW)⁻¹ q, with PᵀW upper triangular (unit diagonal)
        double[] c = new double[used];
        for (int a = used - 1; a >= 0; a--) {
            double s = q[a];
            for (int b = a + 1; b < used; b++) {
                s -= dot(loadings[a], w[b]) * c[b];
            }
            c[a] = s / dot(loadings[a], w[a]);
        }
        double[] beta = new double[p];
        for (int a = 0; a < used; a++) {
            for (int j = 0; j < p; j++) {
                beta[j] += w[a][j] * c[a];
            }
        }
        return new Model(scaler, beta, yMean);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static final class Model implements FittedModel {
        private static final long serialVersionUID = 1L;
        private final Standardizer scaler;
        private final double[] beta;
        private final double intercept;

        Model(Standardizer scaler, double[] beta, double intercept) {
            this.scaler = scaler;
            this.beta = beta;
            this.intercept = intercept;
        }

        @Override
        public Prediction predict(double[][] x) {
            double[][] z = scaler.apply(x);
            double[] out = new double[x.length];
            for (int r = 0; r < x.length; r++) {
                out[r] = intercept + dot(z[r], beta);
            }
            return new Prediction(out, null);
        }

        @Override
        public double[] featureImportance() {
            double[] out = new double[beta.length];
            for (int j = 0; j < out.length; j++) {
                out[j] = Math.abs(beta[j]);
            }
            return out;
        }
    }
}

package org.nernst.ml.smile.internal;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.Prediction;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

import smile.math.kernel.GaussianKernel;
import smile.regression.KernelMachine;
import smile.regression.SVM;

/**
 * Support vector regression by {@link SVM} of Smile with a Gaussian (RBF) kernel, on standardized
 * features and target (so ε and the kernel width are in standard deviations, as for the GPR).
 */
public final class SvrEstimator implements Estimator {

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor)
            throws DataException {
        double c = parameters.number("c");
        double epsilon = parameters.number("epsilon");
        double sigma = parameters.number("sigma");
        monitor.checkCanceled();
        int p = data.features();
        Standardizer scaler = Standardizer.fit(data.x(), p);
        double mean = 0;
        for (double v : data.y()) {
            mean += v;
        }
        mean /= data.rows();
        double var = 0;
        for (double v : data.y()) {
            var += (v - mean) * (v - mean);
        }
        double sd = data.rows() > 1 ? Math.sqrt(var / (data.rows() - 1)) : 0;
        if (!(sd > 0)) {
            sd = 1;
        }
        double[][] z = scale(scaler, data.x(), p);
        double[] t = new double[data.rows()];
        for (int i = 0; i < t.length; i++) {
            t[i] = (data.y()[i] - mean) / sd;
        }
        double width = sigma > 0 ? sigma : Math.sqrt(Math.max(1, p));
        KernelMachine<double[]> m = SVM.fit(z, t, new GaussianKernel(width), new SVM.Options(epsilon, c));
        return new Model(scaler, m, p, mean, sd);
    }

    private static double[][] scale(Standardizer scaler, double[][] x, int p) {
        double[][] z = new double[x.length][p];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < p; j++) {
                z[i][j] = scaler.constant(j) ? 0 : scaler.apply(j, x[i][j]);
            }
        }
        return z;
    }

    static final class Model implements FittedModel {
        private static final long serialVersionUID = 1L;
        private final Standardizer scaler;
        private final KernelMachine<double[]> machine;
        private final int features;
        private final double mean, sd;

        Model(Standardizer scaler, KernelMachine<double[]> machine, int features, double mean, double sd) {
            this.scaler = scaler;
            this.machine = machine;
            this.features = features;
            this.mean = mean;
            this.sd = sd;
        }

        @Override
        public Prediction predict(double[][] x) {
            double[][] z = scale(scaler, x, features);
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = mean + sd * machine.predict(z[i]);
            }
            return new Prediction(out, null);
        }
    }
}

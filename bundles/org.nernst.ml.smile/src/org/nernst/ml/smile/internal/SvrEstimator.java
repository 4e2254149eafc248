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
        Standardizer target = Standardizer.fit(data.y());
        double[][] z = scaler.apply(data.x());
        double[] t = new double[data.rows()];
        for (int i = 0; i < t.length; i++) {
            t[i] = target.apply(0, data.y()[i]);
        }
        double width = sigma > 0 ? sigma : Math.sqrt(Math.max(1, p));
        KernelMachine<double[]> m = SVM.fit(z, t, new GaussianKernel(width), new SVM.Options(epsilon, c));
        return new Model(scaler, target, m);
    }

    static final class Model implements FittedModel {
        private static final long serialVersionUID = 1L;
        private final Standardizer scaler, target;
        private final KernelMachine<double[]> machine;

        Model(Standardizer scaler, Standardizer target, KernelMachine<double[]> machine) {
            this.scaler = scaler;
            this.target = target;
            this.machine = machine;
        }

        @Override
        public Prediction predict(double[][] x) {
            double[][] z = scaler.apply(x);
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = target.restore(0, machine.predict(z[i]));
            }
            return new Prediction(out, null);
        }
    }
}

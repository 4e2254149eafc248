package org.nernst.ml.smile.internal;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

import smile.classification.PlattScaling;
import smile.classification.SVM;
import smile.math.kernel.GaussianKernel;

/**
 * Soft-margin support vector classification with a Gaussian kernel by {@link SVM} of Smile (LASVM)
 * on standardized features. An SVM separates two classes; with more, one machine per class is
 * trained against all the others (one-versus-rest). Each machine's score becomes a probability by
 * Platt scaling fitted on the training rows' scores, and the probabilities of a row are normalized
 * to sum to 1 (for two classes: one machine, P(second class) = Platt(score)). Platt scaling on
 * training scores is optimistic for a flexible kernel; use the class, or cross-validated log loss,
 * rather than the raw probability as a calibrated number.
 */
public final class SvmClassifierEstimator implements Estimator {

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor)
            throws DataException {
        SmileClassifiers.requireClassification(data, "SVM classifier");
        SeenClasses classes = SeenClasses.of(data);
        if (classes.count() < 2) {
            return SmileClassifiers.constant(classes);
        }
        int p = data.features();
        Standardizer scaler = Standardizer.fit(data.x(), p);
        double[][] z = scaler.apply(data.x());
        int[] label = classes.encode(data);
        double sigma = parameters.number("sigma");
        double width = sigma > 0 ? sigma : Math.sqrt(p);
        SVM.Options options = new SVM.Options(parameters.number("c"), parameters.number("tolerance"), 1);
        // LASVM visits rows in an order drawn from Smile's thread-local generator
        smile.math.MathEx.setSeed(seed);
        int machines = classes.count() == 2 ? 1 : classes.count();
        Machine[] m = new Machine[machines];
        for (int c = 0; c < machines; c++) {
            monitor.checkCanceled();
            // for two classes the single machine's positive class is the second one
            int positive = machines == 1 ? 1 : c;
            int[] pm = new int[label.length];
            for (int i = 0; i < pm.length; i++) {
                pm[i] = label[i] == positive ? 1 : -1;
            }
            SVM<double[]> svm;
            try {
                svm = SVM.fit(z, pm, new GaussianKernel(width), options);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new DataException("training data for SVM classifier", "", "Smile could not fit: " + e.getMessage());
            }
            double[] scores = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                scores[i] = svm.score(z[i]);
            }
            m[c] = new Machine(svm, PlattScaling.fit(scores, pm));
        }
        return new Model(scaler, m, classes);
    }

    private record Machine(SVM<double[]> svm, PlattScaling platt) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        double probability(double[] z) {
            return platt.scale(svm.score(z));
        }
    }

    private static final class Model extends ClassifierModel {
        private static final long serialVersionUID = 1L;
        private final Standardizer scaler;
        private final Machine[] machines;
        private final int seen;

        Model(Standardizer scaler, Machine[] machines, SeenClasses classes) {
            super(classes, null);
            this.scaler = scaler;
            this.machines = machines;
            this.seen = classes.count();
        }

        @Override
        double[][] posteriors(double[][] x) {
            double[][] z = scaler.apply(x);
            double[][] out = new double[x.length][seen];
            for (int i = 0; i < x.length; i++) {
                if (machines.length == 1) {
                    double p1 = machines[0].probability(z[i]);
                    out[i][0] = 1 - p1;
                    out[i][1] = p1;
                } else {
                    for (int c = 0; c < seen; c++) {
                        out[i][c] = machines[c].probability(z[i]);
                    }
                }
            }
            return out;
        }
    }
}

package org.nernst.ml.smile.internal;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

/**
 * Gaussian process regression with a Gaussian (RBF) kernel, by Smile's
 * {@link smile.regression.GaussianProcessRegression}, on standardized features and target. It makes
 * no random choices, so the seed is not used.
 */
public final class GaussianProcessEstimator implements Estimator {
    /** The kernel matrix has rows² entries and is factorized in rows³ time; beyond this, subsample. */
    static final int MAX_ROWS = 3000;

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor)
            throws DataException {
        double lengthScale = parameters.number("lengthScale");
        double noise = parameters.number("noise");
        boolean optimize = parameters.bool("optimize");
        if (data.rows() > MAX_ROWS) {
            throw new DataException("training data for Gaussian process regression", "",
                    data.rows() + " rows; exact Gaussian processes need memory growing with rows squared and time with"
                            + " rows cubed, so at most " + MAX_ROWS + " rows are accepted: subsample the rows or use a"
                            + " random forest");
        }
        Standardizer xScale = Standardizer.fit(data.x(), data.features());
        Standardizer yScale = Standardizer.fit(data.y());
        double[][] z = xScale.apply(data.x());
        double[] t = new double[data.rows()];
        for (int i = 0; i < t.length; i++) {
            t[i] = yScale.apply(0, data.y()[i]);
        }
        MarginalLikelihood.Choice h = optimize
                ? MarginalLikelihood.maximize(z, t, lengthScale, noise, monitor)
                : new MarginalLikelihood.Choice(lengthScale > 0 ? lengthScale : MarginalLikelihood.medianDistance(z),
                        noise, Double.NaN, 0);
        monitor.checkCanceled();
        try {
            return GaussianProcessModel.fit(z, t, h.lengthScale(), h.noise(), xScale, yScale);
        } catch (ArithmeticException e) {
            throw new DataException("training data for Gaussian process regression", "",
                    "the kernel matrix is not positive definite with length scale " + h.lengthScale() + " and noise "
                            + h.noise() + " (often duplicate rows with a tiny noise); increase the noise parameter",
                    e);
        }
    }
}

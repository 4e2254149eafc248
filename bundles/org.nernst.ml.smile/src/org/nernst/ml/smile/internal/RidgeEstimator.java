package org.nernst.ml.smile.internal;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

import smile.regression.RidgeRegression;

/** Ridge regression by {@link RidgeRegression} of Smile, on standardized features. */
public final class RidgeEstimator implements Estimator {

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor)
            throws DataException {
        double lambda = parameters.number("lambda");
        monitor.checkCanceled();
        return StandardizedLinearModel.fit(data, (frame, rows, columns) -> {
            try {
                return RidgeRegression.fit(SmileData.formula(), frame, lambda);
            } catch (ArithmeticException e) {
                // Smile's Cholesky fails when lambda is 0 and features are exactly collinear.
                throw new DataException("training data for ridge regression", "features " + data.featureNames(),
                        "are linearly dependent, so the least-squares problem has no unique solution; set lambda above 0",
                        e);
            }
        });
    }
}

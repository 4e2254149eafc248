package org.nernst.ml.smile.internal;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

/**
 * Ridge regression on standardized features: Smile's {@code RidgeRegression} computation, done on
 * the rows directly by {@link RidgeSolver} (same coefficients to rounding, without the data frame).
 */
public final class RidgeEstimator implements Estimator {

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor)
            throws DataException {
        double lambda = parameters.number("lambda");
        monitor.checkCanceled();
        return StandardizedLinearModel.fit(data, (StandardizedLinearModel.MatrixSolver) (z, y) -> {
            try {
                return RidgeSolver.fit(z, y, lambda);
            } catch (ArithmeticException e) {
                // Smile's Cholesky fails when lambda is 0 and features are exactly collinear.
                throw new DataException("training data for ridge regression", "features " + data.featureNames(),
                        "are linearly dependent, so the least-squares problem has no unique solution; set lambda above 0",
                        e);
            }
        });
    }

    /** The same model through Smile's formula and data frame route: the reference the direct fit is tested against. */
    public static FittedModel fitThroughSmile(TrainingSet data, double lambda) throws DataException {
        return StandardizedLinearModel.fit(data,
                (frame, rows, columns) -> smile.regression.RidgeRegression.fit(SmileData.formula(), frame, lambda));
    }
}

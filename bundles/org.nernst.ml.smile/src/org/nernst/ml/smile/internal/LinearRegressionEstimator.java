package org.nernst.ml.smile.internal;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

import smile.regression.OLS;

/**
 * Ordinary least squares by {@link OLS} of Smile. SVD rather than Smile's default QR, because
 * cycling features are often nearly collinear and SVD still gives the minimum-norm solution.
 */
public final class LinearRegressionEstimator implements Estimator {

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor)
            throws DataException {
        monitor.checkCanceled();
        return StandardizedLinearModel.fit(data, (frame, rows, columns) -> {
            if (rows <= columns + 1) {
                throw new DataException("training data for linear regression", "",
                        rows + " rows for " + columns + " varying features and an intercept: least squares needs more rows"
                                + " than coefficients; add rows, drop features or use ridge regression");
            }
            return OLS.fit(SmileData.formula(), frame, new OLS.Options(OLS.Method.SVD, false, false));
        });
    }
}

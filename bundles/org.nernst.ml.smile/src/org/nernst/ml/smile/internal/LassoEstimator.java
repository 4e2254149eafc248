package org.nernst.ml.smile.internal;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

import smile.regression.LASSO;

/**
 * LASSO by {@link LASSO} of Smile (interior-point solver) on standardized features: least squares
 * plus {@code lambda * sum|w|}, which sets the coefficients of uninformative features to zero.
 */
public final class LassoEstimator implements Estimator {

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor)
            throws DataException {
        double lambda = parameters.number("lambda");
        monitor.checkCanceled();
        return StandardizedLinearModel.fit(data, (frame, rows, columns) -> LASSO.fit(SmileData.formula(), frame,
                new LASSO.Options(lambda)));
    }
}

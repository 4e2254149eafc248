package org.nernst.ml.smile.internal;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

import smile.regression.ElasticNet;

/**
 * Elastic net by {@link ElasticNet} of Smile on standardized features: least squares plus
 * {@code lambda1 * sum|w| + lambda2 * sum w²}, sparse like the LASSO yet stable with correlated
 * features (the model of Severson et al. 2019 for cycle life).
 */
public final class ElasticNetEstimator implements Estimator {

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor)
            throws DataException {
        double l1 = parameters.number("lambda1");
        double l2 = parameters.number("lambda2");
        monitor.checkCanceled();
        return StandardizedLinearModel.fit(data, (frame, rows, columns) -> ElasticNet.fit(SmileData.formula(), frame, l1, l2));
    }
}

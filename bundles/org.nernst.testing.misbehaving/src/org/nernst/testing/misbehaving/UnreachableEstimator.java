package org.nernst.testing.misbehaving;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

/** Never used: loading it activates the bundle, whose activator throws. */
public final class UnreachableEstimator implements Estimator {

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor) {
        throw new AssertionError("the bundle's activation should have failed first");
    }
}

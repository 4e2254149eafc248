package org.nernst.estimation.internal;

import org.nernst.estimation.kalman.UnscentedKalmanFilter;
import org.nernst.estimation.kalman.Noise;
import org.nernst.estimation.kalman.SocTrace;
import org.nernst.twin.ecm.EcmParameters;

/** {@code org.nernst.estimation.ukf}. */
public final class UkfEstimator extends KalmanEstimator {
    @Override
    SocTrace filter(EcmParameters model, double temperature, Noise noise, double[] t, double[] i, double[] v,
            double soc0) {
        return new UnscentedKalmanFilter(model, temperature, noise).run(t, i, v, soc0);
    }

    @Override
    String label() {
        return "UKF";
    }
}

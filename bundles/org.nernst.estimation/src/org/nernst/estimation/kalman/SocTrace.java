package org.nernst.estimation.kalman;

/**
 * Per-sample output of a SOC estimator: SOC, its standard deviation, the predicted terminal voltage
 * before the sample's update and the innovation (measured − predicted).
 */
public record SocTrace(double[] soc, double[] socStd, double[] voltage, double[] innovation) {
    public static SocTrace of(int n) {
        return new SocTrace(new double[n], new double[n], new double[n], new double[n]);
    }
}

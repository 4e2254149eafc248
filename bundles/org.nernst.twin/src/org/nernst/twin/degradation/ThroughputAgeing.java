package org.nernst.twin.degradation;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * The empirical cycle-ageing model of Wang et al. (J. Power Sources 196 (2011) 3942, graphite/LFP
 * cells): capacity loss grows as a power of the charge throughput, with Arrhenius temperature
 * dependence,
 * <pre>
 * Q_loss [%] = B · exp(−Ea / (R·T)) · Ah^z
 * </pre>
 * Wang et al. found z ≈ 0.55 and Ea ≈ 31.5 kJ/mol at C/2. {@link #fit} estimates B, Ea and z for
 * another cell from its capacity fade at one or more temperatures.
 *
 * @param b pre-exponential factor B (% per Ah^z)
 * @param activationEnergy Ea (J/mol)
 * @param z throughput exponent
 */
public record ThroughputAgeing(double b, double activationEnergy, double z) {

    /** Capacity loss (% of initial) after {@code throughputAh} of discharge at {@code temperatureC}. */
    public double lossPercent(double throughputAh, double temperatureC) {
        if (throughputAh <= 0) {
            return 0;
        }
        return b * Math.exp(-activationEnergy / (SeiGrowth.GAS_CONSTANT * (temperatureC + 273.15)))
                * Math.pow(throughputAh, z);
    }

    /**
     * A least-squares fit and its quality.
     *
     * @param model the fitted parameters
     * @param lnBStdError, eaStdError, zStdError standard errors from the Jacobian at the optimum
     * @param rmse root-mean-square residual (% of initial capacity)
     * @param points number of points fitted
     */
    public record Fit(ThroughputAgeing model, double lnBStdError, double eaStdError, double zStdError, double rmse,
            int points) {
    }

    /**
     * Fits B, Ea and z to capacity losses by Levenberg–Marquardt (Hipparchus), in the parameters
     * (ln B, Ea in kJ/mol, z) so that all three are of order one. The start comes from the linear least
     * squares of ln Q = ln B − Ea/(RT) + z ln Ah over the points with a positive loss; with a single
     * temperature Ea is not identifiable and stays at Wang's 31.5 kJ/mol.
     *
     * @param throughputAh cumulative discharged charge of each point
     * @param temperatureC temperature of each point
     * @param lossPercent capacity loss of each point (% of initial; may be ≤ 0 early on)
     */
    public static Fit fit(double[] throughputAh, double[] temperatureC, double[] lossPercent) {
        int n = throughputAh.length;
        if (n < 4 || temperatureC.length != n || lossPercent.length != n) {
            throw new IllegalArgumentException("need at least 4 points with one temperature and one loss each");
        }
        boolean oneTemperature = true;
        for (double t : temperatureC) {
            oneTemperature &= t == temperatureC[0];
        }
        double[] start = logLinearStart(throughputAh, temperatureC, lossPercent, oneTemperature);
        final boolean fixEa = oneTemperature;
        // with Ea fixed the problem has two parameters (ln B, z), so the covariance stays regular
        int np = fixEa ? 2 : 3;
        double[] initial = fixEa ? new double[] { start[0], start[2] } : start;
        LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .start(initial)
                .target(new ArrayRealVector(lossPercent))
                .maxEvaluations(10_000)
                .maxIterations(10_000)
                .model(p -> {
                    double lnB = p.getEntry(0);
                    double ea = fixEa ? start[1] : p.getEntry(1);
                    double z = p.getEntry(np - 1);
                    double[] v = new double[n];
                    double[][] j = new double[n][np];
                    for (int i = 0; i < n; i++) {
                        double rt = SeiGrowth.GAS_CONSTANT * (temperatureC[i] + 273.15);
                        double ah = Math.max(throughputAh[i], 1e-9);
                        v[i] = Math.exp(lnB - ea * 1000 / rt + z * Math.log(ah));
                        j[i][0] = v[i];
                        if (!fixEa) {
                            j[i][1] = -v[i] * 1000 / rt;
                        }
                        j[i][np - 1] = v[i] * Math.log(ah);
                    }
                    RealMatrix jac = new Array2DRowRealMatrix(j, false);
                    return new Pair<>(new ArrayRealVector(v, false), jac);
                })
                .build());
        double[] q = opt.getPoint().toArray();
        double[] p = fixEa ? new double[] { q[0], start[1], q[1] } : q;
        double[] se = { Double.NaN, Double.NaN, Double.NaN };
        try {
            double[] s = opt.getSigma(1e-12).toArray();
            // getSigma assumes unit residual variance: scale by the residual standard deviation
            double scale = opt.getRMS() * Math.sqrt((double) n / Math.max(1, n - np));
            se = fixEa ? new double[] { s[0] * scale, Double.NaN, s[1] * scale }
                    : new double[] { s[0] * scale, s[1] * scale, s[2] * scale };
        } catch (RuntimeException singular) {
            // a singular Jacobian leaves the errors unknown
        }
        return new Fit(new ThroughputAgeing(Math.exp(p[0]), p[1] * 1000, p[2]), se[0], se[1] * 1000, se[2],
                opt.getRMS(), n);
    }

    private static double[] logLinearStart(double[] ah, double[] tc, double[] loss, boolean oneTemperature) {
        // normal equations of ln Q = c0 + c1·(−1000/RT) + c2·ln Ah over the positive losses
        int k = oneTemperature ? 2 : 3;
        double[][] ata = new double[k][k];
        double[] atb = new double[k];
        int used = 0;
        for (int i = 0; i < ah.length; i++) {
            if (loss[i] > 0 && ah[i] > 0) {
                double rt = SeiGrowth.GAS_CONSTANT * (tc[i] + 273.15);
                double[] row = oneTemperature ? new double[] { 1, Math.log(ah[i]) }
                        : new double[] { 1, -1000 / rt, Math.log(ah[i]) };
                for (int a = 0; a < k; a++) {
                    atb[a] += row[a] * Math.log(loss[i]);
                    for (int b = 0; b < k; b++) {
                        ata[a][b] += row[a] * row[b];
                    }
                }
                used++;
            }
        }
        double wangEa = 31.5;
        if (used < k + 1) {
            return new double[] { Math.log(1) + wangEa * 1000 / (SeiGrowth.GAS_CONSTANT * 298.15), wangEa, 0.55 };
        }
        double[] c = new org.hipparchus.linear.LUDecomposition(new Array2DRowRealMatrix(ata))
                .getSolver().solve(new ArrayRealVector(atb)).toArray();
        if (oneTemperature) {
            double rt = SeiGrowth.GAS_CONSTANT * (tc[0] + 273.15);
            return new double[] { c[0] + wangEa * 1000 / rt, wangEa, c[1] };
        }
        return new double[] { c[0], c[1], c[2] };
    }
}

package org.nernst.estimation.health;

import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * The empirical double-exponential capacity fade model C(k) = a·e^{b·k} + c·e^{d·k} over the
 * cycle number k (He, Williard, Osterman and Pecht, J. Power Sources 196 (2011) 10314, who run
 * it in a particle filter; the Bayesian prognostics framework on the NASA PCoE cells is Saha,
 * Goebel, Poll and Christophersen, IEEE Trans. Instrum. Meas. 58 (2009) 291).
 * <p>
 * The cycle number enters scaled by {@link #SCALE} so that b and d are of order one and the least
 * squares problem is well conditioned.
 */
public record DoubleExponentialFade(double a, double b, double c, double d) {

    /** Cycles per unit of the model's internal cycle variable. */
    public static final double SCALE = 100.0;

    public double capacity(double cycle) {
        double x = cycle / SCALE;
        return a * Math.exp(b * x) + c * Math.exp(d * x);
    }

    double[] toArray() {
        return new double[] { a, b, c, d };
    }

    static DoubleExponentialFade of(double[] p) {
        return new DoubleExponentialFade(p[0], p[1], p[2], p[3]);
    }

    /**
     * Least-squares fit (Levenberg–Marquardt, Hipparchus) started from a slow and a fast decay that
     * share the first capacity: C ≈ 0.9·C₀·e^{-0.05x} + 0.1·C₀·e^{-x} before fitting.
     */
    public static DoubleExponentialFade fit(double[] cycles, double[] capacity) {
        int n = cycles.length;
        if (n < 4 || capacity.length != n) {
            throw new IllegalArgumentException("the double-exponential fit needs at least 4 cycles, got " + n);
        }
        double c0 = capacity[0];
        double[] start = { 0.95 * c0, -0.05, 0.05 * c0, 0.5 };
        RealVector target = new ArrayRealVector(capacity);
        LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .start(start)
                .target(target)
                .maxEvaluations(10_000)
                .maxIterations(10_000)
                .model(p -> {
                    double[] v = new double[n];
                    double[][] j = new double[n][4];
                    for (int i = 0; i < n; i++) {
                        double x = cycles[i] / SCALE;
                        double e1 = Math.exp(p.getEntry(1) * x);
                        double e2 = Math.exp(p.getEntry(3) * x);
                        v[i] = p.getEntry(0) * e1 + p.getEntry(2) * e2;
                        j[i][0] = e1;
                        j[i][1] = p.getEntry(0) * x * e1;
                        j[i][2] = e2;
                        j[i][3] = p.getEntry(2) * x * e2;
                    }
                    RealMatrix jac = new Array2DRowRealMatrix(j, false);
                    return new Pair<>(new ArrayRealVector(v, false), jac);
                })
                .build());
        return of(opt.getPoint().toArray());
    }

    /** Root-mean-square residual of this model on the data. */
    public double rmse(double[] cycles, double[] capacity) {
        double s = 0;
        for (int i = 0; i < cycles.length; i++) {
            double r = capacity(cycles[i]) - capacity[i];
            s += r * r;
        }
        return Math.sqrt(s / cycles.length);
    }
}

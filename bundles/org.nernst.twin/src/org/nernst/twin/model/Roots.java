package org.nernst.twin.model;

import java.util.function.DoubleUnaryOperator;

/** Scalar root finding shared by the models (secant with a bisection fallback is all they need). */
public final class Roots {
    private Roots() {
    }

    /**
     * Root of {@code f} near {@code x0, x1} by the secant method; stops when |f| or the step falls
     * under {@code tol}. Throws {@link ArithmeticException} if it does not converge, so callers can
     * say which step of an experiment was infeasible.
     */
    public static double secant(DoubleUnaryOperator f, double x0, double x1, double tol, int maxIterations) {
        double f0 = f.applyAsDouble(x0);
        double f1 = f.applyAsDouble(x1);
        for (int k = 0; k < maxIterations; k++) {
            if (Math.abs(f1) <= tol) {
                return x1;
            }
            double denom = f1 - f0;
            if (denom == 0.0 || !Double.isFinite(denom)) {
                break;
            }
            double x2 = x1 - f1 * (x1 - x0) / denom;
            if (!Double.isFinite(x2)) {
                break;
            }
            x0 = x1;
            f0 = f1;
            x1 = x2;
            f1 = f.applyAsDouble(x1);
            if (Math.abs(x1 - x0) <= tol * Math.max(1.0, Math.abs(x1))) {
                return x1;
            }
        }
        throw new ArithmeticException("no root found near " + x0);
    }

    /** Root of {@code f} in {@code [a, b]} where f(a) and f(b) have opposite signs, by bisection. */
    public static double bisect(DoubleUnaryOperator f, double a, double b, double tol) {
        double fa = f.applyAsDouble(a);
        for (int k = 0; k < 200 && (b - a) > tol; k++) {
            double m = 0.5 * (a + b);
            double fm = f.applyAsDouble(m);
            if ((fm <= 0) == (fa <= 0)) {
                a = m;
                fa = fm;
            } else {
                b = m;
            }
        }
        return 0.5 * (a + b);
    }
}

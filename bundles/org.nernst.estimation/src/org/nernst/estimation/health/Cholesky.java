package org.nernst.estimation.health;

/** Lower Cholesky factor of a small dense symmetric positive definite matrix, with solves. */
final class Cholesky {
    final double[][] l;
    final int n;

    /** @throws ArithmeticException when the matrix is not positive definite */
    Cholesky(double[][] a) {
        n = a.length;
        l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                double[] li = l[i];
                double[] lj = l[j];
                for (int k = 0; k < j; k++) {
                    s -= li[k] * lj[k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new ArithmeticException("matrix not positive definite at " + i);
                    }
                    li[i] = Math.sqrt(s);
                } else {
                    li[j] = s / lj[j];
                }
            }
        }
    }

    /** Solves L·x = b. */
    double[] forward(double[] b) {
        double[] x = b.clone();
        for (int i = 0; i < n; i++) {
            double s = x[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /** Solves Lᵀ·x = b. */
    double[] backward(double[] b) {
        double[] x = b.clone();
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /** Solves A·x = b. */
    double[] solve(double[] b) {
        return backward(forward(b));
    }

    /** log det A. */
    double logDet() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(l[i][i]);
        }
        return 2 * s;
    }
}

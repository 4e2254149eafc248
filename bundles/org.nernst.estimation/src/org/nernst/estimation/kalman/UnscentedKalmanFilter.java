package org.nernst.estimation.kalman;

import org.nernst.twin.ecm.EcmParameters;

/**
 * Unscented Kalman filter for SOC on the equivalent-circuit model, state {@code soc, v_rc1 … v_rcn}
 * (n ≤ 3 pairs, so dimension ≤ 4): 2·dim + 1 sigma points (Julier's κ = 3 − dim, β = 2), additive
 * process and measurement noise. Sigma points go through the model's exact step and its voltage
 * equation, so no derivative of the OCV is needed — the difference to the EKF shows where the OCV
 * curve bends. Allocation-free loop; Cholesky of the ≤ 4×4 covariance by hand.
 */
public final class UnscentedKalmanFilter {
    private final EcmParameters p;
    private final double temperature;
    private final Noise noise;
    private final int n;
    private final int m;
    private final double wm0;
    private final double wc0;
    private final double wi;
    private final double spread;
    private final double[] x = new double[4];
    private final double[] pm = new double[16];
    private final double[] l = new double[16];
    private final double[] sig = new double[9 * 4];
    private final double[] ys = new double[9];
    private final double[] pxy = new double[4];

    public UnscentedKalmanFilter(EcmParameters parameters, double temperatureC, Noise noise) {
        this.p = parameters;
        this.temperature = temperatureC;
        this.noise = noise;
        this.n = 1 + parameters.pairs();
        this.m = 2 * n + 1;
        double lambda = 3.0 - n;
        this.spread = Math.sqrt(n + lambda);
        this.wm0 = lambda / (n + lambda);
        this.wc0 = wm0 + 2; // β = 2, α = 1
        this.wi = 0.5 / (n + lambda);
    }

    /** Current in A, <b>positive while charging</b> (tables' sign). */
    public SocTrace run(double[] time, double[] currentCharge, double[] voltage, double initialSoc) {
        SocTrace out = SocTrace.of(time.length);
        run(time, currentCharge, voltage, initialSoc, out);
        return out;
    }

    public void run(double[] time, double[] currentCharge, double[] voltage, double initialSoc, SocTrace out) {
        noise.start(x, pm, n, initialSoc);
        double q = p.capacityAh() * 3600;
        double rm = noise.measurementVariance();
        double qs = noise.socVariancePerSecond();
        double qv = noise.rcVariancePerSecond();
        int len = time.length;
        for (int k = 0; k < len; k++) {
            double cur = -currentCharge[k];
            // --- measurement update
            sigmaPoints();
            double yhat = 0;
            for (int j = 0; j < m; j++) {
                double s = sig[j * 4];
                double y = p.ocv().voltage(s, temperature) - p.r0().value(s, temperature) * cur;
                for (int i = 1; i < n; i++) {
                    y -= sig[j * 4 + i];
                }
                ys[j] = y;
                yhat += (j == 0 ? wm0 : wi) * y;
            }
            double pyy = rm;
            for (int i = 0; i < n; i++) {
                pxy[i] = 0;
            }
            for (int j = 0; j < m; j++) {
                double w = j == 0 ? wc0 : wi;
                double dy = ys[j] - yhat;
                pyy += w * dy * dy;
                for (int i = 0; i < n; i++) {
                    pxy[i] += w * (sig[j * 4 + i] - x[i]) * dy;
                }
            }
            double innovation = voltage[k] - yhat;
            for (int i = 0; i < n; i++) {
                x[i] += pxy[i] / pyy * innovation;
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    pm[i * 4 + j] -= pxy[i] * pxy[j] / pyy;
                }
            }
            out.soc()[k] = x[0];
            out.socStd()[k] = Math.sqrt(Math.max(0, pm[0]));
            out.voltage()[k] = yhat;
            out.innovation()[k] = innovation;
            if (k + 1 == len) {
                break;
            }
            // --- prediction through the exact step
            double dt = time[k + 1] - time[k];
            sigmaPoints();
            for (int j = 0; j < m; j++) {
                double s = sig[j * 4];
                for (int i = 1; i < n; i++) {
                    double a = Math.exp(-dt / p.tau()[i - 1].value(s, temperature));
                    sig[j * 4 + i] = a * sig[j * 4 + i] + p.r()[i - 1].value(s, temperature) * (1 - a) * cur;
                }
                sig[j * 4] = s - cur * dt / q;
            }
            for (int i = 0; i < n; i++) {
                double acc = 0;
                for (int j = 0; j < m; j++) {
                    acc += (j == 0 ? wm0 : wi) * sig[j * 4 + i];
                }
                x[i] = acc;
            }
            for (int i = 0; i < n; i++) {
                for (int c = 0; c <= i; c++) {
                    double acc = 0;
                    for (int j = 0; j < m; j++) {
                        acc += (j == 0 ? wc0 : wi) * (sig[j * 4 + i] - x[i]) * (sig[j * 4 + c] - x[c]);
                    }
                    pm[i * 4 + c] = acc;
                    pm[c * 4 + i] = acc;
                }
            }
            pm[0] += qs * dt;
            for (int i = 1; i < n; i++) {
                pm[i * 4 + i] += qv * dt;
            }
        }
    }

    /** Sigma points x, x ± √(n+λ)·L columns, L the Cholesky factor of P (jittered if not positive). */
    private void sigmaPoints() {
        cholesky();
        for (int i = 0; i < n; i++) {
            sig[i] = x[i];
        }
        for (int c = 0; c < n; c++) {
            int plus = (1 + c) * 4;
            int minus = (1 + n + c) * 4;
            for (int i = 0; i < n; i++) {
                double d = spread * l[i * 4 + c];
                sig[plus + i] = x[i] + d;
                sig[minus + i] = x[i] - d;
            }
        }
    }

    private void cholesky() {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = pm[i * 4 + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * 4 + k] * l[j * 4 + k];
                }
                if (i == j) {
                    l[i * 4 + i] = Math.sqrt(Math.max(s, 1e-14));
                } else {
                    l[i * 4 + j] = s / l[j * 4 + j];
                }
            }
            for (int j = i + 1; j < n; j++) {
                l[i * 4 + j] = 0;
            }
        }
    }
}

package org.nernst.estimation.kalman;

import org.nernst.twin.ecm.EcmParameters;
import org.nernst.twin.ecm.Lookup;
import org.nernst.twin.ecm.OcvCurve;

/**
 * Extended Kalman filter for SOC on the equivalent-circuit model; state {@code soc, v_rc1 … v_rcn}
 * (n ≤ 3). The prediction is the model's exact zero-order-hold step (linear in the state for
 * parameters evaluated at the current SOC); the measurement V = OCV(soc) − Σv − R0·I is linearised
 * with dOCV/dSOC from {@link OcvCurve#slope}. The loop allocates nothing: matrices are flat arrays
 * of the filter, decays are recomputed only when τ or the step changes.
 */
public final class ExtendedKalmanFilter {
    private final EcmParameters p;
    private final double temperature;
    private final Noise noise;
    private final int n;
    private final double[] x = new double[4];
    private final double[] pm = new double[16];
    private final double[] h = new double[4];
    private final double[] ph = new double[4];
    private final double[] a = new double[4];
    private final double[] lastTau = new double[4];
    private double lastDt = Double.NaN;

    public ExtendedKalmanFilter(EcmParameters parameters, double temperatureC, Noise noise) {
        this.p = parameters;
        this.temperature = temperatureC;
        this.noise = noise;
        this.n = 1 + parameters.pairs();
    }

    /**
     * Runs over a measured series. Current in A, <b>positive while charging</b> (tables' sign).
     */
    public SocTrace run(double[] time, double[] currentCharge, double[] voltage, double initialSoc) {
        SocTrace out = SocTrace.of(time.length);
        run(time, currentCharge, voltage, initialSoc, out);
        return out;
    }

    /** As {@link #run(double[], double[], double[], double)} into a trace the caller owns. */
    public void run(double[] time, double[] currentCharge, double[] voltage, double initialSoc, SocTrace out) {
        noise.start(x, pm, n, initialSoc);
        lastDt = Double.NaN;
        double q = p.capacityAh() * 3600;
        double rm = noise.measurementVariance();
        double qs = noise.socVariancePerSecond();
        double qv = noise.rcVariancePerSecond();
        OcvCurve ocv = p.ocv();
        Lookup[] r = p.r();
        Lookup[] tau = p.tau();
        double[] socOut = out.soc();
        double[] stdOut = out.socStd();
        double[] vOut = out.voltage();
        double[] innOut = out.innovation();
        int len = time.length;
        for (int k = 0; k < len; k++) {
            double cur = -currentCharge[k]; // model sign: + = discharge
            double soc = x[0];
            // --- measurement update
            double yhat = ocv.voltage(soc, temperature) - p.r0().value(soc, temperature) * cur;
            h[0] = ocv.slope(soc, temperature);
            for (int i = 1; i < n; i++) {
                yhat -= x[i];
                h[i] = -1;
            }
            double s = rm;
            for (int i = 0; i < n; i++) {
                double acc = 0;
                for (int j = 0; j < n; j++) {
                    acc += pm[i * 4 + j] * h[j];
                }
                ph[i] = acc;
                s += h[i] * acc;
            }
            double innovation = voltage[k] - yhat;
            for (int i = 0; i < n; i++) {
                x[i] += ph[i] / s * innovation;
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    pm[i * 4 + j] -= ph[i] * ph[j] / s;
                }
            }
            socOut[k] = x[0];
            stdOut[k] = Math.sqrt(Math.max(0, pm[0]));
            vOut[k] = yhat;
            innOut[k] = innovation;
            if (k + 1 == len) {
                break;
            }
            // --- prediction to the next sample, current held
            double dt = time[k + 1] - time[k];
            soc = x[0];
            boolean sameDt = dt == lastDt;
            for (int i = 1; i < n; i++) {
                double t = tau[i - 1].value(soc, temperature);
                if (!sameDt || t != lastTau[i]) {
                    a[i] = Math.exp(-dt / t);
                    lastTau[i] = t;
                }
                x[i] = a[i] * x[i] + r[i - 1].value(soc, temperature) * (1 - a[i]) * cur;
            }
            lastDt = dt;
            x[0] = soc - cur * dt / q;
            // P = A P Aᵀ + Q·dt with A = diag(1, a1 … an)
            a[0] = 1;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    pm[i * 4 + j] *= a[i] * a[j];
                }
            }
            pm[0] += qs * dt;
            for (int i = 1; i < n; i++) {
                pm[i * 4 + i] += qv * dt;
            }
        }
    }
}

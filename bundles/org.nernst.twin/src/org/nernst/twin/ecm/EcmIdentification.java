package org.nernst.twin.ecm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposer;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Identifies R0 and 1..3 RC pairs of a Thevenin model from measured current and voltage.
 * <p>
 * <b>R0</b> is the instantaneous voltage step at each current edge (ΔV/ΔI across one sample, 0.1 s
 * in the Panasonic data), averaged over the edges of a segment; its interval comes from the
 * edge-to-edge scatter. <b>RC pairs</b> are fitted by Levenberg–Marquardt (Hipparchus) on the full
 * simulated voltage of the segment. Bounds are built into the parametrisation: each parameter is
 * {@code exp(log lo + (log hi − log lo)·σ(u))} with σ the logistic function, so the optimiser works
 * on an unbounded {@code u} while every value it tries stays inside [lo, hi]; the geometric middle of
 * the bounds is the start. Each pair has its own time-constant range, so pairs cannot swap.
 * <p>
 * <b>95 % intervals</b>: covariance σ²(JᵀJ)⁻¹ of {@code u} at the optimum (σ² = SSR/(n−m)), mapped
 * to the physical parameter by the chain rule, half-width {@code t(0.975, n−m)·sd}. Samples 0.1 s
 * apart are not independent, so these intervals are lower bounds on the true uncertainty.
 */
public final class EcmIdentification {

    /**
     * Bounds of the fitted parameters (Ω, s).
     *
     * @param tauMin lower bound of each pair's time constant (one per pair, up to 3)
     * @param tauMax upper bound of each pair's time constant
     */
    public record Bounds(double rMin, double rMax, double[] tauMin, double[] tauMax) {
        public static Bounds defaults() {
            return new Bounds(1e-5, 0.2, new double[] { 0.05, 8, 150 }, new double[] { 8, 150, 3000 });
        }

        /** Bounds for a model with {@code pairs} pairs: one pair spans the whole time-constant range. */
        public Bounds forPairs(int pairs) {
            if (pairs == 1) {
                return new Bounds(rMin, rMax, new double[] { tauMin[0] }, new double[] { tauMax[tauMax.length - 1] });
            }
            return new Bounds(rMin, rMax, Arrays.copyOf(tauMin, pairs), Arrays.copyOf(tauMax, pairs));
        }
    }

    /**
     * Samples of one fit segment: time (s), current (A, <b>+ = discharge</b>, the model's sign),
     * measured voltage and the open-circuit voltage at each sample.
     */
    public record Segment(String name, double soc, double[] time, double[] current, double[] voltage, double[] ocv) {
    }

    /** A fitted value with its 95 % confidence interval. */
    public record Estimate(double value, double low, double high) {
    }

    /** Result for one segment. */
    public record Fit(String name, double soc, Estimate r0, Estimate[] r, Estimate[] tau, double rmse, int samples,
            int iterations) {
    }

    private final int pairs;
    private final Bounds bounds;
    private final boolean fitR0;

    /**
     * @param fitR0 fit R0 together with the pairs (drive cycles, where edges are not clean steps)
     *        instead of taking it from the voltage steps
     */
    public EcmIdentification(int pairs, Bounds bounds, boolean fitR0) {
        if (pairs < 1 || pairs > 3) {
            throw new IllegalArgumentException("1 to 3 RC pairs, got " + pairs);
        }
        this.pairs = pairs;
        this.bounds = bounds.forPairs(pairs);
        this.fitR0 = fitR0;
    }

    /** R0 from the voltage steps at current edges larger than {@code minStep} A. */
    public static Estimate r0FromEdges(Segment s, double minStep) {
        List<Double> r = new ArrayList<>();
        for (int k = 1; k < s.current().length; k++) {
            double di = s.current()[k] - s.current()[k - 1];
            if (Math.abs(di) >= minStep) {
                r.add(-(s.voltage()[k] - s.voltage()[k - 1]) / di);
            }
        }
        if (r.isEmpty()) {
            throw new IllegalArgumentException("segment " + s.name() + " has no current step above " + minStep + " A");
        }
        double mean = r.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (r.size() < 2) {
            return new Estimate(mean, Double.NaN, Double.NaN);
        }
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        double se = Math.sqrt(ss / (r.size() - 1) / r.size());
        double t = new org.hipparchus.distribution.continuous.TDistribution(r.size() - 1).inverseCumulativeProbability(0.975);
        return new Estimate(mean, mean - t * se, mean + t * se);
    }

    /** Fits one segment. */
    public Fit fit(Segment s) {
        Estimate r0 = fitR0 ? null : r0FromEdges(s, 0.5);
        int m = 2 * pairs + (fitR0 ? 1 : 0);
        double[] logLo = new double[m];
        double[] logHi = new double[m];
        for (int i = 0; i < pairs; i++) {
            logLo[2 * i] = Math.log(bounds.rMin());
            logHi[2 * i] = Math.log(bounds.rMax());
            logLo[2 * i + 1] = Math.log(bounds.tauMin()[i]);
            logHi[2 * i + 1] = Math.log(bounds.tauMax()[i]);
        }
        if (fitR0) {
            logLo[m - 1] = Math.log(bounds.rMin());
            logHi[m - 1] = Math.log(bounds.rMax());
        }
        int n = s.time().length;
        double fixedR0 = fitR0 ? 0 : r0.value();
        double[] work = new double[n];
        java.util.function.Function<double[], double[]> residual = u -> {
            double[] p = physical(u, logLo, logHi);
            double[] out = new double[n];
            simulate(s, p, fitR0 ? p[m - 1] : fixedR0, out);
            for (int k = 0; k < n; k++) {
                out[k] -= s.voltage()[k];
            }
            return out;
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(new double[m])
                .target(new double[n])
                .model(point -> {
                    double[] u = point.toArray();
                    double[] f0 = residual.apply(u);
                    double[][] jac = jacobian(residual, u, f0, n);
                    return new Pair<RealVector, RealMatrix>(new ArrayRealVector(f0, false),
                            new Array2DRowRealMatrix(jac, false));
                })
                .maxEvaluations(400)
                .maxIterations(200)
                .build();
        LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-10).withParameterRelativeTolerance(1e-8).optimize(problem);
        double[] u = opt.getPoint().toArray();
        double[] p = physical(u, logLo, logHi);
        double[] f0 = residual.apply(u);
        double ssr = 0;
        for (double e : f0) {
            ssr += e * e;
        }
        double[][] jac = jacobian(residual, u, f0, n);
        double[] sd = standardErrors(jac, ssr, n, m, u, logLo, logHi, p);
        double t = n > m ? new org.hipparchus.distribution.continuous.TDistribution(n - m)
                .inverseCumulativeProbability(0.975) : Double.NaN;
        Estimate[] r = new Estimate[pairs];
        Estimate[] tau = new Estimate[pairs];
        for (int i = 0; i < pairs; i++) {
            r[i] = estimate(p[2 * i], sd[2 * i], t, bounds.rMin(), bounds.rMax());
            tau[i] = estimate(p[2 * i + 1], sd[2 * i + 1], t, bounds.tauMin()[i], bounds.tauMax()[i]);
        }
        if (fitR0) {
            r0 = estimate(p[m - 1], sd[m - 1], t, bounds.rMin(), bounds.rMax());
        }
        return new Fit(s.name(), s.soc(), r0, r, tau, Math.sqrt(ssr / n), n, opt.getIterations());
    }

    private static Estimate estimate(double v, double sd, double t, double lo, double hi) {
        // the interval is clipped to the bounds: values outside were never candidates
        return new Estimate(v, Math.max(lo, v - t * sd), Math.min(hi, v + t * sd));
    }

    private static double[] physical(double[] u, double[] logLo, double[] logHi) {
        double[] p = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            p[i] = Math.exp(logLo[i] + (logHi[i] - logLo[i]) / (1 + Math.exp(-u[i])));
        }
        return p;
    }

    private static double[][] jacobian(java.util.function.Function<double[], double[]> f, double[] u, double[] f0,
            int n) {
        int m = u.length;
        double[][] jac = new double[n][m];
        for (int j = 0; j < m; j++) {
            double h = 1e-6 * Math.max(1, Math.abs(u[j]));
            double[] up = u.clone();
            up[j] += h;
            double[] f1 = f.apply(up);
            for (int k = 0; k < n; k++) {
                jac[k][j] = (f1[k] - f0[k]) / h;
            }
        }
        return jac;
    }

    /**
     * Standard deviations of the physical parameters from σ²(JᵀJ)⁻¹ in u, by the chain rule. A
     * parameter pinned at a bound (logistic slope below 1e-6) has no interval (NaN) and is left out
     * of JᵀJ, so it does not make the matrix singular for the others.
     */
    private static double[] standardErrors(double[][] jac, double ssr, int n, int m, double[] u, double[] logLo,
            double[] logHi, double[] p) {
        double[] sd = new double[m];
        Arrays.fill(sd, Double.NaN);
        int[] free = new int[m];
        int f = 0;
        for (int i = 0; i < m; i++) {
            double s = 1 / (1 + Math.exp(-u[i]));
            if (s * (1 - s) > 1e-6) {
                free[f++] = i;
            }
        }
        if (f == 0 || n <= m) {
            return sd;
        }
        double[][] jtj = new double[f][f];
        for (double[] row : jac) {
            for (int a = 0; a < f; a++) {
                double ra = row[free[a]];
                for (int b = 0; b <= a; b++) {
                    jtj[a][b] += ra * row[free[b]];
                }
            }
        }
        for (int a = 0; a < f; a++) {
            for (int b = a + 1; b < f; b++) {
                jtj[a][b] = jtj[b][a];
            }
        }
        RealMatrix inv;
        try {
            inv = new QRDecomposer(1e-14).decompose(new Array2DRowRealMatrix(jtj, false)).getInverse();
        } catch (RuntimeException singular) {
            return sd;
        }
        double sigma2 = ssr / (n - m);
        for (int a = 0; a < f; a++) {
            int i = free[a];
            double s = 1 / (1 + Math.exp(-u[i]));
            double dpdu = p[i] * (logHi[i] - logLo[i]) * s * (1 - s);
            sd[i] = Math.abs(dpdu) * Math.sqrt(Math.max(0, sigma2 * inv.getEntry(a, a)));
        }
        return sd;
    }

    /**
     * Simulated terminal voltage: exact zero-order-hold steps of the RC pairs (current held from one
     * sample to the next), OCV as given per sample.
     *
     * @param p r1, τ1, r2, τ2 …
     */
    public static void simulate(Segment s, double[] p, double r0, double[] out) {
        int pairs = p.length / 2;
        double[] x = new double[pairs];
        double[] t = s.time();
        double[] i = s.current();
        for (int k = 0; k < t.length; k++) {
            double v = s.ocv()[k] - r0 * i[k];
            for (int q = 0; q < pairs; q++) {
                v -= x[q];
            }
            out[k] = v;
            if (k + 1 < t.length) {
                double dt = t[k + 1] - t[k];
                for (int q = 0; q < pairs; q++) {
                    double a = Math.exp(-dt / p[2 * q + 1]);
                    x[q] = a * x[q] + p[2 * q] * (1 - a) * i[k];
                }
            }
        }
    }

    /**
     * Splits an HPPC test into pulse sets (a jump in time of at least {@code gapSeconds} separates
     * them) with the OCV of each sample: the rested voltage before the set plus the change of
     * {@code ocv} with the charge taken out since.
     *
     * @param current A, positive while charging (tables' sign); the segments carry the model's sign
     * @param capacityAh capacity that turns depth into SOC
     */
    public static List<Segment> pulseSets(String name, double[] time, double[] current, double[] voltage,
            double[] ah, OcvExtraction.OcvPoints ocv, double capacityAh, double gapSeconds) {
        List<Segment> out = new ArrayList<>();
        int start = 0;
        for (int k = 1; k <= time.length; k++) {
            if (k == time.length || time[k] - time[k - 1] >= gapSeconds) {
                int first = -1;
                for (int j = start; j < k; j++) {
                    if (Math.abs(current[j]) > 0.05) {
                        first = j;
                        break;
                    }
                }
                if (first > start) {
                    int len = k - start;
                    double[] t = new double[len];
                    double[] i = new double[len];
                    double[] v = new double[len];
                    double[] o = new double[len];
                    double d0 = ah[0] - ah[first - 1];
                    double rest = voltage[first - 1];
                    double base = ocv.at(d0);
                    for (int j = 0; j < len; j++) {
                        t[j] = time[start + j];
                        i[j] = -current[start + j];
                        v[j] = voltage[start + j];
                        o[j] = rest + ocv.at(ah[0] - ah[start + j]) - base;
                    }
                    out.add(new Segment(String.format(java.util.Locale.ROOT, "%s@%.3f", name, 1 - d0 / capacityAh),
                            1 - d0 / capacityAh, t, i, v, o));
                }
                start = k;
            }
        }
        return out;
    }

    /** A whole test (e.g. a drive cycle starting full) as one segment, OCV from the curve by Coulomb count. */
    public static Segment wholeTest(String name, double[] time, double[] current, double[] voltage, double[] ah,
            OcvExtraction.OcvPoints ocv) {
        int n = time.length;
        double[] i = new double[n];
        double[] o = new double[n];
        for (int k = 0; k < n; k++) {
            i[k] = -current[k];
            o[k] = ocv.at(ah[0] - ah[k]);
        }
        return new Segment(name, 1.0, time.clone(), i, voltage.clone(), o);
    }

    /**
     * A parameter set whose R0 and RC values are tables over the SOC of the fitted segments
     * (sorted; segments whose SOC repeats are averaged away by keeping the first) and whose OCV is
     * {@code ocv} on a SOC grid from −0.1 to 1.05 at this capacity.
     */
    public static EcmParameters parameters(List<Fit> fits, OcvExtraction.OcvPoints ocv, double capacityAh,
            double minVoltage, double maxVoltage) {
        List<Fit> sorted = new ArrayList<>(fits);
        sorted.sort((a, b) -> Double.compare(a.soc(), b.soc()));
        List<Fit> unique = new ArrayList<>();
        for (Fit f : sorted) {
            if (unique.isEmpty() || f.soc() > unique.get(unique.size() - 1).soc() + 1e-9) {
                unique.add(f);
            }
        }
        int n = unique.size();
        int pairs = unique.get(0).r().length;
        double[] soc = new double[n];
        double[] r0 = new double[n];
        double[][] r = new double[pairs][n];
        double[][] tau = new double[pairs][n];
        for (int k = 0; k < n; k++) {
            Fit f = unique.get(k);
            soc[k] = f.soc();
            r0[k] = f.r0().value();
            for (int q = 0; q < pairs; q++) {
                r[q][k] = f.r()[q].value();
                tau[q][k] = f.tau()[q].value();
            }
        }
        Lookup[] rl = new Lookup[pairs];
        Lookup[] tl = new Lookup[pairs];
        for (int q = 0; q < pairs; q++) {
            rl[q] = n == 1 ? Lookup.constant(r[q][0]) : Lookup.ofSoc(soc, r[q]);
            tl[q] = n == 1 ? Lookup.constant(tau[q][0]) : Lookup.ofSoc(soc, tau[q]);
        }
        double[] grid = OcvExtraction.grid(-0.1, 1.05, 116);
        OcvCurve curve = new OcvCurve(grid, OcvExtraction.toSoc(ocv, capacityAh, grid));
        return new EcmParameters(capacityAh, curve, n == 1 ? Lookup.constant(r0[0]) : Lookup.ofSoc(soc, r0), rl, tl,
                1.0, 0, 0, 0, 0, minVoltage, maxVoltage);
    }
}

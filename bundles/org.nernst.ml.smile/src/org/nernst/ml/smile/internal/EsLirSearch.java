package org.nernst.ml.smile.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.nernst.core.node.ProgressMonitor;

/**
 * Exhaustive-search linear regression (ES-LiR): for each k = 1..K, every subset of k descriptors is
 * fitted by least squares with an intercept and scored by its cross-validated RMSE; the best models
 * are kept. The weight diagram counts how often each descriptor appears in the kept models.
 * <p>
 * Why it is fast: the Gram matrix of [1, standardized descriptors] and its products with the
 * target are summed once per fold. A subset's fold fit is then a (k+1)×(k+1) solve on the training
 * part (total minus fold) and its test error follows from the fold's own sums, so a subset costs
 * O(folds·k³), independent of the number of rows. When C(m, k) exceeds the subset cap, the search at
 * that k runs over the m descriptors most correlated with the target (screening, reported).
 */
final class EsLirSearch {

    /** One fitted subset. Coefficients and intercept are in the original units of the data. */
    record Model(int k, int[] descriptors, double cvRmse, double trainRmse, double intercept, double[] coefficients) {
    }

    /**
     * The kept models of one k, best first, and how the search at that k ran: descriptors searched
     * (candidates) out of those not constant (usable), subsets fitted, subsets skipped as singular.
     */
    record Level(int k, List<Model> best, int candidates, int usable, long subsets, long singular) {
    }

    private final int n, p;
    private final double[] mean, sd;
    private final double yMean;
    /** [fold] Gram of [1, z], target products, target square sums; index folds = the whole data. */
    private final double[][][] gram;
    private final double[][] cross;
    private final double[] squares;
    private final int folds;
    private final double[] correlation;

    /**
     * @param x rows × descriptors (not modified)
     * @param fold fold of each row, 0..folds-1
     */
    EsLirSearch(double[][] x, double[] y, int[] fold) {
        n = y.length;
        p = x[0].length;
        int f = 0;
        for (int v : fold) {
            f = Math.max(f, v + 1);
        }
        folds = f;
        Standardizer s = Standardizer.fit(x, p);
        mean = s.mean();
        sd = s.sd();
        double ym = 0;
        for (double v : y) {
            ym += v / n;
        }
        yMean = ym;
        int q = p + 1;
        gram = new double[folds + 1][q][q];
        cross = new double[folds + 1][q];
        squares = new double[folds + 1];
        double[] a = new double[q];
        for (int r = 0; r < n; r++) {
            a[0] = 1;
            for (int j = 0; j < p; j++) {
                a[j + 1] = sd[j] == 0 ? 0 : (x[r][j] - mean[j]) / sd[j];
            }
            double t = y[r] - yMean;
            for (int g : new int[] { fold[r], folds }) {
                double[][] G = gram[g];
                for (int i = 0; i < q; i++) {
                    double ai = a[i];
                    if (ai == 0) {
                        continue;
                    }
                    for (int j = i; j < q; j++) {
                        G[i][j] += ai * a[j];
                    }
                    cross[g][i] += ai * t;
                }
                squares[g] += t * t;
            }
        }
        for (double[][] G : gram) { // mirror the upper triangle
            for (int i = 0; i < q; i++) {
                for (int j = 0; j < i; j++) {
                    G[i][j] = G[j][i];
                }
            }
        }
        correlation = new double[p];
        for (int j = 0; j < p; j++) { // z has unit variance, so corr = Σ z t / ((n−1)·sd(t))
            double tVar = squares[folds] / (n - 1);
            correlation[j] = sd[j] == 0 || tVar == 0 ? 0 : cross[folds][j + 1] / ((n - 1) * Math.sqrt(tVar));
        }
    }

    double correlation(int j) {
        return correlation[j];
    }

    /**
     * Searches k = 1..maxK.
     *
     * @param top models kept per k (and counted in the weight diagram)
     * @param maxSubsets cap on subsets fitted per k; above it the descriptors are screened
     */
    List<Level> run(int maxK, int top, long maxSubsets, ProgressMonitor monitor) {
        Integer[] usable = java.util.stream.IntStream.range(0, p).filter(j -> sd[j] > 0).boxed().toArray(Integer[]::new);
        // most correlated first; ties by column order so the screen is deterministic
        Arrays.sort(usable, Comparator.<Integer>comparingDouble(j -> -Math.abs(correlation[j])).thenComparing(j -> j));
        List<Level> levels = new ArrayList<>();
        for (int k = 1; k <= Math.min(maxK, usable.length); k++) {
            int m = usable.length;
            while (m > k && binomial(m, k) > maxSubsets) {
                m--;
            }
            int[] candidates = new int[m];
            for (int i = 0; i < m; i++) {
                candidates[i] = usable[i];
            }
            Arrays.sort(candidates); // subsets enumerate in column order
            levels.add(searchLevel(k, candidates, usable.length, top, monitor));
        }
        return levels;
    }

    private Level searchLevel(int k, int[] candidates, int usable, int top, ProgressMonitor monitor) {
        // worst kept model at the head, so it is the one replaced
        PriorityQueue<Model> kept = new PriorityQueue<>(Comparator.comparingDouble(Model::cvRmse).reversed());
        int[] pick = new int[k];
        for (int i = 0; i < k; i++) {
            pick[i] = i;
        }
        int[] cols = new int[k + 1];
        double[][] m = new double[k + 1][k + 1];
        double[] v = new double[k + 1], beta = new double[k + 1];
        long subsets = 0, singular = 0;
        while (true) {
            if ((subsets & 0x3FFF) == 0) {
                monitor.checkCanceled();
            }
            subsets++;
            cols[0] = 0;
            for (int i = 0; i < k; i++) {
                cols[i + 1] = candidates[pick[i]] + 1;
            }
            double sse = 0;
            boolean ok = true;
            for (int f = 0; f < folds && ok; f++) {
                for (int i = 0; i <= k; i++) {
                    for (int j = 0; j <= k; j++) {
                        m[i][j] = gram[folds][cols[i]][cols[j]] - gram[f][cols[i]][cols[j]];
                    }
                    v[i] = cross[folds][cols[i]] - cross[f][cols[i]];
                }
                ok = solve(m, v, beta, k + 1);
                if (ok) {
                    sse += foldError(f, cols, beta, k + 1);
                }
            }
            if (!ok) {
                singular++;
            } else {
                double cv = Math.sqrt(Math.max(0, sse) / n);
                if (kept.size() < top || cv < kept.peek().cvRmse()) {
                    int[] chosen = new int[k];
                    for (int i = 0; i < k; i++) {
                        chosen[i] = cols[i + 1] - 1;
                    }
                    kept.add(new Model(k, chosen, cv, Double.NaN, Double.NaN, null));
                    if (kept.size() > top) {
                        kept.poll();
                    }
                }
            }
            // next combination in lexicographic order
            int i = k - 1;
            while (i >= 0 && pick[i] == candidates.length - k + i) {
                i--;
            }
            if (i < 0) {
                break;
            }
            pick[i]++;
            for (int j = i + 1; j < k; j++) {
                pick[j] = pick[j - 1] + 1;
            }
        }
        List<Model> best = new ArrayList<>();
        for (Model model : kept) {
            best.add(fullFit(model));
        }
        best.sort(Comparator.comparingDouble(Model::cvRmse));
        return new Level(k, best, candidates.length, usable, subsets, singular);
    }

    /** Test SSE of fold f: Σ t² − 2 βᵀ Aᵀt + βᵀ AᵀA β over the fold's rows, from its sums. */
    private double foldError(int f, int[] cols, double[] beta, int q) {
        double e = squares[f];
        for (int i = 0; i < q; i++) {
            e -= 2 * beta[i] * cross[f][cols[i]];
            double s = 0;
            for (int j = 0; j < q; j++) {
                s += gram[f][cols[i]][cols[j]] * beta[j];
            }
            e += beta[i] * s;
        }
        return e;
    }

    /** Refits a kept subset on all rows; coefficients back in original units. */
    private Model fullFit(Model model) {
        int k = model.k(), q = k + 1;
        int[] cols = new int[q];
        for (int i = 0; i < k; i++) {
            cols[i + 1] = model.descriptors()[i] + 1;
        }
        double[][] m = new double[q][q];
        double[] v = new double[q], beta = new double[q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                m[i][j] = gram[folds][cols[i]][cols[j]];
            }
            v[i] = cross[folds][cols[i]];
        }
        solve(m, v, beta, q);
        double train = Math.sqrt(Math.max(0, foldError(folds, cols, beta, q)) / n);
        double intercept = yMean + beta[0];
        double[] coef = new double[k];
        for (int i = 0; i < k; i++) {
            int j = model.descriptors()[i];
            coef[i] = beta[i + 1] / sd[j];
            intercept -= coef[i] * mean[j];
        }
        return new Model(k, model.descriptors(), model.cvRmse(), train, intercept, coef);
    }

    /**
     * Solves the symmetric system m·x = v by Cholesky (m is overwritten). False when m is singular
     * to working precision: the subset holds collinear descriptors, or a fold left too few rows.
     */
    static boolean solve(double[][] m, double[] v, double[] x, int q) {
        for (int j = 0; j < q; j++) {
            double d = m[j][j];
            for (int k = 0; k < j; k++) {
                d -= m[j][k] * m[j][k];
            }
            if (!(d > 1e-10 * Math.max(1, Math.abs(m[j][j])))) {
                return false;
            }
            double l = Math.sqrt(d);
            m[j][j] = l;
            for (int i = j + 1; i < q; i++) {
                double s = m[i][j];
                for (int k = 0; k < j; k++) {
                    s -= m[i][k] * m[j][k];
                }
                m[i][j] = s / l;
            }
        }
        for (int i = 0; i < q; i++) { // L z = v
            double s = v[i];
            for (int k = 0; k < i; k++) {
                s -= m[i][k] * x[k];
            }
            x[i] = s / m[i][i];
        }
        for (int i = q - 1; i >= 0; i--) { // Lᵀ x = z
            double s = x[i];
            for (int k = i + 1; k < q; k++) {
                s -= m[k][i] * x[k];
            }
            x[i] = s / m[i][i];
        }
        return true;
    }

    static double binomial(int m, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (m - k + i) / i;
        }
        return c;
    }
}

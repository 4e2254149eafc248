package org.nernst.core.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;

/**
 * Three ways to choose features: a filter by correlation, embedded importance of a fitted model,
 * and sequential backward selection by cross-validated error. Each returns the decision for every
 * feature with its reason, so the choice can be read and reproduced.
 *
 * @since 0.3
 */
public final class FeatureSelection {

    private FeatureSelection() {
    }

    /**
     * What happened to one feature.
     *
     * @param feature the column
     * @param kept whether it stays
     * @param score the number the decision was made on: |r| with the target, importance share, or the
     *        CV score after the feature was removed (backward)
     * @param rank 1 = best (highest |r| or importance, or removed last)
     * @param reason in words
     */
    public record Decision(String feature, boolean kept, double score, int rank, String reason) {
    }

    /**
     * Filter: features with |r| (Pearson) with the target below {@code minAbsR} are dropped; of the
     * rest, taken in order of falling |r|, a feature whose |r| with an already kept feature exceeds
     * {@code maxPairR} is dropped (so of a correlated pair the one closer to the target stays). A
     * classification target must have two classes (its class index is correlated).
     */
    public static List<Decision> byCorrelation(TrainingSet data, double minAbsR, double maxPairR) throws DataException {
        if (data.isClassification() && data.classes().size() > 2) {
            throw new DataException("feature selection", "target '" + data.targetName() + "'",
                    "correlation filtering needs a numeric or two-class target; it has classes " + data.classes());
        }
        int p = data.features();
        double[][] cols = columns(data);
        double[] r = new double[p];
        for (int j = 0; j < p; j++) {
            r[j] = Math.abs(pearson(cols[j], data.y()));
        }
        Integer[] order = byDescending(r);
        Decision[] out = new Decision[p];
        List<Integer> kept = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            int j = order[k];
            String name = data.featureNames().get(j);
            if (!(r[j] >= minAbsR)) {
                out[j] = new Decision(name, false, r[j], k + 1, String.format(Locale.ROOT,
                        "|r| with %s = %.4f is below %.4g", data.targetName(), r[j], minAbsR));
                continue;
            }
            String clash = null;
            for (int i : kept) {
                double rij = Math.abs(pearson(cols[i], cols[j]));
                if (rij > maxPairR) {
                    clash = String.format(Locale.ROOT, "|r| = %.4f with %s (kept, closer to the target)", rij,
                            data.featureNames().get(i));
                    break;
                }
            }
            if (clash != null) {
                out[j] = new Decision(name, false, r[j], k + 1, clash);
            } else {
                kept.add(j);
                out[j] = new Decision(name, true, r[j], k + 1, String.format(Locale.ROOT, "|r| with %s = %.4f",
                        data.targetName(), r[j]));
            }
        }
        return List.of(out);
    }

    /**
     * Embedded: fits the estimator on all rows and keeps the {@code topK} most important features, or
     * (topK = 0) the fewest whose importance shares add up to {@code cumulativeShare}.
     *
     * @throws DataException if the estimator reports no importance
     */
    public static List<Decision> byImportance(ConfiguredEstimator estimator, TrainingSet data, int topK,
            double cumulativeShare, long seed, ProgressMonitor monitor) throws Exception {
        double[] imp = estimator.fit(data, seed, monitor).model().featureImportance();
        if (imp == null) {
            throw new DataException("feature selection", "estimator " + estimator.descriptor().id(),
                    estimator.descriptor().label() + " reports no feature importance; use a tree ensemble or a linear model");
        }
        double sum = Arrays.stream(imp).map(Math::abs).sum();
        double[] share = new double[imp.length];
        for (int j = 0; j < imp.length; j++) {
            share[j] = sum > 0 ? Math.abs(imp[j]) / sum : 0;
        }
        Integer[] order = byDescending(share);
        Decision[] out = new Decision[imp.length];
        double cum = 0;
        for (int k = 0; k < order.length; k++) {
            int j = order[k];
            boolean keep = topK > 0 ? k < topK : cum < cumulativeShare - 1e-12;
            cum += share[j];
            out[j] = new Decision(data.featureNames().get(j), keep, share[j], k + 1, String.format(Locale.ROOT,
                    "importance share %.4f (rank %d; cumulative %.4f)%s", share[j], k + 1, cum,
                    keep ? "" : topK > 0 ? ", beyond the top " + topK : ", beyond the cumulative share " + cumulativeShare));
        }
        return List.of(out);
    }

    /**
     * Sequential backward selection: from all features, repeatedly remove the one whose removal
     * gives the best k-fold CV score, down to {@code minFeatures}; keep the smallest subset on that
     * path whose score is within {@code tolerance} (relative) of the best score seen — with 0, the
     * best subset itself (fewer features on a tie). A small tolerance keeps noise features out that
     * happen to lower the CV error of one split by a hair. Costs about features² / 2
     * cross-validations.
     */
    public static List<Decision> backward(ConfiguredEstimator estimator, TrainingSet data, int folds, String metric,
            int minFeatures, double tolerance, long seed, ProgressMonitor monitor) throws Exception {
        String m = metric == null || metric.isBlank() ? Scoring.defaultMetric(estimator.task()) : metric;
        Scoring.check(m, estimator.task());
        int p = data.features();
        List<Integer> current = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            current.add(j);
        }
        double[] scoreAfterRemoval = new double[p];
        int[] removedAt = new int[p];
        List<Integer> removalOrder = new ArrayList<>();
        double bestScore = cv(estimator, data, current, folds, m, seed, monitor);
        double[] scoreAtSize = new double[p + 1];
        scoreAtSize[p] = bestScore;
        monitor.begin("backward selection with " + estimator.descriptor().label(), p);
        while (current.size() > Math.max(1, minFeatures)) {
            monitor.checkCanceled();
            int drop = -1;
            double dropScore = Double.NaN;
            for (int j : current) {
                List<Integer> trial = new ArrayList<>(current);
                trial.remove(Integer.valueOf(j));
                double s = cv(estimator, data, trial, folds, m, seed, monitor);
                if (drop < 0 || Scoring.better(m, s, dropScore)) {
                    drop = j;
                    dropScore = s;
                }
            }
            current.remove(Integer.valueOf(drop));
            removalOrder.add(drop);
            scoreAfterRemoval[drop] = dropScore;
            removedAt[drop] = removalOrder.size();
            scoreAtSize[current.size()] = dropScore;
            if (Scoring.better(m, dropScore, bestScore)) {
                bestScore = dropScore;
            }
            monitor.worked(1);
        }
        int bestSize = p;
        for (int size = p; size >= current.size(); size--) {
            double limit = Scoring.lowerIsBetter(m) ? bestScore + tolerance * Math.abs(bestScore)
                    : bestScore - tolerance * Math.abs(bestScore);
            double sc = scoreAtSize[size];
            boolean within = Scoring.lowerIsBetter(m) ? sc <= limit : sc >= limit;
            if (within) {
                bestSize = size;
            }
        }
        // Features removed in the first p − bestSize steps are dropped; the rest are kept.
        int dropped = p - bestSize;
        Decision[] out = new Decision[p];
        for (int k = 0; k < removalOrder.size(); k++) {
            int j = removalOrder.get(k);
            boolean keep = k >= dropped;
            out[j] = new Decision(data.featureNames().get(j), keep, scoreAfterRemoval[j], p - k, String.format(
                    Locale.ROOT, "removed in step %d, CV %s without it %.5g%s", k + 1, m, scoreAfterRemoval[j],
                    keep ? " (after the best subset was reached)" : ""));
        }
        for (int j : current) {
            out[j] = new Decision(data.featureNames().get(j), true, Double.NaN, 1, "never removed");
        }
        // ranks of the survivors: all share the best rank
        return List.of(out);
    }

    private static double cv(ConfiguredEstimator e, TrainingSet data, List<Integer> features, int folds, String metric,
            long seed, ProgressMonitor monitor) throws Exception {
        int[] cols = features.stream().mapToInt(Integer::intValue).toArray();
        double[][] x = new double[data.rows()][cols.length];
        for (int r = 0; r < x.length; r++) {
            for (int k = 0; k < cols.length; k++) {
                x[r][k] = data.x()[r][cols[k]];
            }
        }
        List<String> names = features.stream().map(data.featureNames()::get).toList();
        TrainingSet sub = new TrainingSet(x, data.y(), names, data.targetName(), data.classes());
        return ModelSelection.innerScore(e, sub, null, folds, metric, seed, monitor, "feature selection");
    }

    private static double[][] columns(TrainingSet data) {
        double[][] c = new double[data.features()][data.rows()];
        for (int r = 0; r < data.rows(); r++) {
            for (int j = 0; j < data.features(); j++) {
                c[j][r] = data.x()[r][j];
            }
        }
        return c;
    }

    /** Pearson correlation; 0 when either side is constant. */
    public static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i] / n;
            mb += b[i] / n;
        }
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }

    /** Indices by falling value, ties by index (stable). */
    private static Integer[] byDescending(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -v[i]));
        return order;
    }
}

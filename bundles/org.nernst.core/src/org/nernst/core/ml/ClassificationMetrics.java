package org.nernst.core.ml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Standard classification metrics of predicted classes and probabilities against the true classes.
 *
 * @param n number of rows
 * @param accuracy share of rows whose predicted class is the true one
 * @param balancedAccuracy mean recall over the classes present in the truth (robust to imbalance)
 * @param macroF1 unweighted mean of the per-class F1 scores over the classes present in truth or
 *        prediction (a class never predicted has F1 0)
 * @param logLoss mean of −ln p(true class), probabilities clipped to [1e-15, 1]; NaN without probabilities
 * @param rocAuc area under the ROC curve of the second class's probability (ties count half), for
 *        two classes with both present; NaN otherwise
 * @param confusion counts, rows = true class, columns = predicted class, in the order of the classes
 * @since 0.3
 */
public record ClassificationMetrics(int n, double accuracy, double balancedAccuracy, double macroF1, double logLoss,
        double rocAuc, long[][] confusion) {

    private static final double CLIP = 1e-15;

    /**
     * @param actual true class index per row
     * @param predicted predicted class index per row
     * @param probabilities rows × classes, or {@code null}
     * @param classes number of classes
     */
    public static ClassificationMetrics of(int[] actual, int[] predicted, double[][] probabilities, int classes) {
        if (actual.length != predicted.length || (probabilities != null && probabilities.length != actual.length)) {
            throw new IllegalArgumentException(actual.length + " true classes but " + predicted.length + " predictions");
        }
        int n = actual.length;
        long[][] cm = new long[classes][classes];
        for (int i = 0; i < n; i++) {
            cm[actual[i]][predicted[i]]++;
        }
        if (n == 0) {
            return new ClassificationMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, cm);
        }
        long correct = 0;
        double recallSum = 0, f1Sum = 0;
        int present = 0, f1Classes = 0;
        for (int c = 0; c < classes; c++) {
            correct += cm[c][c];
            long truth = 0, pred = 0;
            for (int k = 0; k < classes; k++) {
                truth += cm[c][k];
                pred += cm[k][c];
            }
            if (truth > 0) {
                recallSum += cm[c][c] / (double) truth;
                present++;
            }
            if (truth > 0 || pred > 0) {
                // F1 = 2 TP / (2 TP + FP + FN)
                f1Sum += 2.0 * cm[c][c] / (truth + pred);
                f1Classes++;
            }
        }
        double logLoss = Double.NaN;
        if (probabilities != null) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s -= Math.log(Math.clamp(probabilities[i][actual[i]], CLIP, 1.0));
            }
            logLoss = s / n;
        }
        double auc = classes == 2 && probabilities != null ? auc(actual, probabilities) : Double.NaN;
        return new ClassificationMetrics(n, correct / (double) n, recallSum / present, f1Sum / f1Classes, logLoss, auc,
                cm);
    }

    /** Mann–Whitney form: the chance a random positive scores above a random negative, ties half. */
    private static double auc(int[] actual, double[][] p) {
        int n = actual.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p[a][1], p[b][1]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[order[j + 1]][1] == p[order[i]][1]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (actual[order[k]] == 1) {
                    rankSumPos += midRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** As an ordered map for {@link org.nernst.core.node.Metrics}; the confusion matrix keyed by class labels. */
    public Map<String, Object> asMap(List<String> classLabels) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("accuracy", accuracy);
        m.put("error_rate", 1 - accuracy);
        m.put("balanced_accuracy", balancedAccuracy);
        m.put("macro_f1", macroF1);
        m.put("log_loss", logLoss);
        m.put("roc_auc", rocAuc);
        Map<String, Object> cm = new LinkedHashMap<>();
        for (int a = 0; a < confusion.length; a++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int b = 0; b < confusion.length; b++) {
                row.put(classLabels.get(b), confusion[a][b]);
            }
            cm.put(classLabels.get(a), row);
        }
        m.put("confusion", cm);
        return m;
    }
}

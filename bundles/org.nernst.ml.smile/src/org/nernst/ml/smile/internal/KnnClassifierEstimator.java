package org.nernst.ml.smile.internal;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

/**
 * k-nearest-neighbour classification on standardized features (own code, like the regression kNN,
 * so ties are broken by row order and results are deterministic). Probabilities are the (optionally
 * 1/distance-weighted) vote shares of the k neighbours; a neighbour at distance 0 takes all the
 * weight under distance weighting.
 */
public final class KnnClassifierEstimator implements Estimator {

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor)
            throws DataException {
        SmileClassifiers.requireClassification(data, "kNN classifier");
        SeenClasses classes = SeenClasses.of(data);
        if (classes.count() < 2) {
            return SmileClassifiers.constant(classes);
        }
        int p = data.features();
        Standardizer scaler = Standardizer.fit(data.x(), p);
        int k = (int) Math.min(parameters.integer("k"), data.rows());
        boolean distance = "distance".equals(parameters.string("weights"));
        return new Model(scaler, scaler.apply(data.x()), classes.encode(data), classes, k, distance);
    }

    private static final class Model extends ClassifierModel {
        private static final long serialVersionUID = 1L;
        private final Standardizer scaler;
        private final double[][] z;
        private final int[] label;
        private final int seen;
        private final int k;
        private final boolean distance;

        Model(Standardizer scaler, double[][] z, int[] label, SeenClasses classes, int k, boolean distance) {
            super(classes, null);
            this.scaler = scaler;
            this.z = z;
            this.label = label;
            this.seen = classes.count();
            this.k = k;
            this.distance = distance;
        }

        @Override
        double[][] posteriors(double[][] x) {
            double[][] q = scaler.apply(x);
            double[][] out = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                out[i] = vote(q[i]);
            }
            return out;
        }

        private double[] vote(double[] q) {
            // k smallest distances by insertion into a sorted list: strict < keeps the earlier row on ties.
            int[] idx = new int[k];
            double[] d = new double[k];
            int filled = 0;
            for (int r = 0; r < z.length; r++) {
                double s = 0;
                for (int j = 0; j < q.length; j++) {
                    double e = z[r][j] - q[j];
                    s += e * e;
                }
                if (filled < k || s < d[filled - 1]) {
                    int pos = Math.min(filled, k - 1);
                    while (pos > 0 && s < d[pos - 1]) {
                        d[pos] = d[pos - 1];
                        idx[pos] = idx[pos - 1];
                        pos--;
                    }
                    d[pos] = s;
                    idx[pos] = r;
                    filled = Math.min(k, filled + 1);
                }
            }
            double[] votes = new double[seen];
            boolean exact = distance && d[0] == 0;
            for (int i = 0; i < filled; i++) {
                double w;
                if (!distance) {
                    w = 1;
                } else if (exact) {
                    w = d[i] == 0 ? 1 : 0;
                } else {
                    w = 1 / Math.sqrt(d[i]);
                }
                votes[label[idx[i]]] += w;
            }
            return votes;
        }
    }
}

package org.nernst.ml.smile.internal;

import java.util.Arrays;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.Prediction;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

/**
 * k-nearest-neighbour regression on standardized features (Euclidean distance), uniform or
 * inverse-distance weights. Smile has KNN classification only, so the search is written here: a
 * brute-force scan, fine for the thousands of rows battery tables have. Ties in distance are broken
 * by training row order, so predictions are deterministic.
 */
public final class KnnEstimator implements Estimator {

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor)
            throws DataException {
        int k = (int) parameters.integer("k");
        if (k > data.rows()) {
            throw new DataException("training data for k-nearest neighbours", "parameter k", "k = " + k
                    + " but there are only " + data.rows() + " training rows");
        }
        monitor.checkCanceled();
        int p = data.features();
        Standardizer scaler = Standardizer.fit(data.x(), p);
        return new Model(scaler, scaler.apply(data.x()), data.y().clone(), k, "distance".equals(parameters.string("weights")));
    }

    static final class Model implements FittedModel {
        private static final long serialVersionUID = 1L;
        private final Standardizer scaler;
        private final double[][] z;
        private final double[] y;
        private final int k;
        private final boolean byDistance;

        Model(Standardizer scaler, double[][] z, double[] y, int k, boolean byDistance) {
            this.scaler = scaler;
            this.z = z;
            this.y = y;
            this.k = k;
            this.byDistance = byDistance;
        }

        @Override
        public Prediction predict(double[][] x) {
            double[] out = new double[x.length];
            int p = z.length == 0 ? 0 : z[0].length;
            double[][] queries = scaler.apply(x);
            double[] d = new double[z.length];
            Integer[] order = new Integer[z.length];
            for (int r = 0; r < x.length; r++) {
                double[] q = queries[r];
                for (int i = 0; i < z.length; i++) {
                    double s = 0;
                    for (int j = 0; j < p; j++) {
                        double diff = z[i][j] - q[j];
                        s += diff * diff;
                    }
                    d[i] = Math.sqrt(s);
                    order[i] = i;
                }
                Arrays.sort(order, (a, b) -> d[a] != d[b] ? Double.compare(d[a], d[b]) : Integer.compare(a, b));
                double sum = 0, weights = 0;
                for (int n = 0; n < k; n++) {
                    int i = order[n];
                    if (byDistance && d[i] == 0) {
                        // an exact match: average the exact matches only
                        sum = 0;
                        weights = 0;
                        for (int m = 0; m < k && d[order[m]] == 0; m++) {
                            sum += y[order[m]];
                            weights++;
                        }
                        break;
                    }
                    double w = byDistance ? 1 / d[i] : 1;
                    sum += w * y[i];
                    weights += w;
                }
                out[r] = sum / weights;
            }
            return new Prediction(out, null);
        }
    }
}

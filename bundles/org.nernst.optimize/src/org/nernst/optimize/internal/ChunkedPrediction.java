package org.nernst.optimize.internal;

import java.util.ArrayList;
import java.util.List;

import org.nernst.core.exec.DataParallel;
import org.nernst.core.exec.SerializableFunction;
import org.nernst.core.ml.Prediction;
import org.nernst.core.ml.TrainedModel;
import org.nernst.core.node.ProgressMonitor;

/**
 * Predicts a large candidate matrix in fixed-size row chunks on a {@link DataParallel} backend. The
 * chunk size is a constant, not derived from threads or partitions, so every backend asks the model
 * exactly the same questions and the concatenated prediction is the same bit for bit.
 */
final class ChunkedPrediction {
    /** Rows per item: large enough that shipping a chunk costs little beside predicting it. */
    static final int CHUNK_ROWS = 16_384;

    private ChunkedPrediction() {
    }

    static Prediction predict(TrainedModel model, double[][] x, DataParallel backend, ProgressMonitor monitor)
            throws Exception {
        List<double[][]> chunks = new ArrayList<>();
        for (int from = 0; from < x.length; from += CHUNK_ROWS) {
            chunks.add(java.util.Arrays.copyOfRange(x, from, Math.min(x.length, from + CHUNK_ROWS)));
        }
        if (chunks.isEmpty()) {
            return model.predict(x);
        }
        monitor.begin("Predicting " + x.length + " candidates", chunks.size());
        SerializableFunction<double[][], Prediction> f = model::predict;
        List<Prediction> parts = backend.map(chunks, f, monitor);
        double[] mean = new double[x.length];
        double[] std = parts.get(0).hasUncertainty() ? new double[x.length] : null;
        int at = 0;
        for (Prediction p : parts) {
            System.arraycopy(p.mean(), 0, mean, at, p.mean().length);
            if (std != null) {
                System.arraycopy(p.std(), 0, std, at, p.std().length);
            }
            at += p.mean().length;
        }
        return new Prediction(mean, std);
    }
}

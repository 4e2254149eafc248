package org.nernst.ml.smile.internal;

import java.util.stream.IntStream;

import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.Prediction;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;

import smile.data.DataFrame;
import smile.regression.LinearModel;

/**
 * A linear model on standardized features: {@code intercept + sum(coefficient[j] * z[j])}. Ridge and
 * OLS share it; Smile solves for the coefficients, and only those numbers are kept, so the model
 * is small and predicts identically after serialization.
 */
final class StandardizedLinearModel implements FittedModel {
    private static final long serialVersionUID = 1L;

    /** Solves for a Smile linear model on a frame of standardized, non-constant columns. */
    interface Solver {
        LinearModel solve(DataFrame frame, int rows, int columns) throws DataException;
    }

    private final Standardizer scaler;
    private final double intercept;
    private final double[] coefficients;

    private StandardizedLinearModel(Standardizer scaler, double intercept, double[] coefficients) {
        this.scaler = scaler;
        this.intercept = intercept;
        this.coefficients = coefficients;
    }

    /** Solves directly on the standardized rows: returns {intercept, coefficient per column}. */
    interface MatrixSolver {
        double[] solve(double[][] z, double[] y) throws DataException;
    }

    static StandardizedLinearModel fit(TrainingSet data, Solver solver) throws DataException {
        return fit(data, (MatrixSolver) (z, y) -> {
            LinearModel m = solver.solve(SmileData.frame(z, z[0].length, y), z.length, z[0].length);
            double[] w = m.coefficients().toArray(new double[0]);
            double[] out = new double[w.length + 1];
            out[0] = m.intercept();
            System.arraycopy(w, 0, out, 1, w.length);
            return out;
        });
    }

    static StandardizedLinearModel fit(TrainingSet data, MatrixSolver solver) throws DataException {
        int p = data.features();
        Standardizer scaler = Standardizer.fit(data.x(), p);
        // A constant column carries no information and makes Smile's solvers fail; it gets weight 0.
        int[] kept = IntStream.range(0, p).filter(j -> !scaler.constant(j)).toArray();
        double[] coefficients = new double[p];
        if (kept.length == 0) {
            double mean = 0;
            for (double v : data.y()) {
                mean += v;
            }
            return new StandardizedLinearModel(scaler, mean / data.rows(), coefficients);
        }
        double[][] z = new double[data.rows()][kept.length];
        for (int i = 0; i < z.length; i++) {
            for (int k = 0; k < kept.length; k++) {
                z[i][k] = scaler.apply(kept[k], data.x()[i][kept[k]]);
            }
        }
        double[] w = solver.solve(z, data.y());
        for (int k = 0; k < kept.length; k++) {
            coefficients[kept[k]] = w[k + 1];
        }
        return new StandardizedLinearModel(scaler, w[0], coefficients);
    }

    @Override
    public Prediction predict(double[][] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = intercept;
            for (int j = 0; j < coefficients.length; j++) {
                s += coefficients[j] * scaler.apply(j, x[i][j]);
            }
            out[i] = s;
        }
        return new Prediction(out, null);
    }

    /** The absolute coefficient per standard deviation of each feature, comparable across features. */
    @Override
    public double[] featureImportance() {
        double[] out = new double[coefficients.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = Math.abs(coefficients[j]);
        }
        return out;
    }
}

package org.nernst.ml.smile.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Table;
import org.nernst.ml.smile.internal.RidgeEstimator;

/** Ridge fitted directly on the rows equals Smile's formula and data frame route. */
class RidgeDirectFitTest {

    private static FittedModel direct(TrainingSet d, double lambda) throws Exception {
        return new RidgeEstimator().fit(d, Parameters.of(Map.of("lambda", lambda)), 1, ProgressMonitor.none());
    }

    @Test
    void coefficientsAndPredictionsEqualSmilesOnTheNasaFeatures() throws Exception {
        Path folder = NasaPerCycle.folder();
        if (!Files.isDirectory(folder)) {
            fail("REAL DATA MISSING: " + folder.toAbsolutePath().normalize() + "; set -Dnernst.data");
        }
        Table all = NasaPerCycle.read(folder);
        List<String> features = NasaPerCycle.features(all);
        TrainingSet d = TrainingSet.from(all, features, NasaPerCycle.TARGET);
        assertEquals(636, d.rows());
        for (double lambda : new double[] { 1e-3, 0.1, 10 }) {
            FittedModel fast = direct(d, lambda);
            FittedModel smile = RidgeEstimator.fitThroughSmile(d, lambda);
            assertArrayEquals(smile.featureImportance(), fast.featureImportance(), 1e-10, "coefficients, lambda " + lambda);
            assertArrayEquals(smile.predict(d.x()).mean(), fast.predict(d.x()).mean(), 1e-10, "predictions, lambda " + lambda);
        }
    }

    @Test
    void collinearFeaturesWithoutPenaltyAreADataException() {
        double[][] x = new double[50][];
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i] = new double[] { i, 2.0 * i + 1, Math.sin(i) };
            y[i] = i % 7;
        }
        TrainingSet d = new TrainingSet(x, y, List.of("a", "twiceA", "s"), "y");
        DataException e = assertThrows(DataException.class, () -> direct(d, 0));
        assertTrue(e.getMessage().contains("linearly dependent"), e.getMessage());
    }
}

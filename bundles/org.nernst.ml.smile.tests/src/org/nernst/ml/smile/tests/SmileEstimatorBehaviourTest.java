package org.nernst.ml.smile.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.ml.Prediction;
import org.nernst.core.ml.TrainedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;

/** What the Smile estimators do beyond the shared contract: parameters, edge cases, importance, uncertainty. */
class SmileEstimatorBehaviourTest {
    private static final String FOREST = "org.nernst.ml.smile.randomForest";
    private static final String GP = "org.nernst.ml.smile.gaussianProcess";
    private static final String RIDGE = "org.nernst.ml.smile.ridge";
    private static final String OLS = "org.nernst.ml.smile.linear";

    private static NodeRegistry registry;

    @BeforeAll
    static void readRegistry() {
        registry = NodeRegistry.platform();
    }

    @Test
    void randomForestRejectsMtryAboveTheNumberOfFeatures() throws Exception {
        ConfiguredEstimator e = Estimators.with(registry, FOREST, Map.of("mtry", 4));
        DataException ex = assertThrows(DataException.class,
                () -> e.fit(org.nernst.conformance.EstimatorConformance.tinyData(), 1, ProgressMonitor.none()));
        assertTrue(ex.getMessage().contains("mtry"), ex.getMessage());
    }

    @Test
    void randomForestRanksTheIrrelevantFeatureLast() throws Exception {
        double[] importance = fit(FOREST, Map.of(), org.nernst.conformance.EstimatorConformance.tinyData()).model().featureImportance();
        assertEquals(1, importance[0] + importance[1] + importance[2], 1e-9);
        assertTrue(importance[0] > importance[1] && importance[1] > importance[2], Arrays.toString(importance));
    }

    @Test
    void differentSeedsGiveDifferentForests() throws Exception {
        TrainingSet data = org.nernst.conformance.EstimatorConformance.tinyData();
        ConfiguredEstimator e = Estimators.with(registry, FOREST, Map.of("trees", 20));
        double[][] probe = { { 0.3, -0.2, 0.1 } };
        double a = e.fit(data, 1, ProgressMonitor.none()).predict(probe).mean()[0];
        double b = e.fit(data, 2, ProgressMonitor.none()).predict(probe).mean()[0];
        assertTrue(a != b, "seeds 1 and 2 gave the same forest");
    }

    @Test
    void ridgeRecoversTheStandardizedCoefficients() throws Exception {
        TrainingSet data = org.nernst.conformance.EstimatorConformance.tinyData();
        double[] importance = fit(RIDGE, Map.of(), data).model().featureImportance();
        // y = 2 x1 - x2: per standard deviation of each feature, 2 sd(x1) and sd(x2).
        assertEquals(2 * sd(data, 0), importance[0], 0.05);
        assertEquals(sd(data, 1), importance[1], 0.05);
        assertTrue(importance[2] < 0.05, "irrelevant feature weighs " + importance[2]);
    }

    @Test
    void linearModelsGiveAConstantFeatureNoWeight() throws Exception {
        TrainingSet tiny = org.nernst.conformance.EstimatorConformance.tinyData();
        for (double[] row : tiny.x()) {
            row[2] = 3.5;
        }
        for (String id : List.of(RIDGE, OLS)) {
            TrainedModel m = fit(id, Map.of(), tiny);
            assertEquals(0, m.model().featureImportance()[2], id);
            assertTrue(Double.isFinite(m.predict(new double[][] { { 0.1, 0.1, 9 } }).mean()[0]), id);
        }
    }

    @Test
    void linearRegressionWithTooFewRowsIsDataException() throws Exception {
        TrainingSet three = new TrainingSet(new double[][] { { 1, 2, 0 }, { 2, 1, 1 }, { 3, 3, 0 } },
                new double[] { 1, 2, 3 }, List.of("a", "b", "c"), "y");
        DataException ex = assertThrows(DataException.class,
                () -> Estimators.with(registry, OLS, Map.of()).fit(three, 1, ProgressMonitor.none()));
        assertTrue(ex.getMessage().contains("ridge"), "the message should point to a way out: " + ex.getMessage());
    }

    @Test
    void gaussianProcessIsLessCertainFarFromTheTrainingData() throws Exception {
        TrainedModel m = fit(GP, Map.of(), org.nernst.conformance.EstimatorConformance.tinyData());
        Prediction p = m.predict(new double[][] { { 0.1, 0.1, 0.1 }, { 8, -8, 8 } });
        assertTrue(p.std()[1] > 3 * p.std()[0], "std inside " + p.std()[0] + ", far outside " + p.std()[1]);
    }

    @Test
    void gaussianProcessWithFixedHyperparametersFitsAsGiven() throws Exception {
        TrainingSet data = org.nernst.conformance.EstimatorConformance.tinyData();
        TrainedModel m = fit(GP, Map.of("optimize", false, "lengthScale", 1.5, "noise", 0.05), data);
        Prediction p = m.predict(data.x());
        double sse = 0;
        for (int i = 0; i < data.rows(); i++) {
            sse += Math.pow(p.mean()[i] - data.y()[i], 2);
        }
        assertTrue(Math.sqrt(sse / data.rows()) < 0.2, "training RMSE " + Math.sqrt(sse / data.rows()));
    }

    private static TrainedModel fit(String id, Map<String, ?> parameters, TrainingSet data) throws Exception {
        return Estimators.with(registry, id, parameters).fit(data, 11, ProgressMonitor.none());
    }

    private static double sd(TrainingSet data, int column) {
        double mean = 0, ss = 0;
        for (double[] row : data.x()) {
            mean += row[column] / data.rows();
        }
        for (double[] row : data.x()) {
            ss += Math.pow(row[column] - mean, 2);
        }
        return Math.sqrt(ss / (data.rows() - 1));
    }
}

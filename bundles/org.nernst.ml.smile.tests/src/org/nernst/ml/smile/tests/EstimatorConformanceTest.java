package org.nernst.ml.smile.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.ml.Prediction;
import org.nernst.core.ml.TrainedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;

/**
 * The estimator contract, checked for every estimator installed in the platform (in the spirit of
 * scikit-learn's {@code check_estimator}): fit on tiny data, determinism under a seed, no mutation
 * of the input, clear errors on bad input, serialization, uncertainty for probabilistic ones.
 */
class EstimatorConformanceTest {
    private static final long SEED = 20240611L;
    /** So the suite cannot pass by finding nothing: Smile alone contributes four. */
    private static final int AT_LEAST = 4;

    private static NodeRegistry registry;

    @BeforeAll
    static void readRegistry() {
        registry = NodeRegistry.platform();
    }

    @Test
    void registryListsAtLeastFourEstimatorsWithoutProblems() {
        List<NodeDescriptor> found = Estimators.all(registry);
        assertTrue(found.size() >= AT_LEAST, "expected at least " + AT_LEAST + " estimators, found "
                + found.stream().map(NodeDescriptor::id).toList() + "; registry problems: " + registry.problems());
        assertEquals(List.of(), registry.problems().stream().filter(p -> p.contains("org.nernst.ml.smile")).toList());
    }

    @TestFactory
    Stream<DynamicContainer> everyEstimatorKeepsTheContract() {
        List<NodeDescriptor> found = Estimators.all(registry);
        assertTrue(found.size() >= AT_LEAST, "expected at least " + AT_LEAST + " estimators, found " + found.size());
        return found.stream().map(d -> dynamicContainer(d.id(), Stream.of(
                dynamicTest("fits tiny data better than predicting the mean", () -> fitsBetterThanTheMean(d)),
                dynamicTest("same seed gives the same predictions", () -> sameSeedSamePredictions(d)),
                dynamicTest("fits running at the same time match a fit alone", () -> concurrentFitsMatchALoneFit(d)),
                dynamicTest("fit leaves the input arrays unchanged", () -> fitDoesNotMutateInput(d)),
                dynamicTest("changing the training arrays later leaves the model unchanged",
                        () -> modelIgnoresLaterChangesToTrainingArrays(d)),
                dynamicTest("NaN in a feature is a DataException", () -> nanFeatureIsDataException(d)),
                dynamicTest("wrong number of columns at prediction is a DataException",
                        () -> wrongWidthIsDataException(d)),
                dynamicTest("serialization round trip keeps predictions", () -> serializationKeepsPredictions(d)),
                dynamicTest("uncertainty matches the probabilistic attribute", () -> uncertaintyMatchesMetadata(d)))));
    }

    private static void fitsBetterThanTheMean(NodeDescriptor d) throws Exception {
        TrainingSet data = tinyData();
        Prediction p = fit(d, data, SEED).predict(data.x());
        double mean = 0;
        for (double y : data.y()) {
            mean += y / data.rows();
        }
        double sse = 0, sst = 0;
        for (int i = 0; i < data.rows(); i++) {
            assertTrue(Double.isFinite(p.mean()[i]), "prediction " + i + " is " + p.mean()[i]);
            sse += Math.pow(p.mean()[i] - data.y()[i], 2);
            sst += Math.pow(mean - data.y()[i], 2);
        }
        assertTrue(sse < sst, "training error " + sse + " is not below that of the mean, " + sst);
    }

    private static void sameSeedSamePredictions(NodeDescriptor d) throws Exception {
        TrainingSet data = tinyData();
        double[][] probe = probeRows();
        Prediction a = fit(d, data, SEED).predict(probe);
        Prediction b = fit(d, tinyData(), SEED).predict(probe);
        assertClose(a.mean(), b.mean(), "mean");
        if (a.hasUncertainty()) {
            assertClose(a.std(), b.std(), "std");
        }
    }

    /** The workflow executor fits models on several threads; a shared random state would show here. */
    private static void concurrentFitsMatchALoneFit(NodeDescriptor d) throws Exception {
        double[][] probe = probeRows();
        double[] alone = fit(d, tinyData(), SEED).predict(probe).mean();
        Callable<double[]> same = () -> fit(d, tinyData(), SEED).predict(probe).mean();
        Callable<double[]> other = () -> fit(d, tinyData(), SEED + 1).predict(probe).mean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<double[]>> done = pool.invokeAll(List.of(same, other, same, other));
            assertClose(alone, done.get(0).get(), "mean");
            assertClose(alone, done.get(2).get(), "mean");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void fitDoesNotMutateInput(NodeDescriptor d) throws Exception {
        TrainingSet data = tinyData();
        double[][] x = deepCopy(data.x());
        double[] y = data.y().clone();
        TrainedModel m = fit(d, data, SEED);
        double[][] probe = probeRows();
        double[][] probeCopy = deepCopy(probe);
        m.predict(probe);
        assertArrayEquals(x, data.x(), "fit changed the feature rows");
        assertArrayEquals(y, data.y(), "fit changed the target");
        assertArrayEquals(probeCopy, probe, "predict changed its input rows");
    }

    private static void modelIgnoresLaterChangesToTrainingArrays(NodeDescriptor d) throws Exception {
        TrainingSet data = tinyData();
        TrainedModel m = fit(d, data, SEED);
        double[][] probe = probeRows();
        Prediction before = m.predict(probe);
        for (double[] row : data.x()) {
            Arrays.fill(row, 1e6);
        }
        Arrays.fill(data.y(), -1e6);
        Prediction after = m.predict(probe);
        assertArrayEquals(before.mean(), after.mean());
        assertArrayEquals(before.std(), after.std());
    }

    private static void nanFeatureIsDataException(NodeDescriptor d) throws Exception {
        TrainingSet data = tinyData();
        data.x()[7][1] = Double.NaN;
        ConfiguredEstimator e = Estimators.withDefaults(registry, d);
        DataException ex = assertThrows(DataException.class, () -> e.fit(data, SEED, ProgressMonitor.none()));
        assertTrue(ex.getMessage().contains("row 8"), "the message should name the row: " + ex.getMessage());
    }

    private static void wrongWidthIsDataException(NodeDescriptor d) throws Exception {
        TrainedModel m = fit(d, tinyData(), SEED);
        assertThrows(DataException.class, () -> m.predict(new double[][] { { 0.1, 0.2 } }));
        assertThrows(DataException.class, () -> m.predict(new double[][] { { 0.1, 0.2, 0.3, 0.4 } }));
    }

    private static void serializationKeepsPredictions(NodeDescriptor d) throws Exception {
        TrainedModel m = fit(d, tinyData(), SEED);
        TrainedModel back = Estimators.roundTrip(m);
        double[][] probe = probeRows();
        Prediction a = m.predict(probe), b = back.predict(probe);
        assertArrayEquals(a.mean(), b.mean(), "mean changed after serialization");
        assertArrayEquals(a.std(), b.std(), "std changed after serialization");
        assertEquals(m.featureNames(), back.featureNames());
    }

    private static void uncertaintyMatchesMetadata(NodeDescriptor d) throws Exception {
        ConfiguredEstimator e = Estimators.withDefaults(registry, d);
        Prediction p = e.fit(tinyData(), SEED, ProgressMonitor.none()).predict(probeRows());
        if (e.probabilistic()) {
            assertNotNull(p.std(), d.id() + " is declared probabilistic but gives no standard deviation");
            for (double s : p.std()) {
                assertTrue(Double.isFinite(s) && s > 0, "standard deviation " + s + " is not a positive number");
            }
        } else {
            assertNull(p.std(), d.id() + " gives a standard deviation but is not declared probabilistic");
        }
        assertEquals(probeRows().length, p.mean().length);
    }

    private static TrainedModel fit(NodeDescriptor d, TrainingSet data, long seed) throws Exception {
        return Estimators.withDefaults(registry, d).fit(data, seed, ProgressMonitor.none());
    }

    /** 40 rows of y = 2 x1 - x2 + noise, with an irrelevant third feature; fresh arrays each call. */
    static TrainingSet tinyData() {
        Random r = new Random(7);
        int n = 40;
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextDouble() * 2 - 1;
            x[i][1] = r.nextDouble() * 2 - 1;
            x[i][2] = r.nextDouble() * 2 - 1;
            y[i] = 2 * x[i][0] - x[i][1] + 0.1 * r.nextGaussian();
        }
        return new TrainingSet(x, y, List.of("x1", "x2", "x3"), "y");
    }

    private static double[][] probeRows() {
        return new double[][] { { 0, 0, 0 }, { 0.5, -0.5, 0.2 }, { -0.9, 0.3, -0.4 }, { 0.8, 0.8, 0.8 } };
    }

    /**
     * Equal up to the last bits: estimators that factorize matrices with native BLAS/LAPACK may round
     * differently in the 15th digit depending on memory alignment, which is not a change of model.
     */
    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-9 * (1 + Math.abs(expected[i])), what + " of probe row " + i);
        }
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}

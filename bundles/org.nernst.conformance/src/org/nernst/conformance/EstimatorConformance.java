package org.nernst.conformance;

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
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.ml.Prediction;
import org.nernst.core.ml.Task;
import org.nernst.core.ml.TrainedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.NodeKind;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;

/**
 * The contract of an {@code org.nernst.core.estimators} contribution as JUnit 5 dynamic tests (in
 * the spirit of scikit-learn's {@code check_estimator}): fit on tiny data better than the mean,
 * determinism under a seed (alone and on concurrent threads), no mutation of the input, a
 * {@link DataException} naming the row on NaN input and on a wrong number of columns, a
 * serialization round trip that keeps predictions, and a standard deviation exactly when the
 * contribution declares {@code probabilistic="true"}.
 * <p>
 * The tiny data is 40 rows of {@code y = 2 x1 - x2 + noise} with an irrelevant third feature; an
 * estimator is run with its default parameters, created through the registry as a workflow would.
 *
 * @since 0.1
 */
public final class EstimatorConformance {
    private static final long SEED = 20240611L;

    private EstimatorConformance() {
    }

    /** The checks for one installed estimator, from the running platform's registry. */
    public static Stream<DynamicNode> checks(String estimatorId) {
        NodeRegistry registry = NodeRegistry.platform();
        return checks(registry, Nodes.find(registry, estimatorId, NodeKind.ESTIMATOR));
    }

    /** One container of checks per installed estimator. */
    public static Stream<DynamicContainer> forEveryEstimator(NodeRegistry registry) {
        return all(registry).stream().map(d -> dynamicContainer(d.id(), checks(registry, d)));
    }

    /** Every installed estimator. */
    public static List<NodeDescriptor> all(NodeRegistry registry) {
        return registry.nodes().stream().filter(d -> d.kind() == NodeKind.ESTIMATOR).toList();
    }

    /** The checks for one estimator: {@link ClassifierConformance} for a classifier (since 0.3). */
    public static Stream<DynamicNode> checks(NodeRegistry registry, NodeDescriptor d) {
        if (Task.parse(d.attributes().get("task")) == Task.CLASSIFICATION) {
            return ClassifierConformance.checks(registry, d);
        }
        return Stream.of(
                dynamicTest("fits tiny data better than predicting the mean", () -> fitsBetterThanTheMean(registry, d)),
                dynamicTest("same seed gives the same predictions", () -> sameSeedSamePredictions(registry, d)),
                dynamicTest("fits running at the same time match a fit alone", () -> concurrentFitsMatchALoneFit(registry, d)),
                dynamicTest("fit leaves the input arrays unchanged", () -> fitDoesNotMutateInput(registry, d)),
                dynamicTest("changing the training arrays later leaves the model unchanged",
                        () -> modelIgnoresLaterChangesToTrainingArrays(registry, d)),
                dynamicTest("NaN in a feature is a DataException", () -> nanFeatureIsDataException(registry, d)),
                dynamicTest("wrong number of columns at prediction is a DataException",
                        () -> wrongWidthIsDataException(registry, d)),
                dynamicTest("serialization round trip keeps predictions", () -> serializationKeepsPredictions(registry, d)),
                dynamicTest("uncertainty matches the probabilistic attribute", () -> uncertaintyMatchesMetadata(registry, d)));
    }

    /** Creates the estimator node through the registry and runs it with default parameters, as the executor would. */
    public static ConfiguredEstimator configured(NodeRegistry registry, NodeDescriptor d) throws Exception {
        Object out = Nodes.run(registry, d.id(), Map.of(), Map.of(), 1L, ProgressMonitor.none()).get("estimator");
        if (!(out instanceof ConfiguredEstimator e)) {
            throw new AssertionError("estimator node " + d.id() + " output " + out + " instead of a ConfiguredEstimator");
        }
        return e;
    }

    private static void fitsBetterThanTheMean(NodeRegistry registry, NodeDescriptor d) throws Exception {
        TrainingSet data = tinyData();
        Prediction p = fit(registry, d, data, SEED).predict(data.x());
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

    private static void sameSeedSamePredictions(NodeRegistry registry, NodeDescriptor d) throws Exception {
        TrainingSet data = tinyData();
        double[][] probe = probeRows();
        Prediction a = fit(registry, d, data, SEED).predict(probe);
        Prediction b = fit(registry, d, tinyData(), SEED).predict(probe);
        assertClose(a.mean(), b.mean(), "mean");
        if (a.hasUncertainty()) {
            assertClose(a.std(), b.std(), "std");
        }
    }

    /** The workflow executor fits models on several threads; a shared random state would show here. */
    private static void concurrentFitsMatchALoneFit(NodeRegistry registry, NodeDescriptor d) throws Exception {
        double[][] probe = probeRows();
        double[] alone = fit(registry, d, tinyData(), SEED).predict(probe).mean();
        Callable<double[]> same = () -> fit(registry, d, tinyData(), SEED).predict(probe).mean();
        Callable<double[]> other = () -> fit(registry, d, tinyData(), SEED + 1).predict(probe).mean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<double[]>> done = pool.invokeAll(List.of(same, other, same, other));
            assertClose(alone, done.get(0).get(), "mean");
            assertClose(alone, done.get(2).get(), "mean");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void fitDoesNotMutateInput(NodeRegistry registry, NodeDescriptor d) throws Exception {
        TrainingSet data = tinyData();
        double[][] x = deepCopy(data.x());
        double[] y = data.y().clone();
        TrainedModel m = fit(registry, d, data, SEED);
        double[][] probe = probeRows();
        double[][] probeCopy = deepCopy(probe);
        m.predict(probe);
        assertArrayEquals(x, data.x(), "fit changed the feature rows");
        assertArrayEquals(y, data.y(), "fit changed the target");
        assertArrayEquals(probeCopy, probe, "predict changed its input rows");
    }

    private static void modelIgnoresLaterChangesToTrainingArrays(NodeRegistry registry, NodeDescriptor d) throws Exception {
        TrainingSet data = tinyData();
        TrainedModel m = fit(registry, d, data, SEED);
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

    private static void nanFeatureIsDataException(NodeRegistry registry, NodeDescriptor d) throws Exception {
        TrainingSet data = tinyData();
        data.x()[7][1] = Double.NaN;
        ConfiguredEstimator e = configured(registry, d);
        DataException ex = assertThrows(DataException.class, () -> e.fit(data, SEED, ProgressMonitor.none()));
        assertTrue(ex.getMessage().contains("row 8"), "the message should name the row: " + ex.getMessage());
    }

    private static void wrongWidthIsDataException(NodeRegistry registry, NodeDescriptor d) throws Exception {
        TrainedModel m = fit(registry, d, tinyData(), SEED);
        assertThrows(DataException.class, () -> m.predict(new double[][] { { 0.1, 0.2 } }));
        assertThrows(DataException.class, () -> m.predict(new double[][] { { 0.1, 0.2, 0.3, 0.4 } }));
    }

    private static void serializationKeepsPredictions(NodeRegistry registry, NodeDescriptor d) throws Exception {
        TrainedModel m = fit(registry, d, tinyData(), SEED);
        TrainedModel back = Nodes.roundTrip(m);
        double[][] probe = probeRows();
        Prediction a = m.predict(probe), b = back.predict(probe);
        assertArrayEquals(a.mean(), b.mean(), "mean changed after serialization");
        assertArrayEquals(a.std(), b.std(), "std changed after serialization");
        assertEquals(m.featureNames(), back.featureNames());
    }

    private static void uncertaintyMatchesMetadata(NodeRegistry registry, NodeDescriptor d) throws Exception {
        ConfiguredEstimator e = configured(registry, d);
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

    static TrainedModel fit(NodeRegistry registry, NodeDescriptor d, TrainingSet data, long seed) throws Exception {
        return configured(registry, d).fit(data, seed, ProgressMonitor.none());
    }

    /** 40 rows of y = 2 x1 - x2 + noise, with an irrelevant third feature; fresh arrays each call. */
    public static TrainingSet tinyData() {
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

    static double[][] probeRows() {
        return new double[][] { { 0, 0, 0 }, { 0.5, -0.5, 0.2 }, { -0.9, 0.3, -0.4 }, { 0.8, 0.8, 0.8 } };
    }

    /**
     * Equal up to the last bits: estimators that factorize matrices with native BLAS/LAPACK may round
     * differently in the 15th digit depending on memory alignment, which is not a change of model.
     */
    static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-9 * (1 + Math.abs(expected[i])), what + " of probe row " + i);
        }
    }

    static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}

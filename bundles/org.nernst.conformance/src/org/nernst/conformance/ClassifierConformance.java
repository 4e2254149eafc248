package org.nernst.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.ml.Prediction;
import org.nernst.core.ml.TrainedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;

/**
 * The contract of a classifier contribution ({@code task="classification"}): on tiny three-class
 * and two-class data it beats the majority class, gives one probability per class summing to 1
 * with the predicted class the most probable, is deterministic under a seed (also on concurrent
 * threads), leaves its input alone, rejects NaN and wrong widths with a {@link DataException},
 * survives serialization, gives probability 0 to a class missing from its training rows (a small
 * fold) and refuses a numeric regression target.
 *
 * @since 0.3
 */
public final class ClassifierConformance {
    private static final long SEED = 20240611L;

    private ClassifierConformance() {
    }

    public static Stream<DynamicNode> checks(NodeRegistry registry, NodeDescriptor d) {
        return Stream.of(
                dynamicTest("beats the majority class on tiny three-class data", () -> beatsMajority(registry, d, 3)),
                dynamicTest("beats the majority class on tiny two-class data", () -> beatsMajority(registry, d, 2)),
                dynamicTest("probabilities: one per class, summing to 1, predicted class most probable",
                        () -> probabilitiesAreADistribution(registry, d)),
                dynamicTest("same seed gives the same probabilities", () -> sameSeedSameProbabilities(registry, d)),
                dynamicTest("fits running at the same time match a fit alone", () -> concurrentFitsMatch(registry, d)),
                dynamicTest("fit leaves the input arrays unchanged", () -> fitDoesNotMutateInput(registry, d)),
                dynamicTest("changing the training arrays later leaves the model unchanged",
                        () -> modelIgnoresLaterChanges(registry, d)),
                dynamicTest("NaN in a feature is a DataException", () -> nanIsDataException(registry, d)),
                dynamicTest("wrong number of columns at prediction is a DataException", () -> wrongWidth(registry, d)),
                dynamicTest("serialization round trip keeps probabilities", () -> serialization(registry, d)),
                dynamicTest("a class missing from the training rows gets probability 0", () -> missingClass(registry, d)),
                dynamicTest("a numeric regression target is a DataException", () -> regressionTarget(registry, d)),
                dynamicTest("no standard deviation, as declared", () -> noStd(registry, d)));
    }

    /**
     * 60 rows, three features; with three classes the label is {@code lo} / {@code mid} / {@code hi}
     * by 2 x1 − x2 (cut at ±0.6), with two the sign of it; the third feature is noise. Label noise
     * flips 5 % of the rows. Fresh arrays each call.
     */
    public static TrainingSet tinyClasses(int classes) {
        Random r = new Random(11);
        int n = 60;
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = r.nextDouble() * 2 - 1;
            }
            double s = 2 * x[i][0] - x[i][1];
            int c = classes == 2 ? (s > 0 ? 1 : 0) : (s < -0.6 ? 0 : s > 0.6 ? 2 : 1);
            if (r.nextDouble() < 0.05) {
                c = (c + 1) % classes;
            }
            y[i] = c;
        }
        List<String> labels = classes == 2 ? List.of("no", "yes") : List.of("hi", "lo", "mid");
        if (classes == 3) {
            // labels sorted alphabetically as TrainingSet.fromClasses would: hi=0, lo=1, mid=2
            int[] map = { 1, 2, 0 }; // lo -> 1, mid -> 2, hi -> 0
            for (int i = 0; i < n; i++) {
                y[i] = map[(int) y[i]];
            }
        }
        return new TrainingSet(x, y, List.of("x1", "x2", "x3"), "label", labels);
    }

    private static TrainedModel fit(NodeRegistry registry, NodeDescriptor d, TrainingSet data, long seed)
            throws Exception {
        return EstimatorConformance.fit(registry, d, data, seed);
    }

    private static void beatsMajority(NodeRegistry registry, NodeDescriptor d, int classes) throws Exception {
        TrainingSet data = tinyClasses(classes);
        int[] p = fit(registry, d, data, SEED).predict(data.x()).classIndices();
        int[] counts = new int[classes];
        int correct = 0;
        for (int i = 0; i < data.rows(); i++) {
            counts[(int) data.y()[i]]++;
            correct += p[i] == (int) data.y()[i] ? 1 : 0;
        }
        int majority = Arrays.stream(counts).max().getAsInt();
        assertTrue(correct > majority, "training accuracy " + correct + "/" + data.rows()
                + " is not above the majority class's " + majority);
    }

    private static void probabilitiesAreADistribution(NodeRegistry registry, NodeDescriptor d) throws Exception {
        for (int classes : new int[] { 2, 3 }) {
            TrainedModel m = fit(registry, d, tinyClasses(classes), SEED);
            assertEquals(classes, m.classes().size());
            Prediction p = m.predict(EstimatorConformance.probeRows());
            assertNotNull(p.probabilities(), d.id() + " gives no probabilities");
            for (int i = 0; i < p.mean().length; i++) {
                double[] q = p.probabilities()[i];
                assertEquals(classes, q.length);
                double sum = 0;
                int best = 0;
                for (int c = 0; c < q.length; c++) {
                    assertTrue(q[c] >= 0 && q[c] <= 1, "probability " + q[c]);
                    sum += q[c];
                    best = q[c] > q[best] ? c : best;
                }
                assertEquals(1.0, sum, 1e-9);
                assertEquals(best, (int) p.mean()[i], "the predicted class is the most probable one");
            }
        }
    }

    private static void sameSeedSameProbabilities(NodeRegistry registry, NodeDescriptor d) throws Exception {
        double[][] probe = EstimatorConformance.probeRows();
        double[][] a = fit(registry, d, tinyClasses(3), SEED).predict(probe).probabilities();
        double[][] b = fit(registry, d, tinyClasses(3), SEED).predict(probe).probabilities();
        for (int i = 0; i < a.length; i++) {
            EstimatorConformance.assertClose(a[i], b[i], "probabilities");
        }
    }

    private static void concurrentFitsMatch(NodeRegistry registry, NodeDescriptor d) throws Exception {
        double[][] probe = EstimatorConformance.probeRows();
        double[][] alone = fit(registry, d, tinyClasses(3), SEED).predict(probe).probabilities();
        Callable<double[][]> same = () -> fit(registry, d, tinyClasses(3), SEED).predict(probe).probabilities();
        Callable<double[][]> other = () -> fit(registry, d, tinyClasses(3), SEED + 1).predict(probe).probabilities();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<double[][]>> done = pool.invokeAll(List.of(same, other, same, other));
            for (int k : new int[] { 0, 2 }) {
                double[][] got = done.get(k).get();
                for (int i = 0; i < alone.length; i++) {
                    EstimatorConformance.assertClose(alone[i], got[i], "probabilities");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void fitDoesNotMutateInput(NodeRegistry registry, NodeDescriptor d) throws Exception {
        TrainingSet data = tinyClasses(3);
        double[][] x = EstimatorConformance.deepCopy(data.x());
        double[] y = data.y().clone();
        fit(registry, d, data, SEED).predict(data.x());
        assertArrayEquals(x, data.x());
        assertArrayEquals(y, data.y());
    }

    private static void modelIgnoresLaterChanges(NodeRegistry registry, NodeDescriptor d) throws Exception {
        TrainingSet data = tinyClasses(3);
        TrainedModel m = fit(registry, d, data, SEED);
        double[][] probe = EstimatorConformance.probeRows();
        double[][] before = m.predict(probe).probabilities();
        for (double[] row : data.x()) {
            Arrays.fill(row, 1e6);
        }
        Arrays.fill(data.y(), 0);
        assertArrayEquals(before, m.predict(probe).probabilities());
    }

    private static void nanIsDataException(NodeRegistry registry, NodeDescriptor d) throws Exception {
        TrainingSet data = tinyClasses(3);
        data.x()[7][1] = Double.NaN;
        ConfiguredEstimator e = EstimatorConformance.configured(registry, d);
        DataException ex = assertThrows(DataException.class, () -> e.fit(data, SEED, ProgressMonitor.none()));
        assertTrue(ex.getMessage().contains("row 8"), ex.getMessage());
    }

    private static void wrongWidth(NodeRegistry registry, NodeDescriptor d) throws Exception {
        TrainedModel m = fit(registry, d, tinyClasses(3), SEED);
        assertThrows(DataException.class, () -> m.predict(new double[][] { { 0.1, 0.2 } }));
    }

    private static void serialization(NodeRegistry registry, NodeDescriptor d) throws Exception {
        TrainedModel m = fit(registry, d, tinyClasses(3), SEED);
        TrainedModel back = Nodes.roundTrip(m);
        double[][] probe = EstimatorConformance.probeRows();
        assertArrayEquals(m.predict(probe).probabilities(), back.predict(probe).probabilities());
        assertEquals(m.classes(), back.classes());
    }

    private static void missingClass(NodeRegistry registry, NodeDescriptor d) throws Exception {
        TrainingSet all = tinyClasses(3);
        // keep the rows of classes 0 and 2 only, as a small fold of a three-class table might
        int[] rows = IntStream.range(0, all.rows()).filter(i -> all.y()[i] != 1).toArray();
        TrainedModel m = fit(registry, d, all.subset(rows), SEED);
        Prediction p = m.predict(EstimatorConformance.probeRows());
        for (double[] q : p.probabilities()) {
            assertEquals(3, q.length);
            assertEquals(0.0, q[1], "probability of a class never seen in training");
        }
        for (double c : p.mean()) {
            assertTrue(c != 1, "predicted a class never seen in training");
        }
    }

    private static void regressionTarget(NodeRegistry registry, NodeDescriptor d) throws Exception {
        ConfiguredEstimator e = EstimatorConformance.configured(registry, d);
        assertThrows(DataException.class, () -> e.fit(EstimatorConformance.tinyData(), SEED, ProgressMonitor.none()));
    }

    private static void noStd(NodeRegistry registry, NodeDescriptor d) throws Exception {
        Prediction p = fit(registry, d, tinyClasses(2), SEED).predict(EstimatorConformance.probeRows());
        assertNull(p.std());
    }
}

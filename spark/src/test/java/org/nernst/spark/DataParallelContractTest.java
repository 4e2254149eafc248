package org.nernst.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.nernst.core.exec.DataParallel;
import org.nernst.core.exec.SerializableFunction;
import org.nernst.core.node.CancelledException;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;

/** What every DataParallel backend promises: order, per-item seeds, the item's own exception, progress, cancellation. */
class DataParallelContractTest {
    private static final List<Integer> ITEMS = IntStream.range(0, 1000).boxed().toList();

    private static List<DataParallel> backends() {
        return List.of(DataParallel.inProcess(2), new SparkDataParallel(LocalSpark.context(), 7));
    }

    @Test
    void resultsKeepTheOrderOfTheItemsAndDependOnlyOnTheItemSeed() throws Exception {
        long runSeed = 99;
        SerializableFunction<Integer, Long> f = i -> new java.util.SplittableRandom(DataParallel.itemSeed(runSeed, i))
                .nextLong();
        List<Long> expected = ITEMS.stream().map(i -> new java.util.SplittableRandom(DataParallel.itemSeed(runSeed, i))
                .nextLong()).toList();
        for (DataParallel b : backends()) {
            assertEquals(expected, b.map(ITEMS, f, ProgressMonitor.none()), b.describe());
        }
    }

    @Test
    void chunksOfRowsReachTheFunctionBitForBit() throws Exception {
        // 40 chunks of 1000 x 7 random values (NaN payloads and -0.0 included); the function returns the raw bits
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        List<double[][]> chunks = new java.util.ArrayList<>();
        for (int c = 0; c < 40; c++) {
            double[][] m = new double[1000][7];
            for (double[] row : m) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = rng.nextDouble(-1e3, 1e3);
                }
            }
            m[c][c % 7] = c % 2 == 0 ? -0.0 : Double.longBitsToDouble(0x7ff0_0000_0000_0001L + c);
            chunks.add(m);
        }
        SerializableFunction<double[][], long[]> bits = m -> java.util.Arrays.stream(m).flatMapToDouble(
                java.util.Arrays::stream).mapToLong(Double::doubleToRawLongBits).toArray();
        List<long[]> expected = chunks.stream().map(m -> {
            try {
                return bits.apply(m);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
        for (DataParallel b : backends()) {
            List<long[]> got = b.map(chunks, bits, ProgressMonitor.none());
            assertEquals(expected.size(), got.size(), b.describe());
            for (int c = 0; c < got.size(); c++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(expected.get(c), got.get(c), b.describe() + " chunk " + c);
            }
        }
    }

    @Test
    void anItemsDataExceptionReachesTheCallerUnwrapped() {
        SerializableFunction<Integer, Integer> f = i -> {
            if (i == 500) {
                throw new DataException("cell 500", "row 3", "a negative capacity");
            }
            return i;
        };
        for (DataParallel b : backends()) {
            DataException e = assertThrows(DataException.class, () -> b.map(ITEMS, f, ProgressMonitor.none()),
                    b.describe());
            assertEquals("row 3", e.location(), b.describe());
        }
    }

    @Test
    void everyItemIsReportedAsWorkDone() throws Exception {
        for (DataParallel b : backends()) {
            AtomicInteger worked = new AtomicInteger();
            b.map(ITEMS, i -> i + 1, counting(worked, false));
            assertEquals(ITEMS.size(), worked.get(), b.describe());
        }
    }

    @Test
    void aCancelledMonitorStopsTheMap() {
        SerializableFunction<Integer, Integer> slow = i -> {
            Thread.sleep(20); // the work being cancelled, not synchronization
            return i;
        };
        for (DataParallel b : backends()) {
            assertThrows(CancelledException.class, () -> b.map(ITEMS, slow, counting(new AtomicInteger(), true)),
                    b.describe());
        }
    }

    private static ProgressMonitor counting(AtomicInteger worked, boolean cancelled) {
        return new ProgressMonitor() {
            @Override
            public void begin(String task, int totalWork) {
            }

            @Override
            public void worked(int work) {
                worked.addAndGet(work);
            }

            @Override
            public void subTask(String message) {
            }

            @Override
            public boolean isCanceled() {
                return cancelled;
            }
        };
    }
}

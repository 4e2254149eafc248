package org.nernst.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.nernst.core.exec.DataParallel;
import org.nernst.core.node.CancelledException;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;

/** The in-process backend of the data-parallel seam: order, threads, errors, progress, cancellation. */
class InProcessDataParallelTest {
    private static final List<Integer> ITEMS = IntStream.range(0, 10_000).boxed().toList();

    @Test
    void resultsComeBackInTheOrderOfTheItems() throws Exception {
        List<Integer> squares = DataParallel.inProcess(3).map(ITEMS, i -> i * i, ProgressMonitor.none());
        assertEquals(ITEMS.stream().map(i -> i * i).toList(), squares);
        assertEquals(List.of(), DataParallel.inProcess(3).map(List.<Integer>of(), i -> i, ProgressMonitor.none()));
    }

    @Test
    void itemsRunOnAtMostTheGivenNumberOfThreads() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        DataParallel.inProcess(2).map(ITEMS, i -> threads.add(Thread.currentThread().getName()), ProgressMonitor.none());
        assertTrue(threads.size() <= 2, threads.toString());
    }

    @Test
    void theFirstFailingItemsExceptionIsRethrownAsItIs() {
        DataException e = assertThrows(DataException.class, () -> DataParallel.inProcess(4).map(ITEMS, i -> {
            if (i == 7000 || i == 9000) {
                throw new DataException("item " + i, "index " + i, "a bad item");
            }
            return i;
        }, ProgressMonitor.none()));
        assertEquals("index 7000", e.location());
    }

    @Test
    void everyItemCountsAsOneUnitOfWork() throws Exception {
        AtomicInteger worked = new AtomicInteger();
        DataParallel.inProcess(2).map(ITEMS, i -> i, monitor(worked, false));
        assertEquals(ITEMS.size(), worked.get());
    }

    @Test
    void aCancelledMonitorStopsBeforeTheItemsRun() {
        AtomicInteger ran = new AtomicInteger();
        assertThrows(CancelledException.class, () -> DataParallel.inProcess(2).map(ITEMS, i -> ran.incrementAndGet(),
                monitor(new AtomicInteger(), true)));
        assertEquals(0, ran.get());
    }

    @Test
    void itemSeedsDifferPerItemAndRepeatPerRun() {
        assertEquals(DataParallel.itemSeed(42, 3), DataParallel.itemSeed(42, 3));
        assertNotEquals(DataParallel.itemSeed(42, 3), DataParallel.itemSeed(42, 4));
        assertNotEquals(DataParallel.itemSeed(42, 3), DataParallel.itemSeed(43, 3));
    }

    private static ProgressMonitor monitor(AtomicInteger worked, boolean cancelled) {
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

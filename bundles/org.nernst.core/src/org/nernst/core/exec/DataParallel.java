package org.nernst.core.exec;

import java.util.List;

import org.nernst.core.internal.exec.InProcessDataParallel;
import org.nernst.core.node.ProgressMonitor;

/**
 * Data parallelism for the heavy inner loop of a node (predicting millions of candidates,
 * simulating thousands of cells): the same function over many independent items. A node reaches
 * it through {@link org.nernst.core.node.NodeContext#dataParallel()}; the run decides the backend
 * (threads in this process by default, a Spark cluster when the workflow is run by
 * {@code nernst-spark}), never the node or the workflow.
 * <p>
 * Results must not depend on the backend: an item's computation may use randomness only from a seed
 * derived from the run's seed and the item's index ({@link #itemSeed}), never from the thread,
 * partition or order in which items happen to run.
 *
 * @since 0.3
 */
public interface DataParallel {

    /**
     * Applies {@code f} to every item and returns the results in the order of {@code items}. Reports
     * one unit of work to {@code monitor} per item done (a backend that cannot report while it runs
     * reports them at the end) and stops early when the monitor is cancelled.
     *
     * @throws org.nernst.core.node.CancelledException if the monitor was cancelled
     * @throws Exception the first exception an item threw, unwrapped
     */
    <T, R> List<R> map(List<T> items, SerializableFunction<? super T, ? extends R> f, ProgressMonitor monitor)
            throws Exception;

    /** A short description for logs, e.g. {@code in-process (2 threads)} or {@code spark local[2], 8 partitions}. */
    String describe();

    /** Threads of this process, as many as there are cores. */
    static DataParallel inProcess() {
        return new InProcessDataParallel(Runtime.getRuntime().availableProcessors());
    }

    /** Threads of this process, at most {@code threads} at a time. */
    static DataParallel inProcess(int threads) {
        return new InProcessDataParallel(threads);
    }

    /**
     * A well-mixed seed for item {@code index} of a run seeded with {@code runSeed} (SplitMix64 of
     * both), the same on every backend.
     */
    static long itemSeed(long runSeed, long index) {
        long z = runSeed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

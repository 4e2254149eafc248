package org.nernst.core.internal.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.nernst.core.exec.DataParallel;
import org.nernst.core.exec.SerializableFunction;
import org.nernst.core.node.CancelledException;
import org.nernst.core.node.ProgressMonitor;

/**
 * {@link DataParallel} on a bounded pool of daemon threads, one pool per call (the call's work
 * dwarfs starting a few threads, and nothing outlives the call). Items are split into contiguous
 * chunks, a few per thread so uneven items balance; each chunk checks for cancellation between items.
 */
public final class InProcessDataParallel implements DataParallel {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private final int threads;

    public InProcessDataParallel(int threads) {
        this.threads = Math.max(1, threads);
    }

    @Override
    public <T, R> List<R> map(List<T> items, SerializableFunction<? super T, ? extends R> f, ProgressMonitor monitor)
            throws Exception {
        int n = items.size();
        Object[] out = new Object[n];
        int chunks = Math.min(n, threads * 4);
        if (n == 0) {
            return List.of();
        }
        if (threads == 1 || n == 1) {
            run(items, f, out, 0, n, monitor);
            return result(out);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, chunks), r -> {
            Thread t = new Thread(r, "nernst-data-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int c = 0; c < chunks; c++) {
                int from = (int) ((long) n * c / chunks);
                int to = (int) ((long) n * (c + 1) / chunks);
                futures.add(pool.submit(() -> {
                    run(items, f, out, from, to, monitor);
                    return null;
                }));
            }
            for (Future<?> fu : futures) {
                fu.get();
            }
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            futures.forEach(fu -> fu.cancel(true));
            pool.shutdownNow();
        }
        return result(out);
    }

    private static <T> void run(List<T> items, SerializableFunction<? super T, ?> f, Object[] out, int from, int to,
            ProgressMonitor monitor) throws Exception {
        for (int i = from; i < to; i++) {
            monitor.checkCanceled();
            out[i] = f.apply(items.get(i));
            monitor.worked(1);
        }
    }

    private static Exception unwrap(ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof Exception ex) {
            return ex;
        }
        if (c instanceof Error err) {
            throw err;
        }
        return e;
    }

    @SuppressWarnings("unchecked")
    private static <R> List<R> result(Object[] out) {
        return (List<R>) Arrays.asList(out);
    }

    @Override
    public String describe() {
        return "in-process (" + threads + " threads)";
    }
}

package org.nernst.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.nernst.core.exec.DataParallel;
import org.nernst.core.exec.SerializableFunction;
import org.nernst.core.node.CancelledException;
import org.nernst.core.node.ProgressMonitor;

/**
 * {@link DataParallel} on Apache Spark: {@code parallelize(items, partitions).map(f).collect()}. The
 * function (with the fitted model or tables it captures) is broadcast once per map, so each executor
 * reads it once rather than once per task (in local mode the tasks use the driver's own copy). Items and
 * results travel as {@link Shipped}: Java serialization, except that a chunk of candidate rows
 * ({@code double[][]}) is written as one block of raw doubles; anything {@link java.io.Serializable}
 * works. Order is kept by {@code collect}. While the job runs, progress is reported from Spark's status
 * tracker and a cancelled monitor cancels the job.
 */
public final class SparkDataParallel implements DataParallel {
    private static final AtomicLong JOBS = new AtomicLong();
    /**
     * Most bytes of candidate rows ({@code double[][]} items) in a partition when the partition count is
     * left to the backend: 32 MB, about 600 000 rows of 7 features. Smaller tasks let a core start its
     * next task while the driver serializes the one after, and keep a task's predictions small enough to
     * go back directly; on 10 M candidates on local[2] (one comparison in the same JVM, median of 3),
     * 20 partitions took 4.35 s and Spark's default of 2 took 7.57 s. Other items (a cell to synthesize) are not counted: they are small, and a map over
     * 2000 cells ran slower in 63 partitions than in 2.
     */
    static final long MAX_PARTITION_ROW_BYTES = 32L << 20;
    /**
     * Largest task result sent straight back to the driver (Spark's default is 1 MB; a larger result is
     * stored in the executor's block manager and fetched by the driver, over the network even in local
     * mode). A partition of 32 MB of candidate rows (7 features) returns under 5 MB of predictions, under
     * 10 MB with a spread.
     */
    static final String MAX_DIRECT_RESULT_SIZE = "16m";

    private final JavaSparkContext spark;
    private final int partitions;

    /**
     * The Spark settings this backend is tuned for, each only if not set already (by spark-submit's
     * {@code --conf} or a {@code -Dspark.*} property): {@code spark.task.maxDirectResultSize} 16m.
     *
     * @return {@code conf}
     */
    public static SparkConf tune(SparkConf conf) {
        return conf.setIfMissing("spark.task.maxDirectResultSize", MAX_DIRECT_RESULT_SIZE);
    }

    /**
     * @param partitions slices per map ({@code <= 0}: Spark's default parallelism, i.e. the cores of
     *        the master, or more if needed so no partition holds more than 32 MB of candidate rows);
     *        never more than there are items
     */
    public SparkDataParallel(JavaSparkContext spark, int partitions) {
        this.spark = spark;
        this.partitions = partitions;
    }

    @Override
    public <T, R> List<R> map(List<T> items, SerializableFunction<? super T, ? extends R> f, ProgressMonitor monitor)
            throws Exception {
        int n = items.size();
        if (n == 0) {
            return List.of();
        }
        int slices = partitions(items);
        String group = "nernst-map-" + JOBS.incrementAndGet();
        spark.setJobGroup(group, "Nernst: " + n + " items in " + slices + " partitions", true);
        List<Shipped<T>> shipped = new ArrayList<>(n);
        for (T item : items) {
            shipped.add(new Shipped<>(item));
        }
        Broadcast<SerializableFunction<? super T, ? extends R>> shared = spark.broadcast(f);
        JavaFutureAction<List<Shipped<R>>> job;
        try {
            org.apache.spark.api.java.function.Function<Shipped<T>, Shipped<R>> task = item -> new Shipped<>(
                    shared.value().apply(item.value()));
            job = spark.parallelize(shipped, slices).map(task).collectAsync();
        } catch (RuntimeException e) {
            shared.destroy();
            throw e;
        } finally {
            spark.clearJobGroup();
        }
        long reported = 0;
        while (true) {
            try {
                List<Shipped<R>> results = job.get(100, TimeUnit.MILLISECONDS);
                shared.destroy();
                List<R> out = new ArrayList<>(n);
                for (Shipped<R> r : results) {
                    out.add(r.value());
                }
                monitor.worked((int) (n - reported));
                return out;
            } catch (TimeoutException e) {
                if (monitor.isCanceled() || Thread.currentThread().isInterrupted()) {
                    // cancels the Spark job; its running tasks are interrupted. The broadcast is left to Spark's
                    // context cleaner (dropped once unreachable): killed tasks may still be reading it
                    job.cancel(true);
                    throw new CancelledException();
                }
                long done = (long) n * completedTasks(group) / slices;
                if (done > reported) {
                    monitor.worked((int) (done - reported));
                    reported = done;
                }
            } catch (InterruptedException e) {
                job.cancel(true);
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (ExecutionException e) {
                shared.destroy(); // the job failed: no task reads the function any more
                throw unwrap(e);
            }
        }
    }

    /** The partitions a map over {@code items} (not empty) is split into. */
    public int partitions(List<?> items) {
        if (partitions > 0) {
            return Math.min(items.size(), partitions);
        }
        long rowBytes = 0;
        for (Object item : items) {
            if (item instanceof double[][] rows) {
                for (double[] row : rows) {
                    rowBytes += row == null ? 0 : (long) row.length * Double.BYTES;
                }
            }
        }
        long p = Math.max(spark.defaultParallelism(), (rowBytes + MAX_PARTITION_ROW_BYTES - 1) / MAX_PARTITION_ROW_BYTES);
        return (int) Math.min(items.size(), p);
    }

    private int completedTasks(String group) {
        int done = 0;
        for (int jobId : spark.statusTracker().getJobIdsForGroup(group)) {
            SparkJobInfo job = spark.statusTracker().getJobInfo(jobId);
            if (job == null) {
                continue;
            }
            for (int stageId : job.stageIds()) {
                SparkStageInfo stage = spark.statusTracker().getStageInfo(stageId);
                if (stage != null) {
                    done += stage.numCompletedTasks();
                }
            }
        }
        return done;
    }

    /** The item's own exception (e.g. a DataException naming a file) rather than Spark's wrapper. */
    static Exception unwrap(ExecutionException e) {
        Throwable c = e.getCause();
        while (c instanceof SparkException && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof Exception ex) {
            return ex;
        }
        if (c instanceof Error err) {
            throw err;
        }
        return e;
    }

    @Override
    public String describe() {
        return "spark " + spark.master() + ", " + (partitions > 0 ? partitions + " partitions"
                : "at least " + spark.defaultParallelism() + " partitions, at most "
                        + (MAX_PARTITION_ROW_BYTES >> 20) + " MB of rows each");
    }
}

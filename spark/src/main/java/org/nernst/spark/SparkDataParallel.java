package org.nernst.spark;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.spark.SparkException;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.nernst.core.exec.DataParallel;
import org.nernst.core.exec.SerializableFunction;
import org.nernst.core.node.CancelledException;
import org.nernst.core.node.ProgressMonitor;

/**
 * {@link DataParallel} on Apache Spark: {@code parallelize(items, partitions).map(f).collect()}. Items,
 * the function and the results travel with Java serialization (Spark's default), so anything
 * {@link java.io.Serializable} works; order is kept by {@code collect}. While the job runs, progress
 * is reported from Spark's status tracker and a cancelled monitor cancels the job.
 */
public final class SparkDataParallel implements DataParallel {
    private static final AtomicLong JOBS = new AtomicLong();

    private final JavaSparkContext spark;
    private final int partitions;

    /**
     * @param partitions slices per map ({@code <= 0}: Spark's default parallelism, i.e. the cores of
     *        the master); never more than there are items
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
        int slices = Math.min(n, partitions > 0 ? partitions : spark.defaultParallelism());
        String group = "nernst-map-" + JOBS.incrementAndGet();
        spark.setJobGroup(group, "Nernst: " + n + " items in " + slices + " partitions", true);
        JavaFutureAction<List<R>> job;
        try {
            org.apache.spark.api.java.function.Function<T, R> task = f::apply;
            job = spark.parallelize(items, slices).map(task).collectAsync();
        } finally {
            spark.clearJobGroup();
        }
        long reported = 0;
        while (true) {
            try {
                List<R> out = job.get(100, TimeUnit.MILLISECONDS);
                monitor.worked((int) (n - reported));
                return out;
            } catch (TimeoutException e) {
                if (monitor.isCanceled() || Thread.currentThread().isInterrupted()) {
                    job.cancel(true); // cancels the Spark job; its running tasks are interrupted
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
                throw unwrap(e);
            }
        }
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
        return "spark " + spark.master() + ", " + (partitions > 0 ? partitions : spark.defaultParallelism())
                + " partitions";
    }
}

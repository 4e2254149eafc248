package org.nernst.spark;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.spark.api.java.JavaSparkContext;
import org.nernst.core.exec.CancelToken;

/**
 * Ctrl-C (SIGINT, or SIGTERM) during {@code nernst-spark run}, handled as {@code nernst run} handles it:
 * while nodes run, the run is cancelled (the cancel token the executor watches, and every running Spark
 * job through {@code SparkContext.cancelAllJobs}, so the executors kill their tasks), the Spark session
 * is stopped, and the process exits 6 with nothing written; once results are being written, the write
 * is allowed to finish and the process exits with the run's own code, so the code always matches what
 * is on disk.
 *
 * <p>The hook is registered with Hadoop's shutdown hook manager, which Spark itself uses for its own
 * hooks, at a priority above Spark's: it runs <em>before</em> Spark's hook stops the SparkContext, so the
 * jobs end as cancelled rather than failing because the context went away. It ends the JVM with
 * {@link Runtime#halt} and the run's exit code (a JVM ended by a signal would otherwise exit 130).
 */
final class Interruption {
    /** Spark registers its own hooks at Hadoop priority 40 (FileSystem's 10 + 30); higher runs first. */
    static final int HOOK_PRIORITY = 100;
    /** How long a cancelled run may take to wind down (jobs cancelled, Spark stopped) before the JVM ends anyway. */
    private static final long CANCEL_GRACE_SECONDS = 20;
    /** How long an interrupted write may take to finish. */
    private static final long WRITE_GRACE_SECONDS = 600;

    private final CancelToken cancel = new CancelToken();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile JavaSparkContext spark;
    private volatile int code = 6;
    private boolean writing;

    private Interruption() {
    }

    /** A cancel token and write guard with no hook (a caller that runs {@link SparkRun#execute} itself). */
    static Interruption none() {
        return new Interruption();
    }

    /** Installs the Ctrl-C hook for this process. */
    static Interruption install(PrintStream err) {
        Interruption i = new Interruption();
        org.apache.hadoop.util.ShutdownHookManager.get().addShutdownHook(() -> i.interrupted(err), HOOK_PRIORITY,
                WRITE_GRACE_SECONDS + 60, TimeUnit.SECONDS);
        return i;
    }

    CancelToken token() {
        return cancel;
    }

    /** The Spark context whose jobs Ctrl-C cancels (null: none any more). */
    void attach(JavaSparkContext context) {
        this.spark = context;
    }

    /** @return false if the run was cancelled, in which case nothing may be written */
    synchronized boolean startWriting() {
        if (cancel.isCancelled()) {
            return false;
        }
        writing = true;
        return true;
    }

    /** The command is over (Spark stopped): the exit code the hook ends the JVM with, if it is waiting. */
    void finished(int exitCode) {
        code = exitCode;
        done.countDown();
    }

    private void interrupted(PrintStream err) {
        if (done.getCount() == 0) {
            return; // an ordinary System.exit after the command finished
        }
        boolean wasWriting;
        synchronized (this) {
            wasWriting = writing;
            if (!wasWriting) {
                cancel.cancel();
            }
        }
        if (wasWriting) {
            err.println("nernst-spark: interrupted while writing results; finishing the write ...");
        } else {
            JavaSparkContext sc = spark;
            String jobs = "";
            if (sc != null) {
                try {
                    int active = sc.statusTracker().getActiveJobIds().length;
                    sc.sc().cancelAllJobs();
                    jobs = " " + active + " running Spark job(s)";
                } catch (RuntimeException e) {
                    jobs = " (Spark: " + e.getMessage() + ")";
                }
            }
            err.println("nernst-spark: interrupted, cancelling" + (jobs.isEmpty() ? " the run" : jobs) + " ...");
        }
        try {
            if (!done.await(wasWriting ? WRITE_GRACE_SECONDS : CANCEL_GRACE_SECONDS, TimeUnit.SECONDS)) {
                err.println("nernst-spark: the run did not stop in time; exiting");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.flush();
        Runtime.getRuntime().halt(code);
    }
}

package org.nernst.store.internal;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.nernst.core.node.ProgressMonitor;

/**
 * Interrupts a long-running statement (a GROUP BY over 10^8 rows, a Parquet copy) when the
 * monitor is cancelled: the JDBC call itself cannot poll the monitor.
 */
final class CancelWatch implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nernst-store-cancel");
        t.setDaemon(true);
        return t;
    });

    private final ScheduledFuture<?> task;

    CancelWatch(Statement statement, ProgressMonitor monitor) {
        task = TIMER.scheduleWithFixedDelay(() -> {
            if (monitor.isCanceled()) {
                try {
                    statement.cancel();
                } catch (SQLException e) {
                    // the statement has ended meanwhile
                }
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}

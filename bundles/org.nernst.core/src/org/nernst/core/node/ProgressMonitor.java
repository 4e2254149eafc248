package org.nernst.core.node;

/**
 * Progress and cancellation for long work, in the style of Eclipse's {@code IProgressMonitor}
 * but free of the platform so headless code depends on nothing. Thread-safe.
 *
 * @since 0.1
 */
public interface ProgressMonitor {

    /** Starts a task of {@code totalWork} units ({@code <= 0} if unknown). */
    void begin(String task, int totalWork);

    /** Reports {@code work} more units done. */
    void worked(int work);

    /** Describes the current step, e.g. the file being read. */
    void subTask(String message);

    boolean isCanceled();

    /** @throws CancelledException if cancellation was requested */
    default void checkCanceled() {
        if (isCanceled() || Thread.currentThread().isInterrupted()) {
            throw new CancelledException();
        }
    }

    /** A monitor that reports nothing and is never cancelled. */
    static ProgressMonitor none() {
        return new ProgressMonitor() {
            @Override
            public void begin(String task, int totalWork) {
            }

            @Override
            public void worked(int work) {
            }

            @Override
            public void subTask(String message) {
            }

            @Override
            public boolean isCanceled() {
                return false;
            }
        };
    }
}

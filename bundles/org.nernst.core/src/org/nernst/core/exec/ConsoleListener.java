package org.nernst.core.exec;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints a run's progress to a terminal: one line per node event with the seconds since
 * {@code t0}, progress only when its text changes. Used by {@code nernst run} and the Spark driver.
 *
 * @since 0.3
 */
public final class ConsoleListener implements ExecutionListener {
    private final PrintStream err;
    private final long t0;
    private final Map<String, String> lastMessage = new ConcurrentHashMap<>();

    /** @param t0 the run's start, from {@link System#nanoTime()} */
    public ConsoleListener(PrintStream err, long t0) {
        this.err = err;
        this.t0 = t0;
    }

    private void line(String nodeId, String text) {
        err.printf(Locale.ROOT, "[%6.1fs] %-10s %s%n", (System.nanoTime() - t0) / 1e9, nodeId, text);
    }

    @Override
    public void nodeStarted(String nodeId) {
        line(nodeId, "started");
    }

    @Override
    public void progress(String nodeId, double fraction, String message) {
        if (message != null && !message.equals(lastMessage.put(nodeId, message))) {
            line(nodeId, fraction >= 0 ? String.format(Locale.ROOT, "%3.0f%% %s", 100 * fraction, message) : message);
        }
    }

    @Override
    public void message(String nodeId, boolean warning, String message) {
        line(nodeId, (warning ? "WARNING: " : "") + message);
    }

    @Override
    public void nodeFinished(String nodeId, long millis) {
        line(nodeId, String.format(Locale.ROOT, "done in %.2f s", millis / 1e3));
    }

    @Override
    public void nodeFailed(String nodeId, Throwable error) {
        line(nodeId, "FAILED: " + error.getMessage());
    }
}

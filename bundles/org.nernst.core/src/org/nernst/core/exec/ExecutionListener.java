package org.nernst.core.exec;

/**
 * Hears what a run does, node by node. Called from worker threads; implementations are thread-safe
 * and quick.
 *
 * @since 0.1
 */
public interface ExecutionListener {

    default void nodeStarted(String nodeId) {
    }

    /** Progress of a node, {@code fraction} in [0, 1] or negative if unknown. */
    default void progress(String nodeId, double fraction, String message) {
    }

    /** A message the node wants the user to see; {@code warning} marks a warning. */
    default void message(String nodeId, boolean warning, String message) {
    }

    default void nodeFinished(String nodeId, long millis) {
    }

    default void nodeFailed(String nodeId, Throwable error) {
    }
}

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

    /**
     * A node's outputs, with their provenance, handed over as soon as the node has finished
     * (just before {@link #nodeFinished}) while later nodes may still be running, so a caller
     * can show them before the run ends. If the run fails or is cancelled afterwards, outputs
     * already handed over stay valid results of this node.
     *
     * @param outputs output port → result, in the order the node declares its ports
     * @since 0.3
     */
    default void nodeOutputs(String nodeId, java.util.Map<String, Result> outputs) {
    }

    default void nodeFailed(String nodeId, Throwable error) {
    }
}

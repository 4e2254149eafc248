package org.nernst.core.node;

import java.util.Optional;

/**
 * What a running node sees: its inputs, parameters, seed, progress monitor and a log that is
 * shown to the user (the CLI prints it, the workbench shows it on the node).
 *
 * @since 0.1
 */
public interface NodeContext {

    /** The node's id in the workflow. */
    String nodeId();

    NodeDescriptor descriptor();

    Parameters parameters();

    /** Seed for every random choice the node makes, so runs are reproducible. */
    long seed();

    ProgressMonitor monitor();

    /**
     * The value connected to an input port.
     *
     * @throws IllegalArgumentException if the port is unconnected or holds another type
     */
    <T> T input(String port, Class<T> type);

    /** The value of an optional input port, if connected. */
    <T> Optional<T> optionalInput(String port, Class<T> type);

    /** A message the user should see (e.g. how many invalid cycles were excluded). */
    void info(String message);

    /** A warning the user should see; the run continues. */
    void warn(String message);

    /**
     * Where the node's data-parallel inner loops run: threads of this process unless the run was
     * started with another backend (e.g. Spark by {@code nernst-spark}). A node that maps over many
     * independent items should use it rather than its own threads.
     *
     * @since 0.3
     */
    default org.nernst.core.exec.DataParallel dataParallel() {
        return org.nernst.core.exec.DataParallel.inProcess();
    }
}

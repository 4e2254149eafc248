package org.nernst.core.node;

import java.util.Map;

/**
 * The contract of every dataset, featurizer and operation contribution (estimators, twins, state
 * estimators and optimizers have contracts of their own that the registry adapts to nodes).
 * <p>
 * As in KNIME, checking and running are split: {@link #configure(Parameters)} checks parameters
 * before any data exists, so the editor and {@code nernst validate} report errors early;
 * {@link #execute(NodeContext)} does the work. Implementations keep no state between runs, never
 * modify their inputs, and call {@link ProgressMonitor#checkCanceled()} inside long loops.
 *
 * @since 0.1
 */
public interface Node {

    /**
     * Checks the node's parameters beyond what their metadata says (e.g. that two columns differ).
     *
     * @throws IllegalArgumentException naming the parameter and what is expected
     */
    default void configure(Parameters parameters) {
    }

    /**
     * Runs the node.
     *
     * @return one value per declared output port, by port name
     * @throws DataException when input data is unusable (names the file, row and column)
     * @throws CancelledException when the monitor was cancelled
     * @throws Exception any other failure; the executor reports it against this node
     */
    Map<String, Object> execute(NodeContext context) throws Exception;
}

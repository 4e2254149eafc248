package org.nernst.core.twin;

import java.util.List;

import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Table;

/**
 * The contract of an {@code org.nernst.core.twins} contribution: a digital twin of a cell that
 * simulates an experiment. As in PyBaMM, the model's equations live in the implementation, its
 * parameter set comes in as {@link Parameters}, and the experiment is data, so each can be swapped.
 * <p>
 * The registry adapts a twin to a node with input {@code experiment} (a table) and output
 * {@code simulation} (a table).
 *
 * @since 0.1
 */
public interface TwinModel {

    /** Names of the model's states, e.g. {@code soc}, {@code v_rc1}, for plots and estimators. */
    List<String> stateNames();

    /**
     * Simulates an experiment.
     *
     * @param experiment the load to apply: at least columns {@code time [s]} and {@code current [A]}
     *        (positive = discharge), or a protocol the model documents
     * @param parameters the parameter set
     * @param seed seed for stochastic models (noise, cell-to-cell variation)
     * @param monitor progress and cancellation; long integrations check it between steps
     * @return a time series with at least {@code time [s]}, {@code current [A]} and {@code voltage [V]}
     *         and one column per state
     */
    Table simulate(Table experiment, Parameters parameters, long seed, ProgressMonitor monitor) throws Exception;
}

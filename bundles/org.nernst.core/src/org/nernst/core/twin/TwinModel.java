package org.nernst.core.twin;

import java.util.List;
import java.util.Map;

import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Table;

/**
 * The contract of an {@code org.nernst.core.twins} contribution: a digital twin of a cell that
 * simulates an experiment. As in PyBaMM, the model's equations live in the implementation, its
 * parameter set comes in as {@link Parameters}, and the experiment is data, so each can be swapped.
 * <p>
 * The registry adapts a twin to a node with input {@code experiment} (a table) and output
 * {@code simulation} (a table); a contribution may declare further inputs (e.g. an identified
 * parameter set or an estimator to train), which arrive through
 * {@link #simulate(Table, Map, Parameters, long, ProgressMonitor)}.
 * <p>
 * Tables use the sign convention of the cycler connectors: <b>current positive while charging</b>.
 *
 * @since 0.1
 */
public interface TwinModel {

    /** Names of the model's states, e.g. {@code soc}, {@code v_rc1}, for plots and estimators. */
    List<String> stateNames();

    /**
     * Simulates an experiment.
     *
     * @param experiment the load to apply: a time series with time (s) and current (A, positive =
     *        charge) columns, or experiment steps the model documents
     * @param parameters the parameter set
     * @param seed seed for stochastic models (noise, cell-to-cell variation)
     * @param monitor progress and cancellation; long integrations check it between steps
     * @return a time series with at least {@code time [s]}, {@code current [A]} and {@code voltage [V]}
     *         and one column per state
     */
    Table simulate(Table experiment, Parameters parameters, long seed, ProgressMonitor monitor) throws Exception;

    /**
     * Simulates an experiment with the further inputs the contribution declares ({@code <input>}
     * elements), keyed by port name; ports left unconnected are absent. The default
     * ignores them.
     *
     * @since 0.2
     */
    default Table simulate(Table experiment, Map<String, Object> inputs, Parameters parameters, long seed,
            ProgressMonitor monitor) throws Exception {
        return simulate(experiment, parameters, seed, monitor);
    }

    /**
     * Checks parameters before any data exists (as {@code Node#configure} does), so the editor and
     * {@code nernst validate} report a bad parameter set early. The default accepts everything.
     *
     * @throws IllegalArgumentException naming the parameter and what is expected
     * @since 0.2
     */
    default void configure(Parameters parameters) {
    }
}

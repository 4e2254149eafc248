package org.nernst.core.estimation;

import java.util.List;
import java.util.Map;

import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Table;

/**
 * The contract of an {@code org.nernst.core.stateEstimators} contribution: estimates hidden states
 * of a cell (SOC, SOH, internal resistance ...) from measurements, sample by sample.
 * <p>
 * The registry adapts a state estimator to a node with input {@code measurements} and output
 * {@code states}; a contribution may declare further inputs (e.g. an identified cell model),
 * which arrive through {@link #estimate(Table, Map, Parameters, ProgressMonitor)}.
 * <p>
 * Tables use the sign convention of the cycler connectors: <b>current positive while charging</b>.
 *
 * @since 0.1
 */
public interface StateEstimator {

    /** The states estimated, e.g. {@code soc}; the output has one column per state. */
    List<String> stateNames();

    /**
     * Runs the estimator over a measured time series.
     *
     * @param measurements at least {@code time [s]}, {@code current [A]} and {@code voltage [V]}
     * @return the input's time column, one column per state and, where the method gives it, a
     *         {@code <state>_std} column with the estimate's standard deviation
     */
    Table estimate(Table measurements, Parameters parameters, ProgressMonitor monitor) throws Exception;

    /**
     * Estimates with the further inputs the contribution declares ({@code <input>} elements),
     * keyed by port name; ports left unconnected are absent. The default ignores them.
     *
     * @since 0.2
     */
    default Table estimate(Table measurements, Map<String, Object> inputs, Parameters parameters,
            ProgressMonitor monitor) throws Exception {
        return estimate(measurements, parameters, monitor);
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

package org.nernst.core.estimation;

import java.util.List;

import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Table;

/**
 * The contract of an {@code org.nernst.core.stateEstimators} contribution: estimates hidden states
 * of a cell (SOC, SOH, internal resistance ...) from measurements, sample by sample.
 * <p>
 * The registry adapts a state estimator to a node with input {@code measurements} and output
 * {@code states}.
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
}

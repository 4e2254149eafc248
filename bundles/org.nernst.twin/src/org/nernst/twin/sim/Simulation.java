package org.nernst.twin.sim;

import java.util.Optional;

import org.nernst.core.table.Table;

/**
 * What a simulation produced: the time series, and why it stopped early if it did (an infeasible
 * step when the run was asked to stop rather than fail).
 *
 * @since 0.2
 */
public record Simulation(Table table, Optional<String> stoppedEarly) {
}

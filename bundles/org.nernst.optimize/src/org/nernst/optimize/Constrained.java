package org.nernst.optimize;

import java.util.Map;

/**
 * Implemented by optimizer sessions that model feasibility apart from the objective. An optimization
 * run reports an infeasible evaluation here instead of through {@code observe}, so the surrogate of
 * the objective is not bent by penalty values (a cliff a Gaussian process models badly) and the
 * optimizer can weigh its acquisition by the probability that a point is feasible.
 *
 * @since 0.1
 */
public interface Constrained {
    /** Reports that {@code point} is infeasible; {@code penalty} is the value it would be observed with otherwise. */
    void observeInfeasible(Map<String, Object> point, double penalty);
}

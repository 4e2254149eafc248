package org.nernst.core.optimize;

import java.util.List;
import java.util.Map;

import org.nernst.core.node.ParameterSpec;
import org.nernst.core.node.Parameters;

/**
 * The contract of an {@code org.nernst.core.optimizers} contribution, in ask/tell form so the
 * same optimizer drives a twin, a lab or a distributed sweep, and a run can be resumed from its
 * recorded history.
 *
 * @since 0.1
 */
public interface Optimizer {

    /**
     * Starts an optimization over a search space.
     *
     * @param space the variables, as parameter specs (numbers with min/max, choices for categories)
     * @param parameters the optimizer's own settings
     * @param seed seed for every random choice
     */
    Session start(List<ParameterSpec> space, Parameters parameters, long seed);

    /** One optimization run. Minimizes the observed objective. */
    interface Session {
        /** Proposes up to {@code count} points to evaluate next. */
        List<Map<String, Object>> propose(int count);

        /** Reports the objective observed at a point (proposed or not). */
        void observe(Map<String, Object> point, double objective);
    }
}

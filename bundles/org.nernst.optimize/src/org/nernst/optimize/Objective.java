package org.nernst.optimize;

import java.util.Map;

import org.nernst.core.node.ProgressMonitor;

/**
 * What an optimization run minimizes: a twin, a lab import, a test function.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Objective {

    /**
     * Evaluates one point. An infeasible point is reported with {@code feasible = false} and a
     * finite penalty value (the surrogate must still learn to avoid it).
     */
    Evaluation evaluate(Map<String, Object> point, ProgressMonitor monitor) throws Exception;

    /** One evaluation: the value minimized, whether the point is feasible, and a note (why not). */
    record Evaluation(double value, boolean feasible, String note) {
        public static Evaluation of(double value) {
            return new Evaluation(value, true, "");
        }
    }
}

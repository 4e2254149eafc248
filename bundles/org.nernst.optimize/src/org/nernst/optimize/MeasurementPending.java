package org.nernst.optimize;

/**
 * Thrown by an {@link Objective} whose value comes from the lab when the point has not been
 * measured yet. {@link OptimizationRun} then keeps the point as pending in its history, stops, and
 * lists it in {@link OptimizationRun.Result#awaiting()}; the next run with the measurement imported
 * evaluates it and goes on.
 *
 * @since 0.2
 */
public final class MeasurementPending extends Exception {
    private static final long serialVersionUID = 1L;

    public MeasurementPending(String message) {
        super(message);
    }
}

package org.nernst.optimize;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nernst.core.node.DataException;
import org.nernst.core.node.ParameterSpec;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Column;
import org.nernst.core.table.Table;

/**
 * The lab as an {@link Objective}: a point's value is looked up in a table of measured results
 * (one column per variable and the measured column); a point not measured yet raises
 * {@link MeasurementPending}, so the run stops and lists it for the lab. An optional gate (the
 * digital twin) is asked first: what it finds infeasible is rejected without spending lab time.
 * Numbers match when equal to 1e-9 relative (the proposals are handed out in full precision).
 *
 * @since 0.2
 */
public final class LabMeasurements implements Objective {
    private final List<ParameterSpec> variables;
    private final Table measured;
    private final Column result;
    private final boolean maximize;
    private final boolean logScale;
    private final Objective gate;

    /**
     * @param column   the measured quantity
     * @param maximize larger measurements are better (the run minimizes the negated value)
     * @param logScale optimize the logarithm of the measurement (positive values only)
     * @param gate     asked before the lookup; its infeasible verdict is final ({@code null}: none)
     */
    public LabMeasurements(List<ParameterSpec> variables, Table measured, String column, boolean maximize,
            boolean logScale, Objective gate) throws DataException {
        this.variables = List.copyOf(variables);
        this.measured = measured;
        for (ParameterSpec v : variables) {
            if (measured.find(v.name()).isEmpty()) {
                throw new DataException(measured.name(), "column '" + v.name() + "'", "not found; measured results need "
                        + "one column per variable and the '" + column + "' column (the pending table, filled in)");
            }
        }
        this.result = measured.find(column).orElseThrow(() -> new DataException(measured.name(), "column '" + column
                + "'", "not found; the measured results have " + measured.columnNames()));
        this.maximize = maximize;
        this.logScale = logScale;
        this.gate = gate;
    }

    @Override
    public Evaluation evaluate(Map<String, Object> point, ProgressMonitor monitor) throws Exception {
        String twinNote = "";
        if (gate != null) {
            Evaluation verdict = gate.evaluate(point, monitor);
            if (!verdict.feasible()) {
                return new Evaluation(verdict.value(), false, "rejected by the twin: " + verdict.note());
            }
            twinNote = "; twin: " + verdict.note();
        }
        for (int r = 0; r < measured.rowCount(); r++) {
            if (!matches(point, r)) {
                continue;
            }
            double v = result.asDouble(r);
            if (Double.isNaN(v)) {
                continue; // a pending row handed back without its measurement
            }
            if (logScale && !(v > 0)) {
                throw new DataException(measured.name(), "row " + (r + 1) + ", column '" + result.name() + "'", v
                        + " cannot be optimized on a log scale; a positive value was expected");
            }
            double value = logScale ? Math.log(v) : v;
            return new Evaluation(maximize ? -value : value, true, String.format(Locale.ROOT, "measured %s = %s%s",
                    result.name(), v, twinNote));
        }
        throw new MeasurementPending("no measurement yet for " + point);
    }

    private boolean matches(Map<String, Object> point, int row) {
        for (ParameterSpec v : variables) {
            Object want = point.get(v.name());
            Column c = measured.column(v.name());
            if (want instanceof Number n) {
                double a = n.doubleValue();
                double b = c.asDouble(row);
                if (!(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)))) {
                    return false;
                }
            } else if (!String.valueOf(want).equals(c.format(row))) {
                return false;
            }
        }
        return true;
    }
}

package org.nernst.twin.sim;

import org.nernst.core.node.DataException;
import org.nernst.core.table.Column;
import org.nernst.core.table.Table;

/**
 * A load profile: current (A) or power (W) at increasing times, <b>positive while charging</b> (the
 * tables' convention), each value held until the next time stamp (zero-order hold, as a cycler
 * replays a profile).
 *
 * @param source where it came from, for messages
 * @param time seconds, strictly increasing
 * @param value A or W, + = charge
 * @param power whether {@code value} is a power
 * @since 0.2
 */
public record DriveCycle(String source, double[] time, double[] value, boolean power) {

    /**
     * A drive cycle from a table with a time column ({@code test_time} or {@code time}) and a
     * {@code current} (A) or {@code power} (W) column, positive while charging.
     */
    public static DriveCycle of(Table table, String source) throws DataException {
        Column t = find(table, "test_time", "time");
        Column c = find(table, "current", "power");
        if (t == null || c == null) {
            throw new DataException(source, "header", "a drive cycle needs a time column (test_time or time, s) and a "
                    + "current (A) or power (W) column, positive while charging; found " + table.columnNames());
        }
        int n = table.rowCount();
        if (n < 2) {
            throw new DataException(source, "rows", "a drive cycle needs at least two samples, found " + n);
        }
        double[] time = new double[n];
        double[] value = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = t.asDouble(i);
            value[i] = c.asDouble(i);
            if (!Double.isFinite(time[i]) || !Double.isFinite(value[i])) {
                throw new DataException(source, "row " + (i + 1), "time and " + c.name() + " must be finite numbers");
            }
            if (i > 0 && !(time[i] > time[i - 1])) {
                throw new DataException(source, "row " + (i + 1) + ", column " + t.name(), "time " + time[i]
                        + " does not increase (previous " + time[i - 1] + ")");
            }
        }
        return new DriveCycle(source, time, value, c.name().equals("power"));
    }

    private static Column find(Table table, String... names) {
        for (String n : names) {
            if (table.find(n).isPresent()) {
                return table.column(n);
            }
        }
        return null;
    }

    /** The duration it covers (s). */
    public double duration() {
        return time[time.length - 1] - time[0];
    }
}

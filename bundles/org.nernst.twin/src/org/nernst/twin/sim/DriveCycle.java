package org.nernst.twin.sim;

import org.nernst.core.node.DataException;
import org.nernst.core.table.Column;
import org.nernst.core.table.Table;

/**
 * A load profile: current (A) or power (W) at increasing times, <b>positive while charging</b> (the
 * tables' convention), held constant between time stamps.
 * <p>
 * Which value holds over an interval depends on what the table is. A <b>profile</b> (a drive-cycle
 * file: "from t = 0 s draw 4 A, from t = 10 s rest") holds each value <i>until</i> the next time
 * stamp. A <b>log</b> (measured data, or a simulation's output) records at each time stamp what flowed
 * <i>since</i> the previous one; replaying it that way reproduces a simulation sample for sample.
 *
 * @param source where it came from, for messages
 * @param time seconds, non-decreasing (a repeated time stamp, which real loggers write, is an empty interval)
 * @param value A or W, + = charge
 * @param power whether {@code value} is a power
 * @param logged whether each value is what flowed since the previous time stamp (a log) rather than
 *        what flows until the next (a profile)
 * @since 0.2
 */
public record DriveCycle(String source, double[] time, double[] value, boolean power, boolean logged) {

    /**
     * A profile (values hold until the next time stamp) from a table with a time column
     * ({@code test_time} or {@code time}) and a {@code current} (A) or {@code power} (W) column,
     * positive while charging.
     */
    public static DriveCycle of(Table table, String source) throws DataException {
        return of(table, source, false);
    }

    /** A log (values flowed since the previous time stamp) from a table, as {@link #of(Table, String)}. */
    public static DriveCycle log(Table table, String source) throws DataException {
        return of(table, source, true);
    }

    private static DriveCycle of(Table table, String source, boolean logged) throws DataException {
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
            if (i > 0 && time[i] < time[i - 1]) {
                throw new DataException(source, "row " + (i + 1) + ", column " + t.name(), "time " + time[i]
                        + " goes back (previous " + time[i - 1] + "); a load profile runs forward in time");
            }
        }
        return new DriveCycle(source, time, value, c.name().equals("power"), logged);
    }

    private static Column find(Table table, String... names) {
        for (String n : names) {
            if (table.find(n).isPresent()) {
                return table.column(n);
            }
        }
        return null;
    }

    /** The value (A or W, + = charge) that flows over the interval from time stamp k to k + 1. */
    public double over(int k) {
        return value[logged ? k + 1 : k];
    }

    /** The duration it covers (s). */
    public double duration() {
        return time[time.length - 1] - time[0];
    }
}

package org.nernst.store.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Column;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.LongColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;

/** Tables to store, and an exact comparison of two tables. */
final class Tables {
    private Tables() {
    }

    /** Every column type, units, roles, missing values, awkward names and extreme values. */
    static Table allKinds() {
        return new Table("cell A", List.of(
                new DoubleColumn("voltage", "V", Role.TARGET, new double[] { 4.2, Double.NaN, -0.0, 1e-300, 3.3011565 }),
                new LongColumn("cycle", "", Role.TIME, new long[] { Long.MIN_VALUE, 0, 1, 2, Long.MAX_VALUE }),
                new StringColumn("cell", Role.GROUP, new String[] { "B0005", null, "", "Ünïcode °C", "it's \"quoted\"" }),
                new DoubleColumn("dV/dt [raw]", "V/s", Role.FEATURE, new double[] { Double.NaN, Double.NaN, 1, 2, 3 }),
                new DoubleColumn("temperature", "°C", Role.NONE, new double[] { 24, 24.5, 25, Double.POSITIVE_INFINITY, 26 })));
    }

    /** {@code rows} rows of time, voltage, cycle. */
    static Table synthetic(String name, int rows, double offset) {
        double[] t = new double[rows];
        double[] v = new double[rows];
        long[] c = new long[rows];
        for (int i = 0; i < rows; i++) {
            t[i] = i * 0.1;
            v[i] = offset + 3 + (i % 1000) * 0.001;
            c[i] = i / 1000;
        }
        return new Table(name, List.of(new DoubleColumn("time", "s", Role.TIME, t), new DoubleColumn("voltage", "V", Role.NONE, v),
                new LongColumn("cycle", "", Role.GROUP, c)));
    }

    /** Same column names, units, roles, types and values (NaN equal to NaN, -0.0 kept apart from 0.0). */
    static void assertSame(Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(expected.rowCount(), actual.rowCount());
        for (int i = 0; i < expected.columnCount(); i++) {
            Column e = expected.columns().get(i);
            Column a = actual.columns().get(i);
            String what = "column '" + e.name() + "'";
            assertEquals(e.type(), a.type(), what);
            assertEquals(e.unit(), a.unit(), what);
            assertEquals(e.role(), a.role(), what);
            switch (e) {
                case DoubleColumn d -> assertArrayEquals(d.toArray(), ((DoubleColumn) a).toArray(), what);
                case LongColumn l -> {
                    for (int r = 0; r < l.size(); r++) {
                        assertEquals(l.get(r), ((LongColumn) a).get(r), what + " row " + r);
                    }
                }
                case StringColumn s -> {
                    for (int r = 0; r < s.size(); r++) {
                        assertEquals(s.get(r), ((StringColumn) a).get(r), what + " row " + r);
                    }
                }
            }
        }
    }

    /** A monitor that reports cancellation once {@code worked} has been called {@code after} times. */
    static ProgressMonitor cancelAfter(int after) {
        AtomicInteger work = new AtomicInteger();
        return new ProgressMonitor() {
            @Override
            public void begin(String task, int totalWork) {
            }

            @Override
            public void worked(int units) {
                work.incrementAndGet();
            }

            @Override
            public void subTask(String message) {
            }

            @Override
            public boolean isCanceled() {
                return work.get() >= after;
            }
        };
    }

    /** A monitor that fails, as a bug or a full disk would, on the {@code at}-th progress report. */
    static ProgressMonitor failAt(int at) {
        AtomicInteger work = new AtomicInteger();
        return new ProgressMonitor() {
            @Override
            public void begin(String task, int totalWork) {
            }

            @Override
            public void worked(int units) {
                if (work.incrementAndGet() == at) {
                    throw new IllegalStateException("failure on purpose, midway through the import");
                }
            }

            @Override
            public void subTask(String message) {
            }

            @Override
            public boolean isCanceled() {
                return false;
            }
        };
    }
}

package org.nernst.features.cycling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Column;
import org.nernst.core.table.ColumnType;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;

/**
 * Per-cycle summaries of any cycler time series in the canonical layout (see
 * {@code org.nernst.data.cycler.CyclerColumns}): charge and discharge capacity and energy,
 * coulombic and energy efficiency, voltage range, mean and maximum temperature, internal
 * resistance (the last value measured in the cycle), duration and sample count. Capacities and
 * energies come from the file's cumulative columns where it has them (maximum minus minimum within
 * the cycle, so it works whether the cycler resets them per cycle or not), otherwise from the
 * current integrated over time (trapezoids between consecutive samples of the cycle). Duration is
 * the sum of the forward time steps; a step back in time (a clock reset) is not integrated and is
 * counted ({@link #backwardSteps()}).
 *
 * @since 0.1
 */
public final class CycleSummaries {
    private final String groupColumn;
    private final String timeColumn;

    public CycleSummaries(String groupColumn, String timeColumn) {
        this.groupColumn = groupColumn;
        this.timeColumn = timeColumn;
    }

    private static final class Acc {
        final String cell;
        final double cycle;
        int n;
        double t0 = Double.NaN, duration;
        double qc, qd, ec, ed;
        double qcMin = Double.NaN, qcMax = Double.NaN, qdMin = Double.NaN, qdMax = Double.NaN;
        double ecMin = Double.NaN, ecMax = Double.NaN, edMin = Double.NaN, edMax = Double.NaN;
        double vMin = Double.NaN, vMax = Double.NaN, tSum, tMax = Double.NaN, ir = Double.NaN;
        int tN;
        int lastRow = -2;

        Acc(String cell, double cycle) {
            this.cell = cell;
            this.cycle = cycle;
        }
    }

    /** Times the clock went backwards between consecutive samples of a cycle in the last {@link #compute}. */
    public int backwardSteps() {
        return backwards;
    }

    private int backwards;

    public Table compute(Table ts, ProgressMonitor monitor) throws DataException {
        backwards = 0;
        for (String need : List.of("cycle", timeColumn, "current", "voltage")) {
            if (ts.find(need).isEmpty()) {
                throw new DataException(ts.name(), "column '" + need + "'", "not found; cycle summaries need cycle, "
                        + timeColumn + ", current and voltage (the layout of the cycler connectors); the table has "
                        + ts.columnNames());
            }
        }
        Column cellCol = ts.find(groupColumn).orElse(null);
        double[] cycle = ts.doubles("cycle"), time = ts.doubles(timeColumn), current = ts.doubles("current"),
                voltage = ts.doubles("voltage");
        double[] qc = opt(ts, "charge_capacity"), qd = opt(ts, "discharge_capacity"), ec = opt(ts, "charge_energy"),
                ed = opt(ts, "discharge_energy"), temp = opt(ts, "temperature"), ir = opt(ts, "internal_resistance");
        Map<String, Acc> accs = new LinkedHashMap<>();
        int n = ts.rowCount();
        Acc prev = null;
        for (int i = 0; i < n; i++) {
            if ((i & 0xFFFF) == 0) {
                monitor.checkCanceled();
            }
            if (Double.isNaN(cycle[i])) {
                continue;
            }
            String cell = cellCol == null ? "" : cellCol.format(i);
            double cyc = cycle[i];
            Acc a = prev != null && prev.cycle == cyc && prev.cell.equals(cell) ? prev
                    : accs.computeIfAbsent(cell + "\u0000" + cyc, k -> new Acc(cell, cyc));
            boolean contiguous = a.lastRow == i - 1;
            double dt = contiguous ? time[i] - time[i - 1] : Double.NaN;
            if (dt < 0) {
                backwards++;
            }
            if (dt > 0) {
                a.duration += dt;
                double i0 = nz(current[i - 1]), i1 = nz(current[i]);
                double p0 = i0 * nz(voltage[i - 1]), p1 = i1 * nz(voltage[i]);
                a.qc += dt * (Math.max(i0, 0) + Math.max(i1, 0)) / 2 / 3600;
                a.qd += dt * (Math.max(-i0, 0) + Math.max(-i1, 0)) / 2 / 3600;
                a.ec += dt * (Math.max(p0, 0) + Math.max(p1, 0)) / 2 / 3600;
                a.ed += dt * (Math.max(-p0, 0) + Math.max(-p1, 0)) / 2 / 3600;
            }
            a.lastRow = i;
            a.n++;
            if (Double.isNaN(a.t0)) {
                a.t0 = time[i];
            }
            a.vMin = nanMin(a.vMin, voltage[i]);
            a.vMax = nanMax(a.vMax, voltage[i]);
            if (qc != null) {
                a.qcMin = nanMin(a.qcMin, qc[i]);
                a.qcMax = nanMax(a.qcMax, qc[i]);
            }
            if (qd != null) {
                a.qdMin = nanMin(a.qdMin, qd[i]);
                a.qdMax = nanMax(a.qdMax, qd[i]);
            }
            if (ec != null) {
                a.ecMin = nanMin(a.ecMin, ec[i]);
                a.ecMax = nanMax(a.ecMax, ec[i]);
            }
            if (ed != null) {
                a.edMin = nanMin(a.edMin, ed[i]);
                a.edMax = nanMax(a.edMax, ed[i]);
            }
            if (temp != null && !Double.isNaN(temp[i])) {
                a.tSum += temp[i];
                a.tN++;
                a.tMax = nanMax(a.tMax, temp[i]);
            }
            if (ir != null && !Double.isNaN(ir[i]) && ir[i] != 0) {
                a.ir = ir[i];
            }
            prev = a;
        }
        int m = accs.size();
        String[] cells = new String[m];
        double[][] out = new double[15][m];
        int r = 0;
        for (Acc a : accs.values()) {
            cells[r] = a.cell;
            double cq = qc != null ? a.qcMax - a.qcMin : a.qc;
            double dq = qd != null ? a.qdMax - a.qdMin : a.qd;
            double ce = ec != null ? a.ecMax - a.ecMin : a.ec;
            double de = ed != null ? a.edMax - a.edMin : a.ed;
            double[] row = { a.cycle, a.t0, a.duration, a.n, cq, dq, ce, de, cq > 0 ? dq / cq : Double.NaN,
                    ce > 0 ? de / ce : Double.NaN, a.vMin, a.vMax, a.tN > 0 ? a.tSum / a.tN : Double.NaN, a.tMax, a.ir };
            for (int k = 0; k < row.length; k++) {
                out[k][r] = row[k];
            }
            r++;
        }
        String[][] names = { { "cycle", "" }, { "start_time", "s" }, { "duration", "s" }, { "samples", "" },
                { "charge_capacity", "Ah" }, { "discharge_capacity", "Ah" }, { "charge_energy", "Wh" },
                { "discharge_energy", "Wh" }, { "coulombic_efficiency", "" }, { "energy_efficiency", "" },
                { "min_voltage", "V" }, { "max_voltage", "V" }, { "mean_temperature", "°C" }, { "max_temperature", "°C" },
                { "internal_resistance", "Ω" } };
        List<Column> cols = new ArrayList<>();
        if (cellCol != null) {
            cols.add(new StringColumn(groupColumn, Role.GROUP, cells));
        }
        for (int k = 0; k < names.length; k++) {
            boolean absent = (k == 12 || k == 13) && temp == null || k == 14 && ir == null;
            if (!absent) {
                cols.add(new DoubleColumn(names[k][0], names[k][1], Role.NONE, out[k]));
            }
        }
        return new Table(ts.name() + "-cycles", cols);
    }

    private static double[] opt(Table t, String name) {
        return t.find(name).filter(c -> c.type() != ColumnType.STRING).isPresent() ? t.doubles(name) : null;
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static double nanMin(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
    }

    private static double nanMax(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }
}

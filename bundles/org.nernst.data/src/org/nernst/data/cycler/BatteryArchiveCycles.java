package org.nernst.data.cycler;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Column;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.data.internal.text.ColumnKind;
import org.nernst.data.internal.text.DelimitedTextReader;

/**
 * BatteryArchive {@code *cycle_data.csv} files: one row per cycle, read into the column names of
 * the cycle-summary featurizer ({@code cycle}, {@code start_time}, {@code end_time},
 * {@code test_time}, {@code min_current} ... {@code discharge_energy}) plus the coulombic
 * efficiency, so a summary from BatteryArchive and one computed from a time series line up.
 */
final class BatteryArchiveCycles {
    private static final String[][] COLUMNS = {
            { "cycle_index", "cycle", "" }, { "start_time", "start_time", "s" }, { "end_time", "end_time", "s" },
            { "test_time", "test_time", "s" }, { "min_current", "min_current", "A" }, { "max_current", "max_current", "A" },
            { "min_voltage", "min_voltage", "V" }, { "max_voltage", "max_voltage", "V" },
            { "charge_capacity", "charge_capacity", "Ah" }, { "discharge_capacity", "discharge_capacity", "Ah" },
            { "charge_energy", "charge_energy", "Wh" }, { "discharge_energy", "discharge_energy", "Wh" } };

    private BatteryArchiveCycles() {
    }

    static Table read(Path file, Consumer<String> warnings, ProgressMonitor monitor) throws DataException, IOException {
        Map<String, Integer> at = new LinkedHashMap<>();
        Map<String, Units> units = new LinkedHashMap<>();
        List<DataException> problems = new ArrayList<>();
        DelimitedTextReader.Result r = new DelimitedTextReader(file, DelimitedTextReader.Layout.csv().withDelimiter(','),
                warnings).read((i, h) -> {
                    Header hd = Header.parse(h);
                    for (String[] c : COLUMNS) {
                        if (c[0].equals(hd.key()) && !at.containsKey(c[1])) {
                            boolean time = c[1].endsWith("_time") && !c[1].equals("test_time");
                            Units u = time ? Units.SAME : Units.to(c[2].isEmpty() ? "-" : c[2], c[2].isEmpty() ? "" : hd.unit());
                            if (u == null) {
                                problems.add(new DataException(file, "line 1, column '" + h + "'", "unit '" + hd.unit()
                                        + "' cannot be converted to " + c[2]));
                                return ColumnKind.SKIP;
                            }
                            at.put(c[1], i);
                            units.put(c[1], u);
                            return time ? ColumnKind.TIMESTAMP : ColumnKind.NUMBER;
                        }
                    }
                    return ColumnKind.SKIP;
                }, monitor);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        for (String need : List.of("cycle", "charge_capacity", "discharge_capacity")) {
            if (!at.containsKey(need)) {
                throw new DataException(file, "line 1", "has no column for " + need + "; expected "
                        + CyclerFormat.BATTERY_ARCHIVE_CYCLES.expected());
            }
        }
        List<Column> cols = new ArrayList<>();
        for (String[] c : COLUMNS) {
            Integer i = at.get(c[1]);
            if (i != null) {
                double[] v = r.numbers()[i];
                Units u = units.get(c[1]);
                for (int k = 0; k < v.length; k++) {
                    v[k] = u.apply(v[k]);
                }
                cols.add(new DoubleColumn(c[1], c[2], Role.NONE, v));
            }
        }
        double[] qc = r.numbers()[at.get("charge_capacity")], qd = r.numbers()[at.get("discharge_capacity")];
        double[] ce = new double[qc.length];
        for (int k = 0; k < ce.length; k++) {
            ce[k] = qc[k] > 0 ? qd[k] / qc[k] : Double.NaN;
        }
        cols.add(new DoubleColumn("coulombic_efficiency", "", Role.NONE, ce));
        return new Table(CyclerReader.stem(file), cols);
    }
}

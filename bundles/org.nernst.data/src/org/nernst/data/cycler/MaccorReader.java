package org.nernst.data.cycler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Table;
import org.nernst.data.internal.text.ColumnKind;
import org.nernst.data.internal.text.DelimitedTextReader;

/**
 * Maccor text exports: line 1 describes the test, line 2 is the tab-separated header, then one
 * record per line (ISO-8859-1). Maccor writes {@code Amps} unsigned in older exports and signed in
 * newer ones, and {@code Amp-hr}/{@code Watt-hr} as the amount of the current step only; the
 * {@code State} column (C charge, D discharge, R rest, O/S other) says which. Nernst signs the
 * current by the state and accumulates the step amounts into capacities and energies cumulative
 * within each cycle, as the other cyclers write them. Test time is seconds or {@code Nd HH:MM:SS.f}.
 */
final class MaccorReader {
    private final Consumer<String> warnings;

    MaccorReader(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    Table read(Path file, ProgressMonitor monitor) throws DataException, IOException {
        Map<String, Integer> at = new LinkedHashMap<>();
        DelimitedTextReader.Result r = new DelimitedTextReader(file, new DelimitedTextReader.Layout('\t',
                StandardCharsets.ISO_8859_1, 2, true, DelimitedTextReader.Layout.csv().threads()), warnings)
                .recordingLines().read((i, h) -> kind(i, h, at), monitor);
        for (String required : new String[] { "cycle", "step", "time", "ah", "wh", "amps", "volts", "state" }) {
            if (!at.containsKey(required)) {
                throw new DataException(file, "line 2", "has no " + switch (required) {
                    case "cycle" -> "Cyc#";
                    case "step" -> "Step";
                    case "time" -> "Test (Sec) or TestTime";
                    case "ah" -> "Amp-hr";
                    case "wh" -> "Watt-hr";
                    case "amps" -> "Amps";
                    case "volts" -> "Volts";
                    default -> "State";
                } + " column; expected " + CyclerFormat.MACCOR.expected());
            }
        }
        int n = r.rows();
        double[] cycle = r.numbers()[at.get("cycle")];
        double[] step = r.numbers()[at.get("step")];
        double[] amps = r.numbers()[at.get("amps")];
        double[] ah = r.numbers()[at.get("ah")];
        double[] wh = r.numbers()[at.get("wh")];
        String[] state = r.texts()[at.get("state")];
        double[] qc = new double[n], qd = new double[n], ec = new double[n], ed = new double[n];
        double baseQc = 0, baseQd = 0, baseEc = 0, baseEd = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && !same(cycle[i], cycle[i - 1])) {
                baseQc = baseQd = baseEc = baseEd = 0;
            } else if (i > 0 && !same(step[i], step[i - 1])) {
                char prev = stateOf(state[i - 1]);
                if (prev == 'C') {
                    baseQc = qc[i - 1];
                    baseEc = ec[i - 1];
                } else if (prev == 'D') {
                    baseQd = qd[i - 1];
                    baseEd = ed[i - 1];
                }
            }
            char s = stateOf(state[i]);
            if (!isState(state[i])) {
                throw new DataException(file, "line " + r.lines()[i] + ", column 'State'", "'" + state[i]
                        + "' is not a Maccor state; expected C (charge), D (discharge), R (rest) or another state code "
                        + "of letters such as O, S or FRA");
            }
            qc[i] = baseQc + (s == 'C' ? nz(ah[i]) : 0);
            ec[i] = baseEc + (s == 'C' ? nz(wh[i]) : 0);
            qd[i] = baseQd + (s == 'D' ? nz(ah[i]) : 0);
            ed[i] = baseEd + (s == 'D' ? nz(wh[i]) : 0);
            amps[i] = s == 'C' ? Math.abs(amps[i]) : s == 'D' ? -Math.abs(amps[i]) : amps[i];
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        out.put(CyclerColumns.CYCLE, cycle);
        out.put(CyclerColumns.STEP, step);
        out.put(CyclerColumns.TEST_TIME, r.numbers()[at.get("time")]);
        if (at.containsKey("date")) {
            out.put(CyclerColumns.DATE_TIME, r.numbers()[at.get("date")]);
        }
        out.put(CyclerColumns.CURRENT, amps);
        out.put(CyclerColumns.VOLTAGE, r.numbers()[at.get("volts")]);
        out.put(CyclerColumns.CHARGE_CAPACITY, qc);
        out.put(CyclerColumns.DISCHARGE_CAPACITY, qd);
        out.put(CyclerColumns.CHARGE_ENERGY, ec);
        out.put(CyclerColumns.DISCHARGE_ENERGY, ed);
        if (at.containsKey("temp")) {
            out.put(CyclerColumns.TEMPERATURE, r.numbers()[at.get("temp")]);
        }
        if (at.containsKey("dcir")) {
            out.put(CyclerColumns.INTERNAL_RESISTANCE, r.numbers()[at.get("dcir")]);
        }
        return CyclerReader.table(file, out);
    }

    /** Equal, with a missing number equal to a missing number (so a NaN Cyc# does not reset every row). */
    private static boolean same(double a, double b) {
        return a == b || Double.isNaN(a) && Double.isNaN(b);
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static boolean isState(String s) {
        if (s == null || s.isEmpty() || s.length() > 4) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (!Character.isLetter(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static char stateOf(String s) {
        return s == null || s.isEmpty() ? '?' : Character.toUpperCase(s.charAt(0));
    }

    private static ColumnKind kind(int index, String header, Map<String, Integer> at) {
        String h = header.trim().toLowerCase(Locale.ROOT);
        String role = switch (h) {
            case "cyc#" -> "cycle";
            case "step" -> "step";
            case "test (sec)", "testtime", "test time" -> "time";
            case "amp-hr" -> "ah";
            case "watt-hr" -> "wh";
            case "amps" -> "amps";
            case "volts" -> "volts";
            case "state" -> "state";
            case "dpt time" -> "date";
            case "dcir/ohms" -> "dcir";
            case "temp 1", "temperature", "temp1", "temp (c)" -> "temp";
            default -> null;
        };
        if (role == null || at.containsKey(role)) {
            return ColumnKind.SKIP;
        }
        at.put(role, index);
        return switch (role) {
            case "time" -> ColumnKind.DURATION;
            case "date" -> ColumnKind.TIMESTAMP;
            case "state" -> ColumnKind.TEXT;
            default -> ColumnKind.NUMBER;
        };
    }
}

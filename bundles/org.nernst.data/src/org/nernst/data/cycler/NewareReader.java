package org.nernst.data.cycler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Table;
import org.nernst.data.internal.text.NumberScanner;
import org.nernst.data.internal.text.TimeScanner;

/**
 * Neware BTS CSV exports (the layout BEEP reads): three header lines, for cycle rows
 * ({@code Cycle ID,...}), step rows ({@code ,Step ID,Step Name,...}) and record rows
 * ({@code ,,Record ID,Time(h:min:s.ms),Voltage(V),Current(mA),...}), then rows of the three kinds
 * interleaved; a record belongs to the cycle and step rows above it. Neware pads fields with tabs.
 * The record's time is the time within its step, so test time is accumulated over the records;
 * step rows carry the DC internal resistance. Units come from the header (mA, mAh, mWh are converted).
 */
final class NewareReader {
    private final Consumer<String> warnings;

    NewareReader(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    Table read(Path file, ProgressMonitor monitor) throws DataException, IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.ISO_8859_1), 1 << 16)) {
            String cycleHeader = utf8(in.readLine()), stepHeader = utf8(in.readLine()), recordHeader = utf8(in.readLine());
            if (cycleHeader == null || stepHeader == null || recordHeader == null) {
                throw new DataException(file, "line " + (cycleHeader == null ? 1 : stepHeader == null ? 2 : 3),
                        "the file ends inside the header; expected " + CyclerFormat.NEWARE.expected());
            }
            List<String> step = fields(stepHeader);
            List<String> rec = fields(recordHeader);
            if (rec.size() < 3 || !rec.get(0).isEmpty() || !rec.get(1).isEmpty() || !rec.get(2).equals("Record ID")) {
                throw new DataException(file, "line 3", "is not a Neware record header; expected " + CyclerFormat.NEWARE.expected());
            }
            int iTime = need(file, rec, "Time(h:min:s.ms)", "Time");
            int iV = need(file, rec, "Voltage(V)", "Voltage");
            int iI = need(file, rec, "Current(mA)", "Current");
            int iT = find(rec, "Temperature");
            int iReal = find(rec, "Realtime");
            int iQc = find(rec, "Capacitance_Chg"), iQd = find(rec, "Capacitance_DChg");
            int iEc = find(rec, "Engy_Chg"), iEd = find(rec, "Engy_DChg");
            int iIr = find(step, "DCIR");
            Units uV = units(file, 3, rec, iV, "V"), uI = units(file, 3, rec, iI, "A");
            Units uQc = units(file, 3, rec, iQc, "Ah"), uQd = units(file, 3, rec, iQd, "Ah");
            Units uEc = units(file, 3, rec, iEc, "Wh"), uEd = units(file, 3, rec, iEd, "Wh");
            Units uT = units(file, 3, rec, iT, "°C"), uIr = units(file, 2, step, iIr, "Ω");
            Cols c = new Cols(10);
            NumberScanner num = new NumberScanner();
            TimeScanner time = new TimeScanner();
            double cycle = Double.NaN, stepId = Double.NaN, ir = Double.NaN, testTime = 0, prevStepTime = 0;
            double prevStep = Double.NaN;
            String line;
            int lineNo = 3;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if ((lineNo & 0xFFF) == 0) {
                    monitor.checkCanceled();
                }
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = fields(line);
                if (line.startsWith(",,")) {
                    if (Double.isNaN(cycle) || Double.isNaN(stepId)) {
                        throw new DataException(file, "line " + lineNo, "a record comes before any cycle and step row");
                    }
                    if (f.size() != rec.size()) {
                        throw new DataException(file, "line " + lineNo, "has " + f.size() + " fields, the record header has "
                                + rec.size());
                    }
                    double t = duration(time, f.get(iTime), file, lineNo, rec.get(iTime));
                    testTime += stepId == prevStep && t >= prevStepTime ? t - prevStepTime : t;
                    prevStep = stepId;
                    prevStepTime = t;
                    c.add(cycle, stepId, testTime,
                            iReal < 0 ? Double.NaN : timestamp(time, f.get(iReal), file, lineNo),
                            uI.apply(number(num, f.get(iI), file, lineNo, rec.get(iI))),
                            uV.apply(number(num, f.get(iV), file, lineNo, rec.get(iV))),
                            opt(num, f, iQc, uQc, file, lineNo, rec), opt(num, f, iQd, uQd, file, lineNo, rec),
                            opt(num, f, iEc, uEc, file, lineNo, rec), opt(num, f, iEd, uEd, file, lineNo, rec),
                            opt(num, f, iT, uT, file, lineNo, rec), ir);
                } else if (line.startsWith(",")) {
                    stepId = number(num, f.size() > 1 ? f.get(1) : "", file, lineNo, "Step ID");
                    ir = iIr >= 0 && iIr < f.size() ? uIr.apply(lenient(num, f.get(iIr))) : Double.NaN;
                } else {
                    cycle = number(num, f.get(0), file, lineNo, "Cycle ID");
                }
            }
            if (c.size == 0) {
                throw new DataException(file, "", "has no record rows (lines starting with two commas)");
            }
            Map<String, double[]> out = new LinkedHashMap<>();
            String[] names = { CyclerColumns.CYCLE, CyclerColumns.STEP, CyclerColumns.TEST_TIME, CyclerColumns.DATE_TIME,
                    CyclerColumns.CURRENT, CyclerColumns.VOLTAGE, CyclerColumns.CHARGE_CAPACITY,
                    CyclerColumns.DISCHARGE_CAPACITY, CyclerColumns.CHARGE_ENERGY, CyclerColumns.DISCHARGE_ENERGY,
                    CyclerColumns.TEMPERATURE, CyclerColumns.INTERNAL_RESISTANCE };
            boolean[] present = { true, true, true, iReal >= 0, true, true, iQc >= 0, iQd >= 0, iEc >= 0, iEd >= 0, iT >= 0,
                    iIr >= 0 };
            for (int k = 0; k < names.length; k++) {
                if (present[k]) {
                    out.put(names[k], c.column(k));
                }
            }
            return CyclerReader.table(file, out);
        } catch (NoSuchFileException e) {
            throw new DataException(file, "", "file not found");
        }
    }

    /** Fields with Neware's tab padding and quotes removed. */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        for (String s : line.split(",", -1)) {
            out.add(s.replace("\t", "").replace("\"", "").trim());
        }
        return out;
    }

    private static int find(List<String> header, String prefix) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(prefix) || header.get(i).startsWith(prefix + "(")) {
                return i;
            }
        }
        return -1;
    }

    private static int need(Path file, List<String> header, String full, String prefix) throws DataException {
        int i = find(header, prefix);
        if (i < 0) {
            throw new DataException(file, "line 3", "has no " + full + " column; expected " + CyclerFormat.NEWARE.expected());
        }
        return i;
    }

    private static Units units(Path file, int line, List<String> header, int i, String canonical) throws DataException {
        if (i < 0) {
            return Units.SAME;
        }
        Units u = Units.to(canonical, Header.parse(header.get(i)).unit());
        if (u == null) {
            throw new DataException(file, "line " + line + ", column '" + header.get(i) + "'", "unit cannot be converted to "
                    + canonical);
        }
        return u;
    }

    /** Header text read as ISO-8859-1, re-read as UTF-8 when it is valid UTF-8 (units such as °C, mΩ). */
    private static String utf8(String line) {
        if (line == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(line.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return line;
        }
    }

    private static double number(NumberScanner num, String s, Path file, int lineNo, String column) throws DataException {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        double v = num.parse(b, 0, b.length);
        if (num.status == NumberScanner.INVALID) {
            throw new DataException(file, "line " + lineNo + ", column '" + column + "'", "'" + s + "' is not a number");
        }
        return v;
    }

    private static double lenient(NumberScanner num, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        double v = num.parse(b, 0, b.length);
        return num.status == NumberScanner.OK ? v : Double.NaN; // Neware writes '-' where no resistance was measured
    }

    private static double opt(NumberScanner num, List<String> f, int i, Units u, Path file, int lineNo, List<String> rec)
            throws DataException {
        return i < 0 ? Double.NaN : u.apply(number(num, f.get(i), file, lineNo, rec.get(i)));
    }

    private static double duration(TimeScanner time, String s, Path file, int lineNo, String column) throws DataException {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        double v = time.duration(b, 0, b.length);
        if (time.status != NumberScanner.OK) {
            throw new DataException(file, "line " + lineNo + ", column '" + column + "'", "'" + s
                    + "' is not a time; expected h:min:s.ms");
        }
        return v;
    }

    private static double timestamp(TimeScanner time, String s, Path file, int lineNo) throws DataException {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        double v = time.timestamp(b, 0, b.length);
        if (time.status == NumberScanner.INVALID) {
            throw new DataException(file, "line " + lineNo + ", column 'Realtime'", "'" + s
                    + "' is not a date-time; expected e.g. 2020-03-01 12:00:00");
        }
        return v;
    }

    /** Growable parallel columns. */
    private static final class Cols {
        double[][] data;
        int size;

        Cols(int n) {
            data = new double[n + 2][1024];
        }

        void add(double... v) {
            if (size == data[0].length) {
                for (int k = 0; k < data.length; k++) {
                    data[k] = Arrays.copyOf(data[k], size * 2);
                }
            }
            for (int k = 0; k < v.length; k++) {
                data[k][size] = v[k];
            }
            size++;
        }

        double[] column(int k) {
            return Arrays.copyOf(data[k], size);
        }
    }
}

package org.nernst.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a BatteryArchive-style time-series CSV of a given size, deterministic by seed, whose
 * values come from real cells of the Severson/Attia fast-charging campaign (A123 LFP, 1.1 Ah,
 * 30 °C chamber) that BatteryArchive hosts, read in place from the shared data folder:
 * <ul>
 * <li>rest: blocks of the 30-minute rest of Arbin cell {@code FastCharge_000025_CH8.csv} (its
 * sampling intervals, voltage wander and cell temperature, level-shifted to the end of the last step);</li>
 * <li>charge: the fast-charge segment of Arbin cell {@code 2017-05-09_test-TC-contact_CH33.csv}
 * replayed row by row (intervals, current steps 6C → 1C, voltage, temperature), then CC at 1C to
 * 3.6 V and CV at 3.6 V, as the campaign's policies end;</li>
 * <li>discharge: 4C (4.4 A) to 2.0 V along the measured discharge curve Q(V) of one Severson cell
 * ({@code severson-matr/train/cellN.csv}) at the cycle's age, sampled at CH33's intervals.</li>
 * </ul>
 * Numbers are printed with the Arbin export's precision. Columns are BatteryArchive's standard
 * time-series header. Usage: {@code BatteryArchiveCsvGenerator OUT SIZE_MB SEED DATA_FOLDER}.
 */
public final class BatteryArchiveCsvGenerator {
    static final String HEADER = "Date_Time,Test_Time (s),Cycle_Index,Current (A),Voltage (V),Charge_Capacity (Ah),"
            + "Discharge_Capacity (Ah),Charge_Energy (Wh),Discharge_Energy (Wh),Environment_Temperature (C),"
            + "Cell_Temperature (C)";
    private static final double CHAMBER = 30.0;
    private static final long START_EPOCH = 1494645243L; // FastCharge_000025_CH8's first DateTime

    private final double[][] rest;      // dt, voltage, temperature
    private final double[][] charge;    // dt, current, voltage, temperature
    private final double[] chargeDt;
    private final double[][] curves;    // [cycle][voltage point] discharge capacity, 3.6 V → 2.0 V
    private final SplittableRandom rnd;

    private final Row row = new Row();
    private long rows;

    BatteryArchiveCsvGenerator(Path data, long seed) throws IOException {
        rnd = new SplittableRandom(seed);
        Path arbin = data.resolve("cycler-samples/arbin");
        double[][] fc = numeric(arbin.resolve("FastCharge_000025_CH8.csv"), "Test_Time", "Voltage", "Temperature");
        rest = withDt(fc);
        double[][] ch = numeric(arbin.resolve("2017-05-09_test-TC-contact_CH33.csv"), "Test_Time", "Current", "Voltage",
                "Temperature");
        charge = withDt(ch);
        chargeDt = new double[charge.length];
        for (int i = 0; i < charge.length; i++) {
            chargeDt[i] = charge[i][0];
        }
        List<Path> cells;
        try (var s = Files.list(data.resolve("severson-matr/train"))) {
            cells = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        curves = transpose(numeric(cells.get(rnd.nextInt(cells.size())), (String[]) null));
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long bytes = Long.parseLong(args[1]) * 1024 * 1024;
        var g = new BatteryArchiveCsvGenerator(Path.of(args[3]), Long.parseLong(args[2]));
        long t0 = System.nanoTime();
        g.write(out, bytes);
        System.out.printf("generated %s: %d bytes, %d rows, %d columns (%.1f s)%n", out, Files.size(out), g.rows, 11,
                (System.nanoTime() - t0) / 1e9);
    }

    long rows() {
        return rows;
    }

    void write(Path out, long targetBytes) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (CountingOut o = new CountingOut(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
            o.write((HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
            double v = rest[0][1];
            for (int cycle = 1; o.count < targetBytes; cycle++) {
                row.cycle = cycle;
                row.qc = row.qd = row.ec = row.ed = 0;
                v = rest(o, v, 30 + rnd.nextInt(60));
                v = charge(o);
                v = rest(o, v, 10 + rnd.nextInt(20));
                v = discharge(o, cycle);
            }
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A block of the real rest (its intervals, voltage wander, temperature), relaxing from the voltage
     * the last step ended at towards the sample's rest level with a time constant of a few samples.
     */
    private double rest(CountingOut o, double vStart, int n) throws IOException {
        int from = rnd.nextInt(rest.length - n);
        double offset = vStart - rest[from][1];
        double v = vStart;
        for (int i = from; i < from + n; i++) {
            v = rest[i][1] + offset * Math.exp(-(i - from) / 5.0);
            emit(o, rest[i][0], 0, v, rest[i][2]);
        }
        return v;
    }

    private double charge(CountingOut o) throws IOException {
        double v = 0;
        double shiftT = row.temp - charge[0][3]; // CH33 ran at 25 °C, the campaign at 30 °C: keep its rise
        for (double[] r : charge) {
            v = r[2];
            emit(o, r[0], r[1], v, r[3] + shiftT);
        }
        double t = charge[charge.length - 1][3] + shiftT;
        double i = 1.1;
        double full = 0.98 * curves[Math.min(row.cycle, curves.length) - 1][curves[0].length - 1];
        while (row.qc < full) { // CC at 1C to the cycle's capacity, voltage rising to 3.6 V
            double dt = dt();
            v = Math.min(3.6, v + (3.6 - v) * (i * dt / 3600) / Math.max(1e-3, full - row.qc) + rnd.nextGaussian() * 2e-5);
            emit(o, dt, i + rnd.nextGaussian() * 2e-4, v, t + rnd.nextGaussian() * 0.02);
        }
        while (i > 0.05) { // CV at 3.6 V until C/20
            i *= 0.9;
            emit(o, dt(), i, 3.6 + rnd.nextGaussian() * 2e-6, t + rnd.nextGaussian() * 0.02);
        }
        v = 3.6;
        return v;
    }

    /** 4C along the measured Q(V) of this age (the curve of cycle min(cycle, 100), grid 3.6 → 2.0 V). */
    private double discharge(CountingOut o, int cycle) throws IOException {
        double[] q = curves[Math.min(cycle, curves.length) - 1];
        double qd = 0;
        double v = 3.6;
        double t = row.temp;
        for (int k = 1; k < q.length;) {
            double dt = dt();
            qd += 4.4 * dt / 3600;
            while (k < q.length && q[k] < qd) {
                k++;
            }
            if (k >= q.length) {
                break;
            }
            double f = (qd - q[k - 1]) / Math.max(1e-12, q[k] - q[k - 1]);
            v = 3.6 - 1.6 * (k - 1 + Math.max(0, Math.min(1, f))) / (q.length - 1);
            t += 4.4 * 4.4 * 0.02 * dt / 60 + rnd.nextGaussian() * 0.01; // joule heating of a ~20 mΩ cell
            emit(o, dt, -4.4 + rnd.nextGaussian() * 5e-4, v, t);
        }
        return v;
    }

    private double dt() {
        double dt;
        do {
            dt = chargeDt[rnd.nextInt(chargeDt.length)];
        } while (dt < 0.01);
        return dt;
    }

    private void emit(CountingOut o, double dt, double current, double voltage, double temp) throws IOException {
        Row r = row;
        r.time += dt;
        double h = dt / 3600;
        if (current > 0) {
            r.qc += current * h;
            r.ec += current * voltage * h;
        } else if (current < 0) {
            r.qd -= current * h;
            r.ed -= current * voltage * h;
        }
        r.temp = temp;
        o.line(r, current, voltage);
        rows++;
    }

    private static final class Row {
        double time;
        int cycle;
        double qc;
        double qd;
        double ec;
        double ed;
        double temp = CHAMBER;
    }

    /** Writes lines without String.format, which would take longer than the read being measured. */
    private static final class CountingOut extends java.io.FilterOutputStream {
        private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm:ss");
        long count;
        private final StringBuilder b = new StringBuilder(160);
        private long lastSecond = Long.MIN_VALUE;
        private String lastDate;

        CountingOut(OutputStream out) {
            super(out);
        }

        void line(Row r, double current, double voltage) throws IOException {
            long sec = START_EPOCH + (long) r.time;
            if (sec != lastSecond) {
                lastSecond = sec;
                lastDate = DATE.format(LocalDateTime.ofEpochSecond(sec, 0, ZoneOffset.UTC));
            }
            b.setLength(0);
            b.append(lastDate).append(',');
            fixed(b, r.time, 4).append(',').append(r.cycle).append(',');
            fixed(b, current, 7).append(',');
            fixed(b, voltage, 7).append(',');
            fixed(b, r.qc, 7).append(',');
            fixed(b, r.qd, 7).append(',');
            fixed(b, r.ec, 7).append(',');
            fixed(b, r.ed, 7).append(',');
            fixed(b, CHAMBER, 1).append(',');
            fixed(b, r.temp, 6).append('\n');
            for (int i = 0; i < b.length(); i++) {
                out.write(b.charAt(i));
            }
            count += b.length();
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            out.write(bytes);
            count += bytes.length;
        }

        /** {@code v} with {@code decimals} digits after the point, trailing zeros dropped as Arbin does. */
        static StringBuilder fixed(StringBuilder b, double v, int decimals) {
            long scale = 1;
            for (int i = 0; i < decimals; i++) {
                scale *= 10;
            }
            long n = Math.round(Math.abs(v) * scale);
            if (v < 0 && n != 0) {
                b.append('-');
            }
            b.append(n / scale).append('.');
            long frac = n % scale;
            if (frac == 0) {
                return b.append('0');
            }
            int start = b.length();
            b.append(frac + scale).deleteCharAt(start); // zero-padded
            int end = b.length();
            while (b.charAt(end - 1) == '0') {
                end--;
            }
            b.setLength(end);
            return b;
        }
    }

    // ---- reading the real samples (small files: plain parsing suffices) ----

    /** Columns {@code names} of a headed CSV, or every column of a headerless one ({@code names == null}). */
    private static double[][] numeric(Path file, String... names) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int[] idx;
        int first = 0;
        if (names == null) {
            idx = null;
        } else {
            List<String> header = List.of(lines.get(0).split(","));
            idx = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                idx[i] = header.indexOf(names[i]);
                if (idx[i] < 0) {
                    throw new IOException(file + " has no column " + names[i] + "; it has " + header);
                }
            }
            first = 1;
        }
        List<double[]> out = new ArrayList<>();
        for (String line : lines.subList(first, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            int n = idx == null ? f.length : idx.length;
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                String s = f[idx == null ? i : idx[i]].trim();
                r[i] = s.isEmpty() ? Double.NaN : Double.parseDouble(s);
            }
            out.add(r);
        }
        return out.toArray(double[][]::new);
    }

    /** Replaces the first column (a running time) by the interval since the previous row. */
    private static double[][] withDt(double[][] rows) {
        double[][] out = new double[rows.length - 1][];
        for (int i = 1; i < rows.length; i++) {
            out[i - 1] = rows[i].clone();
            out[i - 1][0] = rows[i][0] - rows[i - 1][0];
        }
        return out;
    }

    /** Severson arrays are [voltage point][cycle]; the generator wants [cycle][voltage point], capacity increasing. */
    private static double[][] transpose(double[][] m) {
        int cycles = m[0].length;
        List<double[]> out = new ArrayList<>();
        for (int c = 0; c < cycles; c++) {
            double[] q = new double[m.length];
            double max = 0;
            boolean ok = true;
            for (int p = 0; p < m.length; p++) {
                if (Double.isNaN(m[p][c])) {
                    ok = false;
                    break;
                }
                max = Math.max(max, m[p][c]);
                q[p] = max; // monotone: the interpolated curve has noise at the flat LFP plateau
            }
            if (ok && max > 0.5) {
                out.add(q);
            }
        }
        return out.toArray(double[][]::new);
    }
}

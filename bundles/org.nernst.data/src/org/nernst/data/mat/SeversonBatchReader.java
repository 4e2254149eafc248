package org.nernst.data.mat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.core.table.TableBuilder;

/**
 * Reads a batch file of the Toyota Research Institute / Stanford / MIT fast-charging data:
 * Severson et al., Nature Energy 4, 383 (2019), and Attia et al., Nature 578, 397 (2020); files
 * such as {@code 2017-05-12_batchdata_updated_struct_errorcorrect.mat} (data.matr.io). They are
 * MATLAB 7.3 files of several GB; this reader loads only what it is asked for.
 * <p>
 * The layout, as the authors' and the community's loading scripts read it with h5py
 * ({@code f['batch']['summary'][i,0]} and so on):
 * <pre>
 * batch              1×ncells struct array, one element per cell (h5py: reference datasets (ncells,1))
 *   barcode          char, e.g. EL150800460514
 *   channel_id       char (or a number): the cycler channel
 *   policy           char, the charging policy's file name form, e.g. 3_6C-80PER_3_6C
 *   policy_readable  char, e.g. 3.6C(80%)-3.6C
 *   cycle_life       1×1 double: cycles to 80 % of nominal capacity (NaN or empty where not given)
 *   Vdlin            voltage grid of Qdlin/Tdlin (not read)
 *   summary          1×1 struct of ncycles×1 vectors, one value per cycle:
 *     cycle          cycle number
 *     QDischarge     discharge capacity, Ah        QCharge     charge capacity, Ah
 *     IR             internal resistance, Ω
 *     Tmax Tavg Tmin cell temperature, °C          chargetime  time to charge, minutes
 *   cycles           1×ncycles struct array, element k the samples of cycle k:
 *     t              time, minutes                 V           voltage, V
 *     I              current as C-rate (1 C = 1.1 A for these A123 APR18650M1A cells), negative on discharge
 *     Qc Qd          charge and discharge capacity, Ah
 *     T              temperature, °C
 *     Qdlin Tdlin discharge_dQdV   interpolated curves (not read)
 * batch_date         char (top level, beside batch)
 * </pre>
 * Element k of {@code cycles} and row k of {@code summary} describe the same cycle; the time
 * series table calls it cycle k (1-based, as MATLAB's {@code batch(i).cycles(k)}). Cells are
 * labelled {@code c0, c1, ...} by their 0-based position in {@code batch}, as the community's
 * {@code b1c0}-style keys do; a prefix such as {@code b1} gives those keys exactly.
 * Units: the authors' repository (LoadData.m, LoadData_withDescription.ipynb and the BuildPkl_Batch
 * notebooks of rdbraatz/data-driven-prediction-of-battery-cycle-life-before-capacity-degradation)
 * gives time and charge time in minutes, capacity in Ah, IR in Ω, temperature in °C and current as
 * a C-rate; some third-party loaders take the current as amperes, so check before mixing sources.
 *
 * @since 0.2
 */
public final class SeversonBatchReader {

    /** The three tables of one batch file, and what was asked for but is not there. */
    public record Batch(Table cells, Table summary, Table timeseries, List<String> notes) {
    }

    /** Summary fields read besides {@code cycle}, with their units. */
    private static final String[][] SUMMARY = { { "QDischarge", "Ah" }, { "QCharge", "Ah" }, { "IR", "Ω" },
            { "Tmax", "°C" }, { "Tavg", "°C" }, { "Tmin", "°C" }, { "chargetime", "min" } };
    /** Cycle fields read, in output order after cell and cycle, with their units. */
    private static final String[][] SERIES = { { "t", "min" }, { "V", "V" }, { "I", "C-rate" }, { "Qc", "Ah" },
            { "Qd", "Ah" }, { "T", "°C" } };

    /**
     * @param cyclePositions 1-based positions in each cell's {@code cycles} whose samples to read; empty reads none
     * @param cellPrefix put before the {@code c<i>} cell labels, e.g. {@code b1}
     */
    public Batch read(Path file, List<Integer> cyclePositions, String cellPrefix, ProgressMonitor monitor)
            throws DataException {
        String f = file.toString();
        try (MatView mat = MatFiles.open(file)) {
            if (!mat.variableNames().contains("batch")) {
                throw mat.missing("batch", "a Severson/Attia batch file holds a struct array named 'batch'");
            }
            MatStruct batch = mat.struct("batch", "a struct array with one element per cell");
            for (String field : List.of("policy_readable", "cycle_life", "summary")) {
                if (!batch.has(field)) {
                    throw new DataException(f, "batch", "has no field '" + field + "'; its fields are " + batch.fields());
                }
            }
            TableBuilder cells = new TableBuilder("cells").stringColumn("cell", Role.GROUP).stringColumn("barcode", Role.NONE)
                    .stringColumn("channel", Role.NONE).stringColumn("policy_readable", Role.NONE)
                    .doubleColumn("cycle_life", "cycles", Role.TARGET).longColumn("cycles", "", Role.NONE);
            TableBuilder summary = new TableBuilder("summary").stringColumn("cell", Role.GROUP)
                    .longColumn("cycle", "", Role.TIME);
            for (String[] s : SUMMARY) {
                summary.doubleColumn(s[0], s[1], Role.NONE);
            }
            TableBuilder series = new TableBuilder("timeseries").stringColumn("cell", Role.GROUP)
                    .longColumn("cycle", "", Role.NONE);
            for (String[] s : SERIES) {
                series.doubleColumn(s[0], s[1], s[0].equals("t") ? Role.TIME : Role.NONE);
            }
            List<String> notes = new ArrayList<>();
            int n = (int) batch.numel();
            monitor.begin("reading " + file.getFileName(), n);
            for (int i = 0; i < n; i++) {
                monitor.checkCanceled();
                String cell = cellPrefix + "c" + i;
                MatArray life = batch.get("cycle_life", i, MatArray.class, "a number");
                long cycles = readSummary(batch, i, cell, summary, f);
                cells.set(0, cell).set(1, optionalText(batch, "barcode", i, f)).set(2, optionalText(batch, "channel_id", i, f))
                        .set(3, batch.get("policy_readable", i, MatText.class, "text").text())
                        .set(4, life.scalar(f)).set(5, cycles).endRow();
                if (!cyclePositions.isEmpty()) {
                    readSeries(batch, i, cell, cyclePositions, series, notes, monitor, f);
                }
                monitor.worked(1);
            }
            return new Batch(cells.build(), summary.build(), series.build(), notes);
        }
    }

    /** Appends cell i's summary rows; returns how many. */
    private static long readSummary(MatStruct batch, int i, String cell, TableBuilder out, String f) throws DataException {
        MatStruct s = batch.get("summary", i, MatStruct.class, "a struct of per-cycle vectors");
        double[] cycle = vector(s, "cycle", f);
        double[][] cols = new double[SUMMARY.length][];
        for (int k = 0; k < SUMMARY.length; k++) {
            cols[k] = vector(s, SUMMARY[k][0], f);
            if (cols[k].length != cycle.length) {
                throw new DataException(f, s.where() + "." + SUMMARY[k][0], "has " + cols[k].length + " values but "
                        + "summary.cycle has " + cycle.length + "; one value per cycle was expected");
            }
        }
        for (int r = 0; r < cycle.length; r++) {
            double c = cycle[r];
            if (!(Math.abs(c - Math.rint(c)) < 1e-9)) {
                throw new DataException(f, s.where() + ".cycle(" + (r + 1) + ")", "is " + c + ", a cycle number was expected");
            }
            out.set(0, cell).set(1, (long) Math.rint(c));
            for (int k = 0; k < SUMMARY.length; k++) {
                out.set(2 + k, cols[k][r]);
            }
            out.endRow();
        }
        return cycle.length;
    }

    private static void readSeries(MatStruct batch, int i, String cell, List<Integer> positions, TableBuilder out,
            List<String> notes, ProgressMonitor monitor, String f) throws DataException {
        if (!batch.has("cycles")) {
            throw new DataException(f, "batch", "has no field 'cycles'; its fields are " + batch.fields());
        }
        MatStruct cycles = batch.get("cycles", i, MatStruct.class, "a struct array with one element per cycle");
        for (int k : positions) {
            monitor.checkCanceled();
            if (k > cycles.numel()) {
                notes.add("cell " + cell + " has " + cycles.numel() + " cycles; cycle " + k + " is not there");
                continue;
            }
            double[][] cols = new double[SERIES.length][];
            for (int c = 0; c < SERIES.length; c++) {
                MatValue v = cycles.get(SERIES[c][0], k - 1);
                if (!(v instanceof MatArray a) || !a.isVector()) {
                    throw new DataException(f, v.where(), "is a " + v.describe() + ", a numeric vector was expected");
                }
                cols[c] = a.doubles();
                if (cols[c].length != cols[0].length) {
                    throw new DataException(f, v.where(), "has " + cols[c].length + " samples but t has " + cols[0].length);
                }
            }
            for (int r = 0; r < cols[0].length; r++) {
                out.set(0, cell).set(1, (long) k);
                for (int c = 0; c < SERIES.length; c++) {
                    out.set(2 + c, cols[c][r]);
                }
                out.endRow();
            }
        }
    }

    private static double[] vector(MatStruct s, String field, String f) throws DataException {
        MatValue v = s.get(field, 0);
        if (!(v instanceof MatArray a) || !a.isVector()) {
            throw new DataException(f, v.where(), "is a " + v.describe() + ", a numeric vector was expected");
        }
        return a.doubles();
    }

    /** Text or a number (some files store the channel as a number); null if the field is absent. */
    private static String optionalText(MatStruct s, String field, int i, String f) throws DataException {
        if (!s.has(field)) {
            return null;
        }
        MatValue v = s.get(field, i);
        if (v instanceof MatText t) {
            return t.text();
        }
        if (v instanceof MatArray a && a.numel() == 1) {
            double d = a.doubles()[0];
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
        if (v.numel() == 0) {
            return null;
        }
        throw new DataException(f, v.where(), "is a " + v.describe() + ", text was expected");
    }

    /** Parses cycle positions such as {@code 1, 2, 100-105}. */
    public static List<Integer> parsePositions(List<String> items) {
        List<Integer> out = new ArrayList<>();
        for (String item : items) {
            String s = item.trim();
            if (s.isEmpty()) {
                continue;
            }
            try {
                int dash = s.indexOf('-', 1);
                int from = Integer.parseInt(dash < 0 ? s : s.substring(0, dash).trim());
                int to = dash < 0 ? from : Integer.parseInt(s.substring(dash + 1).trim());
                if (from < 1 || to < from || to - from > 100_000) {
                    throw new NumberFormatException();
                }
                for (int k = from; k <= to; k++) {
                    out.add(k);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter 'cycles': '" + s + "' is not a cycle number (1, 2, ...) "
                        + "or a range such as 100-105");
            }
        }
        return out;
    }
}

package org.nernst.data.severson;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Column;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;
import org.nernst.data.internal.text.NumberScanner;

/**
 * The discharge-capacity curves of the Severson et al. 2019 cells as exported by Attia et al.
 * 2021 ({@code severson-matr}): per split a folder of {@code cellN.csv} files, each 1000 rows
 * (a linear voltage grid from 3.6 V down to 2.0 V) × 99 columns (cycles 2 … 100) of discharge
 * capacity Q(V) in Ah, no header; and {@code cycle_lives/<split>_cycle_lives.csv}, one cycle life
 * per line in the cells' order.
 *
 * @since 0.1
 */
public final class SeversonMatrReader {
    public static final int POINTS = 1000;
    public static final int FIRST_CYCLE = 2, LAST_CYCLE = 100;
    public static final double V_HIGH = 3.6, V_LOW = 2.0;

    /** The cells table and the wide curves table ({@code cell}, {@code voltage}, {@code q_2} … {@code q_100}). */
    public record Result(Table cells, Table curves) {
    }

    public Result read(Path folder, List<String> splits, ProgressMonitor monitor) throws DataException, IOException {
        List<String> cellNames = new ArrayList<>(), splitNames = new ArrayList<>();
        List<Double> lives = new ArrayList<>();
        List<double[][]> curves = new ArrayList<>();
        for (String split : splits) {
            Path livesFile = folder.resolve("cycle_lives").resolve(split + "_cycle_lives.csv");
            double[] life = column(livesFile);
            monitor.begin("reading " + split, life.length);
            for (int i = 0; i < life.length; i++) {
                monitor.checkCanceled();
                Path f = folder.resolve(split).resolve("cell" + (i + 1) + ".csv");
                curves.add(matrix(f));
                cellNames.add(split + "/cell" + (i + 1));
                splitNames.add(split);
                lives.add(life[i]);
                monitor.worked(1);
            }
        }
        int n = cellNames.size();
        Table cells = new Table("severson-cells", List.of(
                new StringColumn("cell", Role.GROUP, cellNames.toArray(String[]::new)),
                new StringColumn("split", Role.NONE, splitNames.toArray(String[]::new)),
                new DoubleColumn("cycle_life", "cycles", Role.NONE, lives.stream().mapToDouble(Double::doubleValue).toArray())));
        int rows = n * POINTS, cycles = LAST_CYCLE - FIRST_CYCLE + 1;
        String[] cell = new String[rows];
        double[] voltage = new double[rows];
        double[][] q = new double[cycles][rows];
        for (int c = 0; c < n; c++) {
            double[][] m = curves.get(c);
            for (int r = 0; r < POINTS; r++) {
                int row = c * POINTS + r;
                cell[row] = cellNames.get(c);
                voltage[row] = grid(r);
                for (int k = 0; k < cycles; k++) {
                    q[k][row] = m[r][k];
                }
            }
        }
        List<Column> cols = new ArrayList<>();
        cols.add(new StringColumn("cell", Role.GROUP, cell));
        cols.add(new DoubleColumn("voltage", "V", Role.NONE, voltage));
        for (int k = 0; k < cycles; k++) {
            cols.add(new DoubleColumn("q_" + (FIRST_CYCLE + k), "Ah", Role.NONE, q[k]));
        }
        return new Result(cells, new Table("severson-curves", cols));
    }

    /** Voltage of grid point {@code r}: linear from 3.6 V (r = 0) to 2.0 V (r = 999). */
    public static double grid(int r) {
        return V_HIGH + (V_LOW - V_HIGH) * r / (POINTS - 1);
    }

    private static double[] column(Path file) throws DataException, IOException {
        List<String> lines = lines(file);
        double[] out = new double[lines.size()];
        NumberScanner num = new NumberScanner();
        for (int i = 0; i < out.length; i++) {
            byte[] b = lines.get(i).getBytes(StandardCharsets.ISO_8859_1);
            out[i] = num.parse(b, 0, b.length);
            if (num.status != NumberScanner.OK || !(out[i] > 0)) {
                throw new DataException(file, "line " + (i + 1), "'" + lines.get(i) + "' is not a positive cycle life");
            }
        }
        if (out.length == 0) {
            throw new DataException(file, "", "is empty; one cycle life per line was expected");
        }
        return out;
    }

    private static double[][] matrix(Path file) throws DataException, IOException {
        List<String> lines = lines(file);
        if (lines.size() != POINTS) {
            throw new DataException(file, "", "has " + lines.size() + " lines; " + POINTS
                    + " (one per voltage point from 3.6 V to 2.0 V) were expected");
        }
        int cycles = LAST_CYCLE - FIRST_CYCLE + 1;
        double[][] m = new double[POINTS][cycles];
        NumberScanner num = new NumberScanner();
        for (int r = 0; r < POINTS; r++) {
            byte[] b = lines.get(r).getBytes(StandardCharsets.ISO_8859_1);
            int col = 0, start = 0;
            for (int i = 0; i <= b.length; i++) {
                if (i == b.length || b[i] == ',') {
                    if (col >= cycles) {
                        throw new DataException(file, "line " + (r + 1), "has more than " + cycles
                                + " values; cycles 2 … 100 were expected");
                    }
                    m[r][col] = num.parse(b, start, i);
                    if (num.status != NumberScanner.OK) {
                        throw new DataException(file, "line " + (r + 1) + ", value " + (col + 1), "'"
                                + new String(b, start, i - start, StandardCharsets.ISO_8859_1) + "' is not a number");
                    }
                    col++;
                    start = i + 1;
                }
            }
            if (col != cycles) {
                throw new DataException(file, "line " + (r + 1), "has " + col + " values; " + cycles
                        + " (cycles 2 … 100) were expected");
            }
        }
        return m;
    }

    private static List<String> lines(Path file) throws DataException, IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(line.trim());
                }
            }
        } catch (NoSuchFileException e) {
            throw new DataException(file, "", "file not found");
        }
        return out;
    }
}

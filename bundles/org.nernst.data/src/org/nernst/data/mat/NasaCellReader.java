package org.nernst.data.mat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Set;

import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.core.table.TableBuilder;

/**
 * Reads one cell of the NASA Ames PCoE battery ageing data set (Saha and Goebel, 2007): a MAT-file
 * holding a struct named as the file whose field {@code cycle} is a 1×N struct array of charge,
 * discharge and impedance cycles. See {@code nasa-pcoe/PROVENANCE.md} of the shared data. The
 * published files are MATLAB 5; the same layout saved as MATLAB 7.3 reads alike ({@link MatFiles}).
 *
 * @since 0.1
 */
public final class NasaCellReader {

    /** One cell: a row per cycle, and the samples of the cycle types asked for. */
    public record Cell(String name, Table cycles, Table timeseries) {
    }

    private static final String[] SERIES = { "Time", "Voltage_measured", "Current_measured", "Temperature_measured" };

    public Cell read(Path file, Set<String> seriesTypes, ProgressMonitor monitor) throws DataException, IOException {
        String cell = stem(file);
        String f = file.toString();
        try (MatView mat = MatFiles.open(file)) {
            if (!mat.variableNames().contains(cell)) {
                throw mat.missing(cell, "a NASA PCoE cell file holds a struct named as the file");
            }
            MatStruct top = mat.struct(cell, "a struct with field 'cycle'");
            MatStruct cycle = top.get("cycle", 0, MatStruct.class, "a struct array of cycles");
            int n = (int) cycle.numel();
            TableBuilder cycles = new TableBuilder(cell + " cycles")
                    .stringColumn("cell", Role.GROUP)
                    .longColumn("cycle", "", Role.TIME)
                    .stringColumn("type", Role.NONE)
                    .doubleColumn("ambient_temperature", "°C", Role.NONE)
                    .stringColumn("start", Role.NONE)
                    .longColumn("samples", "", Role.NONE)
                    .doubleColumn("capacity", "Ah", Role.TARGET)
                    .doubleColumn("Re", "Ω", Role.NONE)
                    .doubleColumn("Rct", "Ω", Role.NONE);
            TableBuilder ts = new TableBuilder(cell + " time series")
                    .stringColumn("cell", Role.GROUP)
                    .longColumn("cycle", "", Role.NONE)
                    .stringColumn("type", Role.NONE)
                    .doubleColumn("time", "s", Role.TIME)
                    .doubleColumn("voltage", "V", Role.NONE)
                    .doubleColumn("current", "A", Role.NONE)
                    .doubleColumn("temperature", "°C", Role.NONE);
            for (int i = 0; i < n; i++) {
                monitor.checkCanceled();
                String where = cycle.whereOf(i);
                if (!cycle.has("type")) {
                    throw new DataException(file, where, "has no field 'type'");
                }
                String type = cycle.get("type", i, MatText.class, "text").text().trim();
                if (!cycle.has("data")) {
                    throw new DataException(file, where, "has no field 'data'");
                }
                MatStruct data = cycle.get("data", i, MatStruct.class, "a struct of measurements");
                double ambient = cycle.has("ambient_temperature") ? scalar(cycle.get("ambient_temperature", i), f)
                        : Double.NaN;
                int samples = 0;
                if ((type.equals("charge") || type.equals("discharge")) && data.has("Time")) {
                    samples = (int) data.get("Time", 0).numel();
                }
                cycles.set(0, cell).set(1, (long) (i + 1)).set(2, type).set(3, ambient)
                        .set(4, cycle.has("time") ? start(cycle.get("time", i)) : null).set(5, (long) samples)
                        .set(6, type.equals("discharge") ? optionalScalar(data, "Capacity", f) : Double.NaN)
                        .set(7, type.equals("impedance") ? optionalScalar(data, "Re", f) : Double.NaN)
                        .set(8, type.equals("impedance") ? optionalScalar(data, "Rct", f) : Double.NaN)
                        .endRow();
                if (seriesTypes.contains(type) && samples > 0) {
                    double[][] cols = new double[SERIES.length][];
                    for (int k = 0; k < SERIES.length; k++) {
                        cols[k] = data.get(SERIES[k], 0, MatArray.class, "a numeric vector").doubles();
                        if (cols[k].length != samples) {
                            throw new DataException(file, where + ".data." + SERIES[k], "has " + cols[k].length
                                    + " samples but Time has " + samples);
                        }
                    }
                    for (int s = 0; s < samples; s++) {
                        ts.set(0, cell).set(1, (long) (i + 1)).set(2, type).set(3, cols[0][s])
                                .set(4, cols[1][s]).set(5, cols[2][s]).set(6, cols[3][s])
                                .endRow();
                    }
                }
            }
            return new Cell(cell, cycles.build(), ts.build());
        }
    }

    private static double scalar(MatValue v, String file) throws DataException {
        return v instanceof MatArray a && a.numel() > 0 ? a.doubles()[0] : Double.NaN;
    }

    /** An empty or absent field (which the real data has) reads as NaN. */
    private static double optionalScalar(MatStruct s, String name, String file) throws DataException {
        return s.has(name) ? scalar(s.get(name, 0), file) : Double.NaN;
    }

    private static String start(MatValue v) throws DataException {
        if (!(v instanceof MatArray a) || a.numel() < 6) {
            return null;
        }
        double[] m = a.doubles();
        double sec = m[5];
        try {
            return LocalDateTime.of((int) m[0], (int) m[1], (int) m[2], (int) m[3], (int) m[4], (int) Math.floor(sec),
                    (int) Math.round((sec - Math.floor(sec)) * 1e3) * 1_000_000).toString();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}

package org.nernst.data.mat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.core.table.TableBuilder;

import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Char;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Struct;

/**
 * Reads one cell of the NASA Ames PCoE battery ageing data set (Saha and Goebel, 2007): a MATLAB 5
 * file holding a struct named as the file whose field {@code cycle} is a 1×N struct array of
 * charge, discharge and impedance cycles. See {@code nasa-pcoe/PROVENANCE.md} of the shared data.
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
        try (Mat5File mat = MatFiles.readV5(file)) {
            Struct top = variable(mat, cell, file);
            Struct cycle = field(top, "cycle", cell, file, Struct.class);
            int n = cycle.getNumElements();
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
                String where = cell + ".cycle(" + (i + 1) + ")";
                String type = text(cycle, "type", i, where, file);
                if (!cycle.getFieldNames().contains("data")) {
                    throw new DataException(file, where, "has no field 'data'");
                }
                // typed look-ups (getStruct, getMatrix) throw ClassCastException on a field of another type
                if (!(cycle.get("data", i) instanceof Struct data)) {
                    throw new DataException(file, where + ".data", "is a " + cycle.get("data", i).getType()
                            + ", a struct was expected");
                }
                double ambient = scalar(cycle.get("ambient_temperature", i));
                int samples = 0;
                if ((type.equals("charge") || type.equals("discharge")) && data.getFieldNames().contains("Time")) {
                    samples = field(data, "Time", where + ".data", file, Matrix.class).getNumElements();
                }
                cycles.set(0, cell).set(1, (long) (i + 1)).set(2, type).set(3, ambient)
                        .set(4, start(cycle.get("time", i))).set(5, (long) samples)
                        .set(6, type.equals("discharge") ? optionalScalar(data, "Capacity") : Double.NaN)
                        .set(7, type.equals("impedance") ? optionalScalar(data, "Re") : Double.NaN)
                        .set(8, type.equals("impedance") ? optionalScalar(data, "Rct") : Double.NaN)
                        .endRow();
                if (seriesTypes.contains(type) && samples > 0) {
                    Matrix[] cols = new Matrix[SERIES.length];
                    for (int k = 0; k < SERIES.length; k++) {
                        cols[k] = field(data, SERIES[k], where + ".data", file, Matrix.class);
                        if (cols[k].getNumElements() != samples) {
                            throw new DataException(file, where + ".data." + SERIES[k], "has " + cols[k].getNumElements()
                                    + " samples but Time has " + samples);
                        }
                    }
                    for (int s = 0; s < samples; s++) {
                        ts.set(0, cell).set(1, (long) (i + 1)).set(2, type).set(3, cols[0].getDouble(s))
                                .set(4, cols[1].getDouble(s)).set(5, cols[2].getDouble(s)).set(6, cols[3].getDouble(s))
                                .endRow();
                    }
                }
            }
            return new Cell(cell, cycles.build(), ts.build());
        }
    }

    private static Struct variable(MatFile mat, String name, Path file) throws DataException {
        List<String> names = new ArrayList<>();
        for (MatFile.Entry e : mat.getEntries()) {
            names.add(e.getName());
            if (e.getName().equals(name)) {
                if (!(e.getValue() instanceof Struct s)) {
                    throw new DataException(file, "variable '" + name + "'", "is a " + e.getValue().getType()
                            + ", a struct with field 'cycle' was expected");
                }
                return s;
            }
        }
        throw new DataException(file, "variable '" + name + "'", "not found; a NASA PCoE cell file holds a struct "
                + "named as the file, this file holds " + names);
    }

    private static <T extends Array> T field(Struct s, String name, String where, Path file, Class<T> type)
            throws DataException {
        if (!s.getFieldNames().contains(name)) {
            throw new DataException(file, where, "has no field '" + name + "'; its fields are " + s.getFieldNames());
        }
        Array a = s.get(name);
        if (!type.isInstance(a)) {
            throw new DataException(file, where + "." + name, "is a " + a.getType() + ", expected " + type.getSimpleName());
        }
        return type.cast(a);
    }

    private static String text(Struct s, String name, int i, String where, Path file) throws DataException {
        if (!s.getFieldNames().contains(name)) {
            throw new DataException(file, where, "has no field '" + name + "'");
        }
        Array a = s.get(name, i);
        if (!(a instanceof Char c)) {
            throw new DataException(file, where + "." + name, "is a " + a.getType() + ", text was expected");
        }
        return c.getString().trim();
    }

    private static double scalar(Array a) {
        return a instanceof Matrix m && m.getNumElements() > 0 ? m.getDouble(0) : Double.NaN;
    }

    /** An empty field (which the real data has) reads as NaN. */
    private static double optionalScalar(Struct s, String name) {
        return s.getFieldNames().contains(name) ? scalar(s.get(name)) : Double.NaN;
    }

    private static String start(Array a) {
        if (!(a instanceof Matrix m) || m.getNumElements() < 6) {
            return null;
        }
        double sec = m.getDouble(5);
        try {
            return LocalDateTime.of((int) m.getDouble(0), (int) m.getDouble(1), (int) m.getDouble(2), (int) m.getDouble(3),
                    (int) m.getDouble(4), (int) Math.floor(sec), (int) Math.round((sec - Math.floor(sec)) * 1e3) * 1_000_000)
                    .toString();
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

package org.nernst.data.mat;

import java.nio.file.Path;

import org.nernst.core.node.DataException;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.core.table.Column;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.StringColumn;

/**
 * Reads one Digatron test exported to MATLAB by P. Kollmeyer's scripts (Panasonic NCR18650PF and
 * LG HG2 data sets, Mendeley Data): a variable {@code meas}, a struct of equal-length column
 * vectors {@code Time, Voltage, Current, Ah, Wh, Power, Battery_Temp_degC, Chamber_Temp_degC}
 * (plus {@code TimeStamp}, a cell array of text that is slow to read and carries nothing
 * {@code Time} does not, so it is skipped).
 * <p>
 * The output uses the cycler connectors' names and sign: current positive while charging — the
 * files already count discharge negative, so values pass through unchanged.
 *
 * @since 0.2
 */
public final class DigatronMatReader {

    /** MAT field → (canonical column, unit); every field is required. */
    private static final String[][] FIELDS = {
            { "Time", "test_time", "s" },
            { "Current", "current", "A" },
            { "Voltage", "voltage", "V" },
            { "Battery_Temp_degC", "temperature", "°C" },
            { "Chamber_Temp_degC", "chamber_temperature", "°C" },
            { "Ah", "ah", "Ah" },
            { "Wh", "wh", "Wh" },
            { "Power", "power", "W" } };

    /** Reads {@code file}; the {@code cell} column holds the file name without extension. */
    public Table read(Path file) throws DataException {
        String f = file.toString();
        String cell = NasaCellReader.stem(file);
        try (MatView mat = MatFiles.open(file)) {
            if (!mat.variableNames().contains("meas")) {
                throw mat.missing("meas", "a Digatron export holds a struct 'meas' of measured columns");
            }
            MatStruct meas = mat.struct("meas", "a struct of measured columns");
            if (meas.numel() != 1) {
                throw new DataException(f, meas.where(), "is a " + meas.describe() + "; a 1×1 struct was expected");
            }
            double[][] cols = new double[FIELDS.length][];
            for (int k = 0; k < FIELDS.length; k++) {
                String field = FIELDS[k][0];
                if (!meas.has(field)) {
                    throw new DataException(f, "meas." + field, "not found; a Digatron export has the fields "
                            + java.util.Arrays.stream(FIELDS).map(x -> x[0]).toList() + ", this one has " + meas.fields());
                }
                MatArray a = meas.get(field, 0, MatArray.class, "a numeric column vector");
                if (!a.isVector() && a.numel() > 0) {
                    throw new DataException(f, a.where(), "is a " + a.describe() + "; a column vector was expected");
                }
                cols[k] = a.doubles();
                if (k > 0 && cols[k].length != cols[0].length) {
                    throw new DataException(f, a.where(), "has " + cols[k].length + " values but meas.Time has "
                            + cols[0].length + "; all columns must have the same length");
                }
            }
            int n = cols[0].length;
            String[] cells = new String[n];
            java.util.Arrays.fill(cells, cell);
            java.util.List<Column> out = new java.util.ArrayList<>();
            out.add(new StringColumn("cell", Role.GROUP, cells));
            for (int k = 0; k < FIELDS.length; k++) {
                out.add(new DoubleColumn(FIELDS[k][1], FIELDS[k][2], k == 0 ? Role.TIME : Role.NONE, cols[k]));
            }
            return new Table(cell, out);
        }
    }
}

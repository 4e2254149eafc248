package org.nernst.data.mat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.nernst.core.node.DataException;
import org.nernst.core.table.Column;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.LongColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;

/**
 * Turns one MAT-file variable into a table, whichever version wrote the file: a struct of
 * equal-length vectors (numeric, or cell arrays of text) gives a column per field; a numeric
 * vector one column; a 2-D numeric matrix a column per matrix column ({@code M_1, M_2, ...}).
 * MAT-files carry no units, so the columns have none.
 *
 * @since 0.2
 */
public final class MatTables {
    private static final Set<String> INTEGER = Set.of("int8", "uint8", "int16", "uint16", "int32", "uint32", "int64",
            "uint64");
    private static final String EXPECTED = "a struct of equal-length vectors or a 2-D numeric matrix was expected";

    private MatTables() {
    }

    public static Table toTable(MatView mat, String variable) throws DataException {
        String f = mat.file().toString();
        if (!mat.variableNames().contains(variable)) {
            throw mat.missing(variable, "parameter 'variable' names it");
        }
        MatValue v = mat.variable(variable);
        List<Column> cols = new ArrayList<>();
        if (v instanceof MatStruct s && s.numel() == 1) {
            String first = null;
            long rows = -1;
            for (String field : s.fields()) {
                MatValue fv = s.get(field, 0);
                if (rows >= 0 && fv.numel() != rows || !fv.isVector()) {
                    throw new DataException(f, fv.where(), "is a " + fv.describe() + (first == null ? ""
                            : " but " + first + " has " + rows + " values") + "; " + EXPECTED);
                }
                rows = fv.numel();
                first = first == null ? field : first;
                cols.add(column(field, fv, f));
            }
            if (cols.isEmpty()) {
                throw new DataException(f, v.where(), "is a struct without fields; " + EXPECTED);
            }
        } else if (v instanceof MatArray a && a.dims().length == 2) {
            int[] d = a.dims();
            if (a.isVector()) {
                cols.add(column(variable, a, f));
            } else {
                double[] all = a.doubles();
                for (int c = 0; c < d[1]; c++) {
                    double[] col = java.util.Arrays.copyOfRange(all, c * d[0], (c + 1) * d[0]);
                    cols.add(numeric(variable + "_" + (c + 1), a.matlabClass(), col));
                }
            }
        } else {
            throw new DataException(f, v.where(), "is a " + v.describe() + "; " + EXPECTED);
        }
        return new Table(variable, cols);
    }

    private static Column column(String name, MatValue v, String f) throws DataException {
        if (v instanceof MatArray a) {
            return numeric(name, a.matlabClass(), a.doubles());
        }
        if (v instanceof MatCell c) {
            String[] text = new String[(int) c.numel()];
            for (int i = 0; i < text.length; i++) {
                MatValue e = c.get(i);
                if (!(e instanceof MatText t)) {
                    throw new DataException(f, e.where(), "is a " + e.describe() + "; a cell array of text was expected");
                }
                text[i] = t.text();
            }
            return new StringColumn(name, Role.NONE, text);
        }
        throw new DataException(f, v.where(), "is a " + v.describe() + "; numbers or a cell array of text were expected");
    }

    private static Column numeric(String name, String cls, double[] v) {
        if (!INTEGER.contains(cls)) {
            return new DoubleColumn(name, "", Role.NONE, v);
        }
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            l[i] = (long) v[i];
        }
        return new LongColumn(name, "", Role.NONE, l);
    }
}

package org.nernst.data.mat;

import org.nernst.core.node.DataException;

/**
 * A MATLAB char array. A row or column reads as one string; a 2-D char matrix as its rows joined
 * by line breaks (MATLAB's {@code char({'ab';'cd'})}).
 *
 * @since 0.2
 */
public final class MatText implements MatValue {
    private final String where;
    private final int[] dims;
    private final Loader<String> text;

    public MatText(String where, int[] dims, Loader<String> text) {
        this.where = where;
        this.dims = dims.clone();
        this.text = text;
    }

    @Override
    public String where() {
        return where;
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    @Override
    public String matlabClass() {
        return "char";
    }

    public String text() throws DataException {
        return text.load();
    }

    /** Arranges column-major characters as text: vectors as they are, matrices row by row. */
    public static String fromColumnMajor(char[] chars, int[] dims) {
        if (dims.length != 2 || dims[0] <= 1 || dims[1] <= 1) {
            return new String(chars);
        }
        StringBuilder b = new StringBuilder(chars.length + dims[0]);
        for (int r = 0; r < dims[0]; r++) {
            if (r > 0) {
                b.append('\n');
            }
            for (int c = 0; c < dims[1]; c++) {
                b.append(chars[c * dims[0] + r]);
            }
        }
        return b.toString();
    }
}

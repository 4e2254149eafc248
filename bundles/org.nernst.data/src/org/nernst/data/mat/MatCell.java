package org.nernst.data.mat;

import org.nernst.core.node.DataException;

/**
 * A MATLAB cell array; its elements load when asked for.
 *
 * @since 0.2
 */
public final class MatCell implements MatValue {

    /** Reads element {@code index}, already checked. */
    @FunctionalInterface
    public interface ElementReader {
        MatValue read(int index) throws DataException;
    }

    private final String file;
    private final String where;
    private final int[] dims;
    private final ElementReader reader;

    public MatCell(String file, String where, int[] dims, ElementReader reader) {
        this.file = file;
        this.where = where;
        this.dims = dims.clone();
        this.reader = reader;
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
        return "cell";
    }

    /** Element {@code index} (0-based, column-major). */
    public MatValue get(int index) throws DataException {
        if (index < 0 || index >= numel()) {
            throw new DataException(file, where, "has " + numel() + " elements, element " + (index + 1) + " was asked for");
        }
        return reader.read(index);
    }
}

package org.nernst.data.mat;

import org.nernst.core.node.DataException;

/**
 * A real numeric or logical array. Values load on demand as doubles in column-major order.
 *
 * @since 0.2
 */
public final class MatArray implements MatValue {
    private final String where;
    private final int[] dims;
    private final String matlabClass;
    private final Loader<double[]> data;

    public MatArray(String where, int[] dims, String matlabClass, Loader<double[]> data) {
        this.where = where;
        this.dims = dims.clone();
        this.matlabClass = matlabClass;
        this.data = data;
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
        return matlabClass;
    }

    /** Every element as a double, column-major; integers beyond 2^53 lose precision. */
    public double[] doubles() throws DataException {
        return data.load();
    }

    /** The single element of a 1×1 array; an empty array reads as NaN. */
    public double scalar(String file) throws DataException {
        if (numel() == 0) {
            return Double.NaN;
        }
        if (numel() != 1) {
            throw new DataException(file, where, "is a " + describe() + ", a single number was expected");
        }
        return doubles()[0];
    }
}

package org.nernst.data.mat;

/**
 * A value this view does not read (complex or sparse arrays, objects, function handles, MATLAB
 * strings): its class and dimensions are known so a message can name it.
 *
 * @since 0.2
 */
public record MatUnsupported(String where, int[] dims, String matlabClass, String reason) implements MatValue {
    public MatUnsupported {
        dims = dims.clone();
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }
}

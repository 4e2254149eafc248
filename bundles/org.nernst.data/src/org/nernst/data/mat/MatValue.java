package org.nernst.data.mat;

/**
 * One MATLAB value of a MAT-file, whichever version wrote it: a numeric or logical array, text,
 * a struct (array), a cell array, or a value of a class this view does not read. Large data is
 * loaded only when asked for, so opening a v7.3 file of gigabytes costs little.
 * <p>
 * Dimensions are MATLAB's ({@code rows × columns × ...}, at least two) and element indices are
 * 0-based positions in MATLAB's column-major order.
 *
 * @since 0.2
 */
public sealed interface MatValue permits MatArray, MatText, MatStruct, MatCell, MatUnsupported {

    /** Where the value sits, in MATLAB syntax for messages, e.g. {@code batch(2).summary.IR}. */
    String where();

    /** MATLAB dimensions, at least two. */
    int[] dims();

    /** MATLAB class name: {@code double}, {@code char}, {@code struct}, {@code cell}, ... */
    String matlabClass();

    default long numel() {
        long n = 1;
        for (int d : dims()) {
            n *= d;
        }
        return n;
    }

    /** True if exactly one dimension exceeds 1 or the value has at most one element. */
    default boolean isVector() {
        int big = 0;
        for (int d : dims()) {
            if (d > 1) {
                big++;
            }
        }
        return big <= 1;
    }

    /** For messages: {@code 1×3 struct}, {@code 5×1 double}. */
    default String describe() {
        StringBuilder b = new StringBuilder();
        for (int d : dims()) {
            b.append(b.isEmpty() ? "" : "×").append(d);
        }
        return b + " " + matlabClass();
    }

    /** Loads a value's data on demand; reading may fail on a corrupt file. */
    @FunctionalInterface
    interface Loader<T> {
        T load() throws org.nernst.core.node.DataException;
    }
}

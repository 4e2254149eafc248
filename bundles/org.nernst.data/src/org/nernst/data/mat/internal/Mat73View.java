package org.nernst.data.mat.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.nernst.core.node.DataException;
import org.nernst.data.mat.MatArray;
import org.nernst.data.mat.MatCell;
import org.nernst.data.mat.MatFormat;
import org.nernst.data.mat.MatStruct;
import org.nernst.data.mat.MatText;
import org.nernst.data.mat.MatUnsupported;
import org.nernst.data.mat.MatValue;
import org.nernst.data.mat.MatView;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.Reference;

/**
 * MATLAB 7.3 files through jhdf (pure Java). MATLAB's layout, which hdf5storage copies:
 * <ul>
 * <li>every variable is a root dataset or group with a {@code MATLAB_class} attribute; names
 * starting with {@code #} ({@code #refs#}, {@code #subsystem#}) are not variables;</li>
 * <li>HDF5 dimensions are MATLAB's reversed, so HDF5's row-major order is MATLAB's column-major;</li>
 * <li>char is uint16 ({@code MATLAB_int_decode} 2); logical is uint8;</li>
 * <li>an empty array is a uint64 dataset holding its dimensions, marked {@code MATLAB_empty};</li>
 * <li>a 1×1 struct is a group whose children are the fields; a struct array is a group whose
 * children are datasets of object references (no {@code MATLAB_class}) shaped like the array;
 * a cell array is a dataset of object references with class {@code cell}; the referenced values
 * live in {@code #refs#};</li>
 * <li>{@code MATLAB_fields} (variable-length char arrays) gives the field order.</li>
 * </ul>
 * Values load lazily. Every size is checked against the file's before reading, and every failure
 * of the HDF5 library becomes a {@link DataException} naming the MATLAB path.
 */
public final class Mat73View implements MatView {
    /** A small corrupt file must not make us allocate gigabytes; compressed data can exceed the file, within reason. */
    private static final long MIN_LIMIT = 256L << 20;
    private static final int COMPRESSION_ALLOWANCE = 32;
    private static final Set<String> NUMERIC = Set.of("double", "single", "int8", "uint8", "int16", "uint16", "int32",
            "uint32", "int64", "uint64", "logical");

    private final Path file;
    private final String name;
    private final HdfFile hdf;
    private final long dataBytes;
    private final long limit;

    private Mat73View(Path file, HdfFile hdf, long fileSize) {
        this.file = file;
        this.name = file.toString();
        this.hdf = hdf;
        this.dataBytes = fileSize - hdf.getUserBlockSize();
        this.limit = Math.max(MIN_LIMIT, COMPRESSION_ALLOWANCE * fileSize);
    }

    public static Mat73View open(Path file) throws DataException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new DataException(file.toString(), "", "cannot be read: " + e, e);
        }
        Mat73Superblock.checkEndOfFile(file, size);
        HdfFile hdf;
        try {
            hdf = new HdfFile(file);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw new DataException(file.toString(), "HDF5 superblock", "cannot be read as a MATLAB 7.3 (HDF5) "
                    + "MAT-file (truncated or corrupt?): " + message(e), e);
        }
        Mat73View view = new Mat73View(file, hdf, size);
        try {
            view.rootNames(); // reads the root group now, so a damaged file fails on opening
        } catch (DataException e) {
            view.close();
            throw e;
        }
        return view;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public MatFormat format() {
        return MatFormat.V73;
    }

    /** The root group was read when the file was opened, so this no longer fails. */
    @Override
    public List<String> variableNames() {
        try {
            return rootNames();
        } catch (DataException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private List<String> rootNames() throws DataException {
        return guard("HDF5 root group", () -> {
            List<String> names = new ArrayList<>();
            for (String n : hdf.getChildren().keySet()) {
                if (!n.startsWith("#")) {
                    names.add(n);
                }
            }
            return names;
        });
    }

    @Override
    public MatValue variable(String variable) throws DataException {
        Node node;
        try {
            node = variable.startsWith("#") ? null : hdf.getChildren().get(variable);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw new DataException(name, "HDF5 root group", "cannot be read (truncated or corrupt?): " + message(e), e);
        }
        if (node == null) {
            throw missing(variable, "the variable was asked for");
        }
        return value(node, variable);
    }

    private MatValue value(Node node, String where) throws DataException {
        return guard(where, () -> {
            String cls = Mat73Attributes.text(node.getAttribute("MATLAB_class"));
            if (node instanceof Group g) {
                if ("struct".equals(cls)) {
                    return struct(g, where);
                }
                String why = cls == null ? "an HDF5 group without MATLAB_class is not a MATLAB value"
                        : g.getAttribute("MATLAB_sparse") != null ? "sparse arrays are not read"
                        : "MATLAB objects of class " + cls + " are not read";
                return new MatUnsupported(where, new int[] { 1, 1 }, cls == null ? "HDF5 group" : cls, why);
            }
            if (!(node instanceof Dataset d)) {
                return new MatUnsupported(where, new int[] { 1, 1 }, "HDF5 " + node.getType(), "not a MATLAB value");
            }
            checkSize(d, where);
            if (cls == null) {
                return new MatUnsupported(where, Mat73Attributes.dims(d), "HDF5 dataset", "an HDF5 dataset without MATLAB_class is "
                        + "not a MATLAB value");
            }
            if (Mat73Attributes.isEmptyMarker(d)) {
                return empty(d, cls, where);
            }
            if (cls.equals("cell")) {
                return cell(d, where);
            }
            if (cls.equals("char")) {
                int[] dims = Mat73Attributes.dims(d);
                return new MatText(where, dims, () -> {
                    double[] codes = doubles(d, where);
                    char[] chars = new char[codes.length];
                    for (int i = 0; i < codes.length; i++) {
                        chars[i] = (char) codes[i];
                    }
                    return MatText.fromColumnMajor(chars, dims);
                });
            }
            if (NUMERIC.contains(cls)) {
                if (d.isCompound()) {
                    return new MatUnsupported(where, Mat73Attributes.dims(d), cls, "complex values are not read");
                }
                return new MatArray(where, Mat73Attributes.dims(d), cls, () -> doubles(d, where));
            }
            return new MatUnsupported(where, Mat73Attributes.dims(d), cls, "MATLAB values of class " + cls + " are not read");
        });
    }

    private MatStruct struct(Group g, String where) throws DataException {
        Map<String, Node> children = g.getChildren();
        List<String> fields = Mat73Attributes.fieldOrder(g, children.keySet());
        boolean array = !children.isEmpty();
        int[] dims = null;
        for (Node child : children.values()) {
            if (!(child instanceof Dataset d) || !(d.getDataType() instanceof Reference)
                    || d.getAttribute("MATLAB_class") != null) {
                array = false;
                break;
            }
        }
        if (!array) {
            return new MatStruct(name, where, Mat73Attributes.isEmptyMarker(g) ? new int[] { 0, 0 } : new int[] { 1, 1 }, fields,
                    (field, i) -> value(children.get(field), where + "." + field));
        }
        for (Map.Entry<String, Node> e : children.entrySet()) {
            checkSize((Dataset) e.getValue(), where + "." + e.getKey());
            int[] di = Mat73Attributes.dims((Dataset) e.getValue());
            if (dims == null) {
                dims = di;
            } else if (!java.util.Arrays.equals(dims, di)) {
                throw new DataException(name, where + "." + e.getKey(), "holds " + describe(di) + " references where the "
                        + "other fields of this struct array hold " + describe(dims) + ": corrupt struct array");
            }
        }
        Map<String, long[]> refs = new HashMap<>();
        MatStruct[] self = new MatStruct[1];
        self[0] = new MatStruct(name, where, dims, fields, (field, i) -> {
            String at = self[0].whereOf(i) + "." + field;
            long[] r = refs.get(field);
            if (r == null) {
                r = references((Dataset) children.get(field), where + "." + field);
                refs.put(field, r);
            }
            return value(deref(r[i], at), at);
        });
        return self[0];
    }

    private MatCell cell(Dataset d, String where) throws DataException {
        if (!(d.getDataType() instanceof Reference)) {
            throw new DataException(name, where, "is marked as a cell array but holds " + d.getJavaType().getSimpleName()
                    + " values instead of object references: corrupt file");
        }
        long[][] refs = new long[1][];
        return new MatCell(name, where, Mat73Attributes.dims(d), i -> {
            if (refs[0] == null) {
                refs[0] = references(d, where);
            }
            String at = where + "{" + (i + 1) + "}";
            return value(deref(refs[0][i], at), at);
        });
    }

    private MatValue empty(Dataset d, String cls, String where) throws DataException {
        double[] stored = doubles(d, where);
        int[] dims = new int[Math.max(2, stored.length)];
        for (int i = 0; i < stored.length; i++) {
            dims[i] = (int) stored[i];
        }
        return switch (cls) {
            case "char" -> new MatText(where, dims, () -> "");
            case "cell" -> new MatCell(name, where, dims, i -> null);
            case "struct" -> new MatStruct(name, where, dims, List.of(), (f, i) -> null);
            default -> new MatArray(where, dims, cls.equals("canonical empty") ? "double" : cls, () -> new double[0]);
        };
    }

    private long[] references(Dataset d, String where) throws DataException {
        checkSize(d, where);
        Object data = guard(where, d::getDataFlat);
        if (!(data instanceof long[] r)) {
            throw new DataException(name, where, "holds " + data.getClass().getSimpleName() + " where object references "
                    + "were expected: corrupt file");
        }
        return r;
    }

    private Node deref(long address, String where) throws DataException {
        if (address <= 0 || address >= dataBytes) {
            throw new DataException(name, where, String.format("is an object reference to address 0x%x, which lies "
                    + "outside the file's %d bytes of HDF5 data: the reference points nowhere (corrupt or truncated file)",
                    address, dataBytes));
        }
        try {
            return hdf.getNodeByAddress(address);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw new DataException(name, where, String.format("is an object reference to address 0x%x, where no "
                    + "HDF5 object can be read (corrupt file): %s", address, message(e)), e);
        }
    }

    private double[] doubles(Dataset d, String where) throws DataException {
        checkSize(d, where);
        Object flat = guard(where, () -> d.isEmpty() ? new double[0] : d.getDataFlat());
        return switch (flat) {
            case double[] v -> v;
            case float[] v -> widen(v.length, i -> v[i]);
            case long[] v -> widen(v.length, i -> v[i]);
            case int[] v -> widen(v.length, i -> v[i]);
            case short[] v -> widen(v.length, i -> v[i]);
            case byte[] v -> widen(v.length, i -> v[i]);
            case boolean[] v -> widen(v.length, i -> v[i] ? 1 : 0);
            case BigInteger[] v -> widen(v.length, i -> v[i].doubleValue());
            default -> throw new DataException(name, where, "holds HDF5 values of Java type "
                    + flat.getClass().getSimpleName() + ", numbers were expected");
        };
    }

    private static double[] widen(int n, java.util.function.IntToDoubleFunction f) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = f.applyAsDouble(i);
        }
        return out;
    }

    /**
     * Refuses what a small file cannot hold before the library allocates it. Sizes come from the
     * declared dimensions in longs: jhdf's own int sizes overflow on a corrupt header.
     */
    private void checkSize(Dataset d, String where) throws DataException {
        long[] h = guard(where, () -> d.isScalar() ? new long[0] : d.getDimensionsAsLong());
        int width = guard(where, () -> d.getDataType().getSize());
        long elements = 1;
        StringBuilder dims = new StringBuilder();
        for (int i = h.length - 1; i >= 0; i--) {
            elements = h[i] < 0 || elements > Long.MAX_VALUE / Math.max(1, h[i]) ? Long.MAX_VALUE : elements * h[i];
            dims.append(dims.isEmpty() ? "" : "×").append(h[i]);
        }
        long bytes = elements > Long.MAX_VALUE / Math.max(1, width) ? Long.MAX_VALUE : elements * width;
        if (elements > Integer.MAX_VALUE - 8 || bytes > limit) {
            throw new DataException(name, where, String.format("declares %s values (%,d bytes) in a file of %,d bytes: "
                    + "the file is corrupt, or the array too large to read whole", dims, bytes,
                    dataBytes + hdf.getUserBlockSize()));
        }
    }

    private static String describe(int[] dims) {
        StringBuilder b = new StringBuilder();
        for (int d : dims) {
            b.append(b.isEmpty() ? "" : "×").append(d);
        }
        return b.toString();
    }

    private static String message(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "it asks for more memory than there is (" + e.getMessage() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @FunctionalInterface
    private interface Call<T> {
        T call() throws DataException;
    }

    /** Runs a jhdf call; the library's exceptions (and an allocation it cannot make) become a DataException. */
    private <T> T guard(String where, Call<T> call) throws DataException {
        try {
            return call.call();
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw new DataException(name, where, "cannot be read (truncated or corrupt?): " + message(e), e);
        }
    }

    @Override
    public void close() {
        try {
            hdf.close();
        } catch (RuntimeException e) {
            // closing a damaged file may fail; nothing more can be done with it
        }
    }
}

package org.nernst.data.mat;

import java.util.List;

import org.nernst.core.node.DataException;

/**
 * A MATLAB struct or struct array: every element has the same fields. Field values load when
 * asked for; in a v7.3 file a struct array's fields are object references into {@code #refs#}.
 *
 * @since 0.2
 */
public final class MatStruct implements MatValue {

    /** Reads field {@code name} of element {@code index}, both already checked. */
    @FunctionalInterface
    public interface FieldReader {
        MatValue read(String name, int index) throws DataException;
    }

    private final String file;
    private final String where;
    private final int[] dims;
    private final List<String> fields;
    private final FieldReader reader;

    public MatStruct(String file, String where, int[] dims, List<String> fields, FieldReader reader) {
        this.file = file;
        this.where = where;
        this.dims = dims.clone();
        this.fields = List.copyOf(fields);
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
        return "struct";
    }

    public List<String> fields() {
        return fields;
    }

    public boolean has(String field) {
        return fields.contains(field);
    }

    /** Where element {@code index} (0-based) sits, in MATLAB's 1-based syntax. */
    public String whereOf(int index) {
        return numel() == 1 ? where : where + "(" + (index + 1) + ")";
    }

    /**
     * Field {@code name} of element {@code index} (0-based, column-major).
     *
     * @throws DataException if there is no such field or element, or the file cannot be read there
     */
    public MatValue get(String name, int index) throws DataException {
        if (!fields.contains(name)) {
            throw new DataException(file, whereOf(index), "has no field '" + name + "'; its fields are " + fields);
        }
        if (index < 0 || index >= numel()) {
            throw new DataException(file, where, "has " + numel() + " elements, element " + (index + 1) + " was asked for");
        }
        return reader.read(name, index);
    }

    /** Field {@code name} of element {@code index}, which must be of {@code type}. */
    public <T extends MatValue> T get(String name, int index, Class<T> type, String expected) throws DataException {
        MatValue v = get(name, index);
        if (!type.isInstance(v)) {
            throw new DataException(file, v.where(), "is a " + v.describe() + ", " + expected + " was expected");
        }
        return type.cast(v);
    }
}

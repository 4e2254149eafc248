package org.nernst.data.mat;

import java.nio.file.Path;
import java.util.List;

import org.nernst.core.node.DataException;

/**
 * A MAT-file seen through one small, format-neutral model ({@link MatValue}), whichever version
 * wrote it. Open one with {@link MatFiles#open(Path)}; close it to release the file.
 *
 * @since 0.2
 */
public interface MatView extends AutoCloseable {

    Path file();

    MatFormat format();

    /** The file's variables, in the file's order. */
    List<String> variableNames();

    /**
     * The variable {@code name}.
     *
     * @throws DataException if the file holds no such variable (the message lists those it holds)
     *         or it cannot be read
     */
    MatValue variable(String name) throws DataException;

    /** The variable {@code name}, which must be a struct (array); {@code expected} says what for. */
    default MatStruct struct(String name, String expected) throws DataException {
        MatValue v = variable(name);
        if (v instanceof MatStruct s) {
            return s;
        }
        throw new DataException(file().toString(), "variable '" + name + "'", "is a " + v.describe() + ", "
                + expected + " was expected");
    }

    /** The standard message for a variable that is not there. */
    default DataException missing(String name, String expected) {
        return new DataException(file().toString(), "variable '" + name + "'", "not found; " + expected
                + ", this file holds " + variableNames());
    }

    @Override
    void close();
}

package org.nernst.estimation.internal;

import java.util.Optional;

import org.nernst.core.node.DataException;
import org.nernst.core.table.Column;
import org.nernst.core.table.Table;

/** Finding the columns an estimator needs, with errors that name the table and what was expected. */
public final class Columns {
    private Columns() {
    }

    /** The first of {@code names} the table has, as doubles, or a DataException listing them. */
    public static double[] require(Table t, String what, String... names) throws DataException {
        Optional<String> found = first(t, names);
        if (found.isEmpty()) {
            throw new DataException(t.name(), "columns " + t.columnNames(),
                    "no " + what + " column; expected one of " + String.join(", ", names));
        }
        return doubles(t, found.get());
    }

    public static Optional<String> first(Table t, String... names) {
        for (String n : names) {
            if (t.find(n).isPresent()) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    public static double[] doubles(Table t, String name) throws DataException {
        Column c = t.column(name);
        try {
            return t.doubles(name);
        } catch (IllegalArgumentException e) {
            throw new DataException(t.name(), "column " + c.name(), "holds text; numbers were expected");
        }
    }
}

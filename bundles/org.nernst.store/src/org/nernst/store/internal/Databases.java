package org.nernst.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.nernst.core.node.DataException;

/**
 * Opens connections to store files. The driver is instantiated directly: {@code DriverManager}
 * finds drivers through the caller's class loader, which under OSGi does not see the DuckDB
 * bundle. DuckDB's JDBC driver caches database instances per file, so connections opened here on
 * the same file share one database (one writer per process is all DuckDB allows).
 */
final class Databases {
    private static final Pattern HOLDER = Pattern.compile("Conflicting lock is held in (.*?) \\(PID (\\d+)\\)");

    private Databases() {
    }

    static DuckDBConnection connect(Path file) throws DataException {
        Path abs = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs.getParent());
        } catch (IOException e) {
            throw new DataException(abs.toString(), "", "cannot create the store's folder: " + e, e);
        }
        if (Files.isDirectory(abs)) {
            throw new DataException(abs.toString(), "", "is a folder; a store is a file (e.g. .../store/nernst.duckdb)");
        }
        // no streamed results (jdbc_stream_results): with them, DuckDB 2.0.0.1 aborts the open
        // transaction after a prepared query, which would break every import
        Properties p = new Properties();
        try {
            return (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:" + abs, p);
        } catch (SQLException e) {
            throw openError(abs, e);
        }
    }

    private static DataException openError(Path file, SQLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("Could not set lock on file")) {
            Matcher h = HOLDER.matcher(m);
            String who = h.find() ? "process " + h.group(2) + ", " + h.group(1) : "another process";
            return new DataException(file.toString(), "", "the store is in use by another program (" + who
                    + "); DuckDB lets one process at a time open a store: close the other workflow or workbench, "
                    + "or give this one another store file", e);
        }
        return new DataException(file.toString(), "", "cannot be opened as a Nernst store (DuckDB database): " + m, e);
    }
}

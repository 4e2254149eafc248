package org.nernst.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.nernst.core.node.CancelledException;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Table;
import org.nernst.store.internal.DuckDbCellStore;

/**
 * An open store: one DuckDB database file holding imported datasets as SQL tables, with a
 * catalogue of where each came from and of its columns' units and roles.
 * <p>
 * Several stores may be open on the same file in one process (they share the database); another
 * process holding the file makes {@link #open} fail with a message naming the file, because
 * DuckDB allows one writing process per file. An instance is meant for one thread at a time
 * (its methods are synchronized); open one per thread for parallel work.
 * <p>
 * Every failure is a {@link DataException} naming the store file and the dataset, query or file
 * concerned; a cancelled {@link ProgressMonitor} ends the call with a {@link CancelledException}
 * and leaves the store as it was.
 *
 * @since 0.1
 */
public interface CellStore extends AutoCloseable {

    /** Opens (creating if needed, with its folder) the store in {@code dbFile}. */
    static CellStore open(Path dbFile) throws DataException {
        return DuckDbCellStore.open(dbFile);
    }

    /** Opens the workspace's store, {@link StoreLocations#defaultStore()}. */
    static CellStore openDefault() throws DataException {
        return open(StoreLocations.defaultStore());
    }

    /** The database file. */
    Path file();

    /**
     * Stores {@code table} as dataset {@code dataset}, in one transaction: if anything fails or the
     * monitor cancels midway, neither the table nor its catalogue entry exist afterwards.
     * <p>
     * When content with the same {@link ImportSource#sha256()} is already stored, nothing is
     * written and the existing record is returned, whatever its dataset name.
     *
     * @param dataset a letter or {@code _} followed by letters, digits or {@code _} (it becomes the
     *            SQL table name; names differing only in case are the same dataset)
     * @return the new record, or the existing one for the same content
     */
    ImportRecord importTable(String dataset, Table table, ImportSource source, IfExists ifExists,
            ProgressMonitor monitor) throws DataException;

    default ImportRecord importTable(String dataset, Table table, ImportSource source) throws DataException {
        return importTable(dataset, table, source, IfExists.FAIL, ProgressMonitor.none());
    }

    /** The record of the content with that SHA-256, if stored. */
    Optional<ImportRecord> findImport(String sha256) throws DataException;

    /** Every dataset in the store, by id. */
    List<ImportRecord> listImports() throws DataException;

    /** The dataset as a table, with the units and roles it was imported with, rows in import order. */
    Table read(String dataset, ProgressMonitor monitor) throws DataException;

    default Table read(String dataset) throws DataException {
        return read(dataset, ProgressMonitor.none());
    }

    /**
     * Runs one SQL {@code SELECT} (DuckDB dialect; {@code WITH} allowed) over the stored datasets;
     * any other statement is refused. Result columns map to table columns as follows: DOUBLE, FLOAT
     * and DECIMAL to doubles; integer types and BOOLEAN (as 0/1) to 64-bit integers, or to doubles
     * with {@code NaN} when the column holds a NULL; VARCHAR, ENUM, UUID and JSON to text; dates,
     * times and timestamps to ISO-8601 text. Other types (lists, structs, blobs, intervals) are an
     * error naming the column. A column aliased {@code "name [unit]"} gets that unit.
     */
    Table query(String sql, ProgressMonitor monitor) throws DataException;

    default Table query(String sql) throws DataException {
        return query(sql, ProgressMonitor.none());
    }

    /**
     * Writes the dataset to a Parquet file (zstd), with its units and roles in the file's
     * key-value metadata; the file appears complete or not at all (written aside, then renamed).
     *
     * @return the number of rows written
     */
    long exportParquet(String dataset, Path file, ProgressMonitor monitor) throws DataException;

    default long exportParquet(String dataset, Path file) throws DataException {
        return exportParquet(dataset, file, ProgressMonitor.none());
    }

    /**
     * Stores a Parquet file as a dataset, transactionally, recognising a re-import by the SHA-256
     * of the file. Units and roles written by {@link #exportParquet} are restored; NaN doubles
     * become missing values (NULL).
     */
    ImportRecord importParquet(Path file, String dataset, IfExists ifExists, ProgressMonitor monitor)
            throws DataException;

    /** Removes a dataset and its catalogue entry; {@code false} if there was none. */
    boolean drop(String dataset) throws DataException;

    @Override
    void close();
}

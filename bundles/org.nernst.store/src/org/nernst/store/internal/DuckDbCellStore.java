package org.nernst.store.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.duckdb.DuckDBConnection;
import org.nernst.core.node.CancelledException;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Column;
import org.nernst.core.table.Table;
import org.nernst.store.CellStore;
import org.nernst.store.IfExists;
import org.nernst.store.ImportRecord;
import org.nernst.store.ImportSource;

/** The DuckDB store: one connection per instance, sharing the file's database with others in this process. */
public final class DuckDbCellStore implements CellStore {
    /**
     * Writers of one file take turns within this process: concurrent DuckDB transactions that
     * touch the catalogue would fail on commit with a write-write conflict instead.
     */
    private static final ConcurrentHashMap<Path, ReentrantLock> WRITERS = new ConcurrentHashMap<>();

    private final Path file;
    private final DuckDBConnection conn;
    private final ReentrantLock writer;

    private DuckDbCellStore(Path file, DuckDBConnection conn) {
        this.file = file;
        this.conn = conn;
        this.writer = WRITERS.computeIfAbsent(file, f -> new ReentrantLock());
    }

    public static CellStore open(Path dbFile) throws DataException {
        Path abs = dbFile.toAbsolutePath().normalize();
        DuckDBConnection c = Databases.connect(abs);
        DuckDbCellStore store = new DuckDbCellStore(abs, c);
        store.writer.lock();
        try {
            Catalogue.create(c);
        } catch (SQLException e) {
            store.close();
            throw new DataException(abs.toString(), "", "cannot set up the store's catalogue: " + e.getMessage(), e);
        } finally {
            store.writer.unlock();
        }
        return store;
    }

    @Override
    public Path file() {
        return file;
    }

    private String where() {
        return file.toString();
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException, DataException;
    }

    /** Runs {@code work} in one transaction, committed only if it returns. */
    private <T> T transaction(String location, ProgressMonitor monitor, Work<T> work) throws DataException {
        writer.lock();
        boolean committed = false;
        try {
            conn.setAutoCommit(false);
            T result = work.run();
            monitor.checkCanceled();
            conn.commit();
            committed = true;
            return result;
        } catch (SQLException e) {
            if (monitor.isCanceled()) {
                throw new CancelledException();
            }
            throw new DataException(where(), location, e.getMessage(), e);
        } finally {
            try {
                if (!committed) {
                    conn.rollback();
                }
                conn.setAutoCommit(true);
            } catch (SQLException e) {
                // the connection is broken: the next call reports it
            }
            writer.unlock();
        }
    }

    /** Runs a read; any side effect a SELECT may have is rolled back. */
    private <T> T reading(String location, ProgressMonitor monitor, Work<T> work) throws DataException {
        try {
            conn.setAutoCommit(false);
            return work.run();
        } catch (SQLException e) {
            if (monitor.isCanceled()) {
                throw new CancelledException();
            }
            try {
                conn.rollback();
            } catch (SQLException again) {
                // reported below with the first error
            }
            throw new DataException(where(), location, e.getMessage() + holdings(), e);
        } finally {
            try {
                conn.rollback();
                conn.setAutoCommit(true);
            } catch (SQLException e) {
                // the connection is broken: the next call reports it
            }
        }
    }

    private void checkName(String dataset) throws DataException {
        if (!Sql.isDatasetName(dataset)) {
            throw new IllegalArgumentException("'" + dataset + "' is not a valid dataset name: " + Sql.datasetRule());
        }
        boolean keyword = reading("dataset '" + dataset + "'", ProgressMonitor.none(), () -> {
            try (var p = conn.prepareStatement("SELECT count(*) FROM duckdb_keywords() WHERE keyword_name = lower(?) "
                    + "AND keyword_category <> 'unreserved'")) {
                p.setString(1, dataset);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    return r.getLong(1) > 0;
                }
            }
        });
        if (keyword) {
            throw new IllegalArgumentException("'" + dataset + "' is an SQL keyword, which every query would have to quote; "
                    + "choose another dataset name");
        }
    }

    private ImportRecord existing(String dataset) throws SQLException, DataException {
        Optional<ImportRecord> r = Catalogue.byDataset(conn, dataset);
        if (r.isEmpty()) {
            throw new DataException(where(), "dataset '" + dataset + "'", "no such dataset in this store" + holdings());
        }
        return r.get();
    }

    /** "; it holds: a, b" — what the user could have meant. */
    private String holdings() {
        try {
            List<String> names = Catalogue.all(conn).stream().map(ImportRecord::dataset).toList();
            return names.isEmpty() ? " (the store holds no datasets yet)" : " (datasets in the store: " + String.join(", ", names) + ")";
        } catch (SQLException e) {
            return "";
        }
    }

    /** Frees the name for a new import, or refuses. */
    private void makeRoom(String dataset, IfExists ifExists) throws SQLException, DataException {
        Optional<ImportRecord> taken = Catalogue.byDataset(conn, dataset);
        if (taken.isEmpty()) {
            return;
        }
        ImportRecord t = taken.get();
        if (ifExists == IfExists.FAIL) {
            throw new DataException(where(), "dataset '" + dataset + "'", "already holds other data (" + t.rows()
                    + " rows from " + t.source() + ", imported " + t.imported() + "); choose another dataset name, "
                    + "or replace it (ifExists=replace)");
        }
        Catalogue.remove(conn, t);
    }

    @Override
    public synchronized ImportRecord importTable(String dataset, Table table, ImportSource source, IfExists ifExists,
            ProgressMonitor monitor) throws DataException {
        checkName(dataset);
        TableWriter.check(source.name(), table);
        List<ColumnMeta> meta = new ArrayList<>();
        for (Column c : table.columns()) {
            meta.add(new ColumnMeta(c.name(), c.unit(), c.role()));
        }
        return transaction("dataset '" + dataset + "'", monitor, () -> {
            Optional<ImportRecord> same = Catalogue.byHash(conn, source.sha256());
            if (same.isPresent()) {
                return same.get();
            }
            makeRoom(dataset, ifExists);
            TableWriter.create(conn, dataset, table, monitor);
            return Catalogue.add(conn, dataset, source.name(), source.sha256(), table.rowCount(), meta);
        });
    }

    @Override
    public synchronized Optional<ImportRecord> findImport(String sha256) throws DataException {
        return reading("catalogue", ProgressMonitor.none(), () -> Catalogue.byHash(conn, sha256));
    }

    @Override
    public synchronized List<ImportRecord> listImports() throws DataException {
        return reading("catalogue", ProgressMonitor.none(), () -> Catalogue.all(conn));
    }

    @Override
    public synchronized Table read(String dataset, ProgressMonitor monitor) throws DataException {
        String location = "dataset '" + dataset + "'";
        return reading(location, monitor, () -> {
            ImportRecord r = existing(dataset);
            List<ColumnMeta> meta = Catalogue.columns(conn, r.dataset());
            try (Statement s = conn.createStatement(); CancelWatch w = new CancelWatch(s, monitor);
                    ResultSet rs = s.executeQuery("SELECT * FROM " + Sql.id(r.dataset()))) {
                return ResultTables.read(rs, r.dataset(), where() + ": " + location, meta, monitor);
            }
        });
    }

    @Override
    public synchronized Table query(String sql, ProgressMonitor monitor) throws DataException {
        return reading("query", monitor, () -> {
            SelectGuard.check(conn, where(), sql);
            try (Statement s = conn.createStatement(); CancelWatch w = new CancelWatch(s, monitor);
                    ResultSet rs = s.executeQuery(sql)) {
                return ResultTables.read(rs, "query", where() + ": query", null, monitor);
            }
        });
    }

    @Override
    public synchronized long exportParquet(String dataset, Path target, ProgressMonitor monitor) throws DataException {
        Path out = target.toAbsolutePath().normalize();
        Path tmp = out.resolveSibling("." + out.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(out.getParent());
            ImportRecord r = reading("dataset '" + dataset + "'", monitor, () -> {
                ImportRecord rec = existing(dataset);
                String kv = ParquetMeta.encode(rec.dataset(), Catalogue.columns(conn, rec.dataset()));
                try (Statement s = conn.createStatement(); CancelWatch w = new CancelWatch(s, monitor)) {
                    s.execute("COPY (SELECT * FROM " + Sql.id(rec.dataset()) + ") TO " + Sql.literal(tmp.toString())
                            + " (FORMAT parquet, COMPRESSION zstd, KV_METADATA {" + Sql.literal(ParquetMeta.KEY) + ": "
                            + Sql.literal(kv) + "})");
                }
                return rec;
            });
            monitor.checkCanceled();
            try {
                Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            }
            return r.rows();
        } catch (IOException e) {
            throw new DataException(out.toString(), "", "cannot write the Parquet file: " + e, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // nothing more to do about a stray temporary file
            }
        }
    }

    @Override
    public synchronized ImportRecord importParquet(Path parquet, String dataset, IfExists ifExists,
            ProgressMonitor monitor) throws DataException {
        checkName(dataset);
        Path in = parquet.toAbsolutePath().normalize();
        ImportSource source = ImportSource.ofFile(in);
        ParquetSource p = ParquetSource.inspect(conn, in);
        return transaction("dataset '" + dataset + "'", monitor, () -> {
            Optional<ImportRecord> same = Catalogue.byHash(conn, source.sha256());
            if (same.isPresent()) {
                return same.get();
            }
            makeRoom(dataset, ifExists);
            long rows;
            try (Statement s = conn.createStatement(); CancelWatch w = new CancelWatch(s, monitor)) {
                s.execute("CREATE TABLE " + Sql.id(dataset) + " AS " + p.select());
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + Sql.id(dataset))) {
                    r.next();
                    rows = r.getLong(1);
                }
            }
            return Catalogue.add(conn, dataset, source.name(), source.sha256(), rows, p.columns());
        });
    }

    @Override
    public synchronized boolean drop(String dataset) throws DataException {
        return transaction("dataset '" + dataset + "'", ProgressMonitor.none(), () -> {
            Optional<ImportRecord> r = Catalogue.byDataset(conn, dataset);
            if (r.isPresent()) {
                Catalogue.remove(conn, r.get());
            }
            return r.isPresent();
        });
    }

    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            // closing twice or after a broken connection: nothing to release
        }
    }

    @Override
    public String toString() {
        return "CellStore[" + file + "]";
    }
}

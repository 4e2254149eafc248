package org.nernst.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.nernst.core.table.Role;
import org.nernst.store.ImportRecord;

/**
 * The store's own tables, in schema {@code nernst_catalogue} (not {@code nernst}: a store file named
 * {@code nernst.duckdb} is a database called {@code nernst}, and the two names would clash): one row per dataset in {@code imports}, one row
 * per column in {@code columns}. No key constraints: DuckDB checks them eagerly within a
 * transaction, which would refuse a replace (delete, then insert the same name); the store checks
 * uniqueness itself inside the importing transaction.
 */
final class Catalogue {
    private static final String RECORD = "SELECT id, dataset, source, sha256, row_count, epoch_us(imported_at) FROM nernst_catalogue.imports";

    private Catalogue() {
    }

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS nernst_catalogue");
            s.execute("CREATE SEQUENCE IF NOT EXISTS nernst_catalogue.import_ids START 1");
            s.execute("CREATE TABLE IF NOT EXISTS nernst_catalogue.imports (id BIGINT NOT NULL, dataset VARCHAR NOT NULL, "
                    + "source VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, row_count BIGINT NOT NULL, imported_at TIMESTAMP NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS nernst_catalogue.columns (dataset VARCHAR NOT NULL, position INTEGER NOT NULL, "
                    + "name VARCHAR NOT NULL, unit VARCHAR NOT NULL, role VARCHAR NOT NULL)");
        }
    }

    static Optional<ImportRecord> byHash(Connection c, String sha256) throws SQLException {
        return one(c, RECORD + " WHERE sha256 = ?", sha256);
    }

    /** By name, ignoring case as SQL does. */
    static Optional<ImportRecord> byDataset(Connection c, String dataset) throws SQLException {
        return one(c, RECORD + " WHERE lower(dataset) = lower(?)", dataset);
    }

    static List<ImportRecord> all(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(RECORD + " ORDER BY id")) {
            return records(p);
        }
    }

    private static Optional<ImportRecord> one(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, arg);
            List<ImportRecord> r = records(p);
            return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
        }
    }

    private static List<ImportRecord> records(PreparedStatement p) throws SQLException {
        List<ImportRecord> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
                long us = r.getLong(6);
                out.add(new ImportRecord(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getLong(5),
                        Instant.EPOCH.plus(us, ChronoUnit.MICROS)));
            }
        }
        return out;
    }

    static ImportRecord add(Connection c, String dataset, String source, String sha256, long rows,
            List<ColumnMeta> columns) throws SQLException {
        long id;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT nextval('nernst_catalogue.import_ids')")) {
            r.next();
            id = r.getLong(1);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long us = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO nernst_catalogue.imports VALUES (?, ?, ?, ?, ?, make_timestamp(?))")) {
            p.setLong(1, id);
            p.setString(2, dataset);
            p.setString(3, source);
            p.setString(4, sha256);
            p.setLong(5, rows);
            p.setLong(6, us);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO nernst_catalogue.columns VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < columns.size(); i++) {
                ColumnMeta m = columns.get(i);
                p.setString(1, dataset);
                p.setInt(2, i);
                p.setString(3, m.name());
                p.setString(4, m.unit());
                p.setString(5, m.role().name());
                p.executeUpdate();
            }
        }
        return new ImportRecord(id, dataset, source, sha256, rows, now);
    }

    static List<ColumnMeta> columns(Connection c, String dataset) throws SQLException {
        List<ColumnMeta> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT name, unit, role FROM nernst_catalogue.columns WHERE dataset = ? ORDER BY position")) {
            p.setString(1, dataset);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new ColumnMeta(r.getString(1), r.getString(2), role(r.getString(3))));
                }
            }
        }
        return out;
    }

    /** A role this version does not know (written by a newer one) reads as NONE rather than failing. */
    private static Role role(String name) {
        try {
            return Role.valueOf(name);
        } catch (IllegalArgumentException e) {
            return Role.NONE;
        }
    }

    static void remove(Connection c, ImportRecord r) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + Sql.id(r.dataset()));
        }
        for (String table : List.of("nernst_catalogue.imports", "nernst_catalogue.columns")) {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE dataset = ?")) {
                p.setString(1, r.dataset());
                p.executeUpdate();
            }
        }
    }
}

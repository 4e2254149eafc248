package org.nernst.store.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.nernst.core.node.DataException;
import org.nernst.core.table.Role;

/**
 * A Parquet file looked at before import: its columns (each of a type a table can hold), the units
 * and roles its metadata names, and the SELECT that reads it with NaN turned into NULL.
 */
record ParquetSource(List<ColumnMeta> columns, String select) {

    static ParquetSource inspect(Connection c, Path file) throws DataException {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file, "", "file not found");
        }
        String from = "read_parquet(" + Sql.literal(file.toString()) + ")";
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<ColumnMeta> stored = List.of();
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + from)) {
                while (r.next()) {
                    names.add(r.getString("column_name"));
                    types.add(r.getString("column_type"));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT decode(value) FROM parquet_kv_metadata(" + Sql.literal(file.toString())
                    + ") WHERE decode(key) = " + Sql.literal(ParquetMeta.KEY))) {
                if (r.next()) {
                    stored = ParquetMeta.decode(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new DataException(file.toString(), "", "cannot be read as Parquet: " + e.getMessage(), e);
        }
        List<ColumnMeta> columns = new ArrayList<>();
        List<String> select = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String type = types.get(i);
            ResultTables.check(type, name, file.toString());
            columns.add(meta(name, stored));
            String q = Sql.id(name);
            select.add(type.equals("DOUBLE") || type.equals("FLOAT")
                    ? "CASE WHEN isnan(" + q + ") THEN NULL ELSE " + q + " END AS " + q
                    : q);
        }
        if (columns.isEmpty()) {
            throw new DataException(file, "", "has no columns");
        }
        return new ParquetSource(columns, "SELECT " + String.join(", ", select) + " FROM " + from);
    }

    private static ColumnMeta meta(String name, List<ColumnMeta> stored) {
        for (ColumnMeta m : stored) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        return new ColumnMeta(name, "", Role.NONE);
    }
}

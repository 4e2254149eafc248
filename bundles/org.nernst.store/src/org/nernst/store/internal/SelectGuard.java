package org.nernst.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.nernst.core.node.DataException;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Lets through exactly one SELECT statement. DuckDB's own parser decides (through
 * {@code json_serialize_sql}, which serializes SELECTs only), so comments, CTEs and odd spacing
 * cannot smuggle in a DROP or a COPY the way a prefix check could. The query also runs in a
 * transaction that is rolled back, so even a SELECT with a side effect leaves nothing behind.
 */
final class SelectGuard {
    private SelectGuard() {
    }

    static void check(Connection c, String source, String sql) throws SQLException, DataException {
        if (sql == null || sql.isBlank()) {
            throw new DataException(source, "query", "the query is empty; write a SELECT statement");
        }
        String json;
        try (PreparedStatement p = c.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)")) {
            p.setString(1, sql);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                json = r.getString(1);
            }
        }
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        if (o.has("error") && o.get("error").getAsBoolean()) {
            String type = o.has("error_type") ? o.get("error_type").getAsString() : "";
            String message = o.has("error_message") ? o.get("error_message").getAsString() : "";
            if (type.equals("parser")) {
                throw new DataException(source, "query", "SQL syntax error: " + message + " in: " + shorten(sql));
            }
            throw new DataException(source, "query", "only a SELECT query may run here (the store changes only "
                    + "through imports); refused: " + shorten(sql));
        }
        if (o.getAsJsonArray("statements").size() != 1) {
            throw new DataException(source, "query", "one SELECT statement at a time, please; got "
                    + o.getAsJsonArray("statements").size() + ": " + shorten(sql));
        }
    }

    private static String shorten(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ");
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}

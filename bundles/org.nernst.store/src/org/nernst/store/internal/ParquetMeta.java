package org.nernst.store.internal;

import java.util.ArrayList;
import java.util.List;

import org.nernst.core.table.Role;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Units and roles in a Parquet file's key-value metadata under key {@value #KEY}, as JSON:
 * {@code {"format":1,"dataset":"cell","columns":[{"name":"voltage","unit":"V","role":"NONE"}]}}.
 * Other readers ignore it; a file without it imports with no units.
 */
final class ParquetMeta {
    static final String KEY = "nernst";

    private ParquetMeta() {
    }

    static String encode(String dataset, List<ColumnMeta> columns) {
        JsonObject o = new JsonObject();
        o.addProperty("format", 1);
        o.addProperty("dataset", dataset);
        JsonArray a = new JsonArray();
        for (ColumnMeta c : columns) {
            JsonObject j = new JsonObject();
            j.addProperty("name", c.name());
            j.addProperty("unit", c.unit());
            j.addProperty("role", c.role().name());
            a.add(j);
        }
        o.add("columns", a);
        return o.toString();
    }

    /** The columns described, or an empty list when the text is not what {@link #encode} writes. */
    static List<ColumnMeta> decode(String json) {
        List<ColumnMeta> out = new ArrayList<>();
        try {
            for (JsonElement e : JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("columns")) {
                JsonObject j = e.getAsJsonObject();
                Role role;
                try {
                    role = Role.valueOf(j.get("role").getAsString());
                } catch (IllegalArgumentException ex) {
                    role = Role.NONE;
                }
                out.add(new ColumnMeta(j.get("name").getAsString(), j.get("unit").getAsString(), role));
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        return out;
    }
}

package com.example.nernst.extras.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.nernst.core.node.DataException;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.core.table.TableBuilder;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Reads a JSON Lines file into a table. The first object fixes the columns (in its key order) and
 * their types; keys written {@code name [unit]} give the column a unit, as Nernst's CSV reader does.
 * Reads line by line, so memory follows the data, not the file's longest line times its lines.
 */
public final class JsonLinesDatasetNode implements Node {
    private static final Pattern NAME_UNIT = Pattern.compile("^(.*?)\\s*\\[(.*)\\]$");

    @Override
    public Map<String, Object> execute(NodeContext context) throws Exception {
        context.monitor().checkCanceled();
        Path file = context.parameters().path("file");
        return Map.of("table", read(file, context));
    }

    private static Table read(Path file, NodeContext context) throws DataException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> keys = new ArrayList<>();
            List<Boolean> numeric = new ArrayList<>();
            TableBuilder b = null;
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (lineNo % 4096 == 0) {
                    context.monitor().checkCanceled();
                }
                if (line.isBlank()) {
                    continue;
                }
                JsonObject o = object(file, lineNo, line);
                if (b == null) {
                    b = columns(file, lineNo, o, keys, numeric, fileName(file));
                }
                row(file, lineNo, o, keys, numeric, b);
            }
            if (b == null) {
                throw new DataException(file, "line 1", "the file holds no JSON object; expected one object per line");
            }
            return b.build();
        } catch (NoSuchFileException e) {
            throw new DataException(file, "", "file not found");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DataException(file.toString(), "", "cannot be read as UTF-8 text: " + e.getMessage(), e);
        }
    }

    private static String fileName(Path file) {
        String n = file.getFileName().toString();
        return n.replaceFirst("\\.(jsonl|ndjson)$", "");
    }

    private static JsonObject object(Path file, int lineNo, String line) throws DataException {
        try {
            JsonElement e = JsonParser.parseString(line);
            if (!e.isJsonObject()) {
                throw new DataException(file, "line " + lineNo, "holds " + e + "; expected a JSON object {\"key\": value, ...}");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new DataException(file.toString(), "line " + lineNo, "is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static TableBuilder columns(Path file, int lineNo, JsonObject first, List<String> keys, List<Boolean> numeric,
            String name) throws DataException {
        TableBuilder b = new TableBuilder(name);
        for (Map.Entry<String, JsonElement> e : first.entrySet()) {
            JsonPrimitive v = primitive(file, lineNo, e.getKey(), e.getValue());
            boolean num = v.isNumber();
            keys.add(e.getKey());
            numeric.add(num);
            Matcher m = NAME_UNIT.matcher(e.getKey());
            String col = m.matches() ? m.group(1) : e.getKey();
            String unit = m.matches() ? m.group(2) : "";
            if (num) {
                b.doubleColumn(col, unit, Role.NONE);
            } else {
                b.stringColumn(col, Role.NONE);
            }
        }
        return b;
    }

    private static void row(Path file, int lineNo, JsonObject o, List<String> keys, List<Boolean> numeric, TableBuilder b)
            throws DataException {
        if (o.size() != keys.size()) {
            throw new DataException(file, "line " + lineNo, "has " + o.size() + " keys, expected the first line's " + keys);
        }
        for (int c = 0; c < keys.size(); c++) {
            String key = keys.get(c);
            JsonElement e = o.get(key);
            if (e == null) {
                throw new DataException(file, "line " + lineNo, "lacks key '" + key + "' (the first line's keys are " + keys + ")");
            }
            JsonPrimitive v = primitive(file, lineNo, key, e);
            if (numeric.get(c)) {
                if (!v.isNumber()) {
                    throw new DataException(file, "line " + lineNo + ", key '" + key + "'", "holds " + v
                            + "; expected a number, as on the first line");
                }
                b.set(c, v.getAsDouble());
            } else {
                b.set(c, v.getAsString());
            }
        }
        b.endRow();
    }

    private static JsonPrimitive primitive(Path file, int lineNo, String key, JsonElement e) throws DataException {
        if (!e.isJsonPrimitive()) {
            throw new DataException(file, "line " + lineNo + ", key '" + key + "'", "holds " + e
                    + "; expected a number or a string (nested objects and arrays are not columns)");
        }
        return e.getAsJsonPrimitive();
    }
}

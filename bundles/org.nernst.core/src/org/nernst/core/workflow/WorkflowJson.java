package org.nernst.core.workflow;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nernst.core.io.AtomicFiles;


import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonWriter;

/**
 * Reads and writes workflow files: UTF-8 JSON, one readable block per node with a stable id, keys
 * in a fixed order, so files diff well under version control. Writing what was read gives the same
 * bytes (for files in this canonical form; numbers such as {@code 1e-3} are rewritten as {@code 0.001}).
 *
 * <pre>
 * {
 *   "format": "nernst-workflow",
 *   "formatVersion": 1,
 *   "name": "nasa-soh",
 *   "seed": 42,
 *   "nodes": [
 *     { "id": "cells", "type": "org.nernst.data.nasaMat", "parameters": { "folder": "..." } },
 *     { "id": "features", "type": "...", "inputs": { "cycles": "cells.cycles" } }
 *   ]
 * }
 * </pre>
 *
 * @since 0.1
 */
public final class WorkflowJson {
    static final String FORMAT = "nernst-workflow";
    private static final com.google.gson.Gson STRICT = new com.google.gson.GsonBuilder()
            .setStrictness(com.google.gson.Strictness.STRICT).create();

    private WorkflowJson() {
    }

    public static Workflow read(Path file) throws IOException, WorkflowException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Parses a workflow, collecting every structural problem.
     *
     * @param source the file name, for messages
     */
    public static Workflow parse(String source, String text) throws WorkflowException {
        JsonElement root;
        try {
            // strict: no unquoted names or values, no trailing garbage (JsonParser would be lenient)
            root = STRICT.fromJson(text, JsonElement.class);
            if (root == null) {
                throw new WorkflowException(source, List.of("the file is empty"));
            }
        } catch (JsonParseException e) {
            String msg = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            throw new WorkflowException(source, List.of("not valid JSON: " + msg));
        }
        List<String> problems = new ArrayList<>();
        if (!root.isJsonObject()) {
            throw new WorkflowException(source, List.of("a workflow file holds one JSON object"));
        }
        JsonObject o = root.getAsJsonObject();
        String format = string(o, "format", "workflow", problems);
        if (format != null && !format.equals(FORMAT)) {
            problems.add("\"format\" is '" + format + "', expected '" + FORMAT + "'");
        }
        long version = integer(o, "formatVersion", "workflow", problems);
        if (version > Workflow.FORMAT_VERSION) {
            problems.add("formatVersion " + version + " was written by a newer Nernst; this one reads up to "
                    + Workflow.FORMAT_VERSION);
        }
        String name = string(o, "name", "workflow", problems);
        if (name != null && (!name.matches("[A-Za-z0-9][A-Za-z0-9_.\\-]*") || name.contains(".."))) {
            problems.add("\"name\" '" + name + "' must start with a letter or digit and hold only letters, digits, "
                    + "'.', '_' and '-' (it names the output folder)");
        }
        String description = optionalString(o, "description", "workflow", problems);
        long seed = o.has("seed") ? integer(o, "seed", "workflow", problems) : 42L;
        List<WorkflowNode> nodes = new ArrayList<>();
        JsonElement ns = o.get("nodes");
        if (ns == null || !ns.isJsonArray()) {
            problems.add("\"nodes\" must be an array of node objects");
        } else {
            int i = 0;
            for (JsonElement e : ns.getAsJsonArray()) {
                i++;
                WorkflowNode n = node(e, i, problems);
                if (n != null) {
                    nodes.add(n);
                }
            }
        }
        for (String key : o.keySet()) {
            if (!List.of("format", "formatVersion", "name", "description", "seed", "nodes").contains(key)) {
                problems.add("unknown workflow field \"" + key + "\"");
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkflowException(source, problems);
        }
        return new Workflow(name, description, seed, nodes);
    }

    private static WorkflowNode node(JsonElement e, int index, List<String> problems) {
        String where = "node #" + index;
        if (!e.isJsonObject()) {
            problems.add(where + " is not a JSON object");
            return null;
        }
        JsonObject o = e.getAsJsonObject();
        String id = string(o, "id", where, problems);
        if (id != null) {
            where = "node '" + id + "'";
        }
        String type = string(o, "type", where, problems);
        String label = optionalString(o, "label", where, problems);
        Map<String, Object> params = new LinkedHashMap<>();
        if (o.has("parameters")) {
            if (!o.get("parameters").isJsonObject()) {
                problems.add(where + ": \"parameters\" must be an object");
            } else {
                for (Map.Entry<String, JsonElement> p : o.getAsJsonObject("parameters").entrySet()) {
                    try {
                        params.put(p.getKey(), value(p.getValue()));
                    } catch (IllegalArgumentException ex) {
                        problems.add(where + ": parameter '" + p.getKey() + "' " + ex.getMessage());
                    }
                }
            }
        }
        Map<String, PortRef> inputs = new LinkedHashMap<>();
        if (o.has("inputs")) {
            if (!o.get("inputs").isJsonObject()) {
                problems.add(where + ": \"inputs\" must be an object of port: \"node.port\"");
            } else {
                for (Map.Entry<String, JsonElement> p : o.getAsJsonObject("inputs").entrySet()) {
                    try {
                        inputs.put(p.getKey(), PortRef.parse(p.getValue().isJsonPrimitive() ? p.getValue().getAsString() : null));
                    } catch (IllegalArgumentException ex) {
                        problems.add(where + ": input '" + p.getKey() + "': " + ex.getMessage());
                    }
                }
            }
        }
        boolean save = false;
        if (o.has("save")) {
            JsonElement sv = o.get("save");
            if (sv.isJsonPrimitive() && sv.getAsJsonPrimitive().isBoolean()) {
                save = sv.getAsBoolean();
            } else {
                problems.add(where + ": \"save\" must be true or false");
            }
        }
        int x = 0, y = 0;
        if (o.has("position")) {
            JsonElement p = o.get("position");
            if (p.isJsonArray() && p.getAsJsonArray().size() == 2 && isInteger(p.getAsJsonArray().get(0))
                    && isInteger(p.getAsJsonArray().get(1))) {
                x = p.getAsJsonArray().get(0).getAsInt();
                y = p.getAsJsonArray().get(1).getAsInt();
            } else {
                problems.add(where + ": \"position\" must be [x, y] in whole pixels");
            }
        }
        for (String key : o.keySet()) {
            if (!List.of("id", "type", "label", "parameters", "inputs", "save", "position").contains(key)) {
                problems.add(where + ": unknown field \"" + key + "\"");
            }
        }
        return id == null || type == null ? null : new WorkflowNode(id, type, label, params, inputs, save, x, y);
    }

    /** A parameter value as saved: String, Boolean, Long, Double or List of String. */
    private static Object value(JsonElement v) {
        if (v.isJsonPrimitive()) {
            JsonPrimitive p = v.getAsJsonPrimitive();
            if (p.isBoolean()) {
                return p.getAsBoolean();
            }
            if (p.isString()) {
                return p.getAsString();
            }
            String s = p.getAsNumber().toString();
            if (s.matches("-?\\d+")) {
                try {
                    return Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("= " + s + " is too large for an integer");
                }
            }
            return p.getAsDouble();
        }
        if (v.isJsonArray()) {
            List<String> items = new ArrayList<>();
            for (JsonElement e : v.getAsJsonArray()) {
                if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                    throw new IllegalArgumentException("must be a list of strings, found " + e);
                }
                items.add(e.getAsString());
            }
            return List.copyOf(items);
        }
        throw new IllegalArgumentException("must be a string, number, boolean or list of strings");
    }

    private static boolean isInteger(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()
                && e.getAsNumber().toString().matches("-?\\d{1,9}");
    }

    private static String optionalString(JsonObject o, String key, String where, List<String> problems) {
        JsonElement e = o.get(key);
        if (e == null) {
            return "";
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            problems.add(where + ": \"" + key + "\" must be a string");
            return "";
        }
        return e.getAsString();
    }

    private static String string(JsonObject o, String key, String where, List<String> problems) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || e.getAsString().isBlank()) {
            problems.add(where + ": \"" + key + "\" must be a non-empty string");
            return null;
        }
        return e.getAsString();
    }

    private static long integer(JsonObject o, String key, String where, List<String> problems) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()
                || !e.getAsNumber().toString().matches("-?\\d{1,18}")) {
            problems.add(where + ": \"" + key + "\" must be an integer");
            return -1;
        }
        return e.getAsLong();
    }

    /** The workflow as JSON text, in the canonical layout, ending with a newline. */
    public static String write(Workflow wf) {
        StringWriter out = new StringWriter();
        try (JsonWriter w = new JsonWriter(out)) {
            w.setIndent("  ");
            w.beginObject();
            w.name("format").value(FORMAT);
            w.name("formatVersion").value(Workflow.FORMAT_VERSION);
            w.name("name").value(wf.name());
            if (!wf.description().isEmpty()) {
                w.name("description").value(wf.description());
            }
            w.name("seed").value(wf.seed());
            w.name("nodes").beginArray();
            for (WorkflowNode n : wf.nodes()) {
                w.beginObject();
                w.name("id").value(n.id());
                w.name("type").value(n.type());
                if (!n.label().isEmpty()) {
                    w.name("label").value(n.label());
                }
                if (!n.parameters().isEmpty()) {
                    w.name("parameters").beginObject();
                    for (Map.Entry<String, Object> p : n.parameters().entrySet()) {
                        w.name(p.getKey());
                        writeValue(w, p.getValue());
                    }
                    w.endObject();
                }
                if (!n.inputs().isEmpty()) {
                    w.name("inputs").beginObject();
                    for (Map.Entry<String, PortRef> p : n.inputs().entrySet()) {
                        w.name(p.getKey()).value(p.getValue().toString());
                    }
                    w.endObject();
                }
                if (n.save()) {
                    w.name("save").value(true);
                }
                if (n.x() != 0 || n.y() != 0) {
                    w.name("position").beginArray().value(n.x()).value(n.y()).endArray();
                }
                w.endObject();
            }
            w.endArray();
            w.endObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out + "\n";
    }

    private static void writeValue(JsonWriter w, Object v) throws IOException {
        switch (v) {
            case Boolean b -> w.value(b);
            case Long l -> w.value(l);
            case Integer i -> w.value(i);
            case Number n -> w.value(n.doubleValue());
            case List<?> l -> {
                w.beginArray();
                for (Object o : l) {
                    w.value(String.valueOf(o));
                }
                w.endArray();
            }
            default -> w.value(String.valueOf(v));
        }
    }

    /** Saves atomically: a crash mid-save leaves the previous file intact. */
    public static void save(Workflow wf, Path file) throws IOException {
        AtomicFiles.write(file, write(wf).getBytes(StandardCharsets.UTF_8));
    }

}

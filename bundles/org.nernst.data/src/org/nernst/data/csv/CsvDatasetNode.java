package org.nernst.data.csv;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.nernst.core.node.DataException;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Column;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;

/**
 * The CSV dataset connector: one file, or every file a glob names in one folder (stacked, with a
 * {@code source} column holding each file's name). Marks group, target and feature columns.
 *
 * @since 0.1
 */
public final class CsvDatasetNode implements Node {

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Parameters p = c.parameters();
        char sep = switch (p.string("delimiter")) {
            case "comma" -> ',';
            case "semicolon" -> ';';
            case "tab" -> '\t';
            default -> 0;
        };
        CsvReader reader = new CsvReader(sep, new HashSet<>(p.list("text")), c::warn);
        List<Path> files = files(p.path("file"));
        List<Table> parts = new ArrayList<>();
        for (Path f : files) {
            c.monitor().checkCanceled();
            Table t = reader.read(f, c.monitor());
            if (files.size() > 1) {
                String[] src = new String[t.rowCount()];
                java.util.Arrays.fill(src, CsvReader.stem(f));
                t = t.with(new StringColumn("source", Role.GROUP, src));
            }
            parts.add(t);
        }
        for (int i = 1; i < parts.size(); i++) {
            sameLayout(files.get(0), parts.get(0), files.get(i), parts.get(i));
        }
        Table table = parts.size() == 1 ? parts.get(0) : Table.concat(CsvReader.stem(files.get(0)), parts);
        table = markRoles(table, p, files.get(0));
        c.info("read " + table.rowCount() + " rows × " + table.columnCount() + " columns from " + files.size() + " file(s)");
        return Map.of("table", table);
    }

    /** Files stacked by a glob must agree on every column's name, unit and type. */
    private static void sameLayout(Path firstFile, Table first, Path file, Table t) throws DataException {
        if (!t.columnNames().equals(first.columnNames())) {
            throw new DataException(file, "line 1", "columns " + t.columnNames() + " differ from " + first.columnNames()
                    + " of " + firstFile.getFileName() + "; files read together must have the same columns");
        }
        for (int c = 0; c < t.columnCount(); c++) {
            Column a = first.columns().get(c), b = t.columns().get(c);
            if (!a.unit().equals(b.unit()) || a.type() != b.type()) {
                throw new DataException(file, "column '" + b.name() + "'", "is " + describe(b) + " but " + describe(a)
                        + " in " + firstFile.getFileName() + "; files read together must agree");
            }
        }
    }

    private static String describe(Column c) {
        return (c.type() == org.nernst.core.table.ColumnType.STRING ? "text" : "numeric")
                + (c.unit().isEmpty() ? " without a unit" : " in " + c.unit());
    }

    private static Table markRoles(Table t, Parameters p, Path file) throws DataException {
        t = mark(t, p.has("group") ? p.string("group") : "", Role.GROUP, file);
        t = mark(t, p.has("target") ? p.string("target") : "", Role.TARGET, file);
        for (String f : p.list("features")) {
            t = mark(t, f, Role.FEATURE, file);
        }
        return t;
    }

    private static Table mark(Table t, String col, Role role, Path file) throws DataException {
        if (col.isBlank()) {
            return t;
        }
        Column c = t.find(col).orElseThrow(() -> new DataException(file, "column '" + col + "'",
                "not found; the file has columns " + t.columnNames()));
        return t.with(c.withRole(role));
    }

    /** The file itself, or the files matching a glob in its last path segment, sorted by name. */
    public static List<Path> files(Path spec) throws DataException {
        String last = spec.getFileName() == null ? "" : spec.getFileName().toString();
        if (!last.contains("*") && !last.contains("?")) {
            if (!Files.isRegularFile(spec)) {
                throw new DataException(spec, "", Files.isDirectory(spec) ? "is a folder; give a file or a glob such as "
                        + spec.resolve("*.csv") : "file not found");
            }
            return List.of(spec);
        }
        Path dir = spec.getParent() == null ? Path.of(".") : spec.getParent();
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir, "", "folder not found");
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, last)) {
            ds.forEach(out::add);
        } catch (IOException e) {
            throw new DataException(dir.toString(), "", "cannot be listed: " + e, e);
        }
        if (out.isEmpty()) {
            throw new DataException(spec, "", "no file matches");
        }
        out.sort(null);
        return out;
    }
}

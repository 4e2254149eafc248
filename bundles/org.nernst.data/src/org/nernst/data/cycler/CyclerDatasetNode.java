package org.nernst.data.cycler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.nernst.data.csv.CsvDatasetNode;

/**
 * The cycler-export connector: one file or a glob of files of one vendor layout (detected per file
 * unless given), each read into the canonical layout of {@link CyclerColumns} and stacked with a
 * {@code cell} column (the file's name, GROUP role).
 *
 * @since 0.1
 */
public final class CyclerDatasetNode implements Node {

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Parameters p = c.parameters();
        String format = p.string("format");
        CyclerReader reader = new CyclerReader(p.number("restCurrent"), c::warn);
        List<Path> files = CsvDatasetNode.files(p.path("file"));
        List<Table> parts = new ArrayList<>();
        CyclerFormat first = null;
        for (Path f : files) {
            c.monitor().checkCanceled();
            CyclerFormat fmt = "auto".equals(format) ? CyclerReader.detect(f) : CyclerFormat.byId(format);
            if (first == null) {
                first = fmt;
            } else if (fmt != first && (fmt == CyclerFormat.BATTERY_ARCHIVE_CYCLES) != (first == CyclerFormat.BATTERY_ARCHIVE_CYCLES)) {
                throw new DataException(f, "", "is a " + fmt.label() + " but " + files.get(0).getFileName()
                        + " is a " + first.label() + "; time series and cycle summaries cannot be stacked");
            }
            Table t = reader.read(f, fmt, c.monitor());
            String[] cell = new String[t.rowCount()];
            Arrays.fill(cell, CyclerReader.stem(f));
            List<Column> cols = new ArrayList<>();
            cols.add(new StringColumn(CyclerColumns.CELL, Role.GROUP, cell));
            cols.addAll(t.columns());
            parts.add(new Table(t.name(), cols));
            c.info(f.getFileName() + ": " + fmt.label() + ", " + t.rowCount() + " rows");
        }
        Table table = parts.size() == 1 ? parts.get(0) : Table.concat(parts.get(0).name(), align(parts));
        return Map.of("table", table);
    }

    /** Files of different vendors may carry different optional columns; stack them on the columns all share. */
    private static List<Table> align(List<Table> parts) {
        List<String> shared = new ArrayList<>(parts.get(0).columnNames());
        for (Table t : parts) {
            shared.retainAll(t.columnNames());
        }
        List<Table> out = new ArrayList<>();
        for (Table t : parts) {
            List<Column> cols = new ArrayList<>();
            for (String s : shared) {
                cols.add(t.column(s));
            }
            out.add(new Table(t.name(), cols));
        }
        return out;
    }
}

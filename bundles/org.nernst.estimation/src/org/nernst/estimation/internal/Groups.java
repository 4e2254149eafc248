package org.nernst.estimation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nernst.core.table.Column;
import org.nernst.core.table.ColumnType;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;

/**
 * Per-cell processing of stacked tables: a text column with role GROUP (e.g. {@code cell} from the
 * NASA reader) splits a table into one table per value, in order of first appearance, and the
 * per-group results are stacked again with that column in front.
 */
public final class Groups {
    private Groups() {
    }

    /** The first text column whose role is GROUP, or null. */
    public static Column groupColumn(Table t) {
        for (Column c : t.withRole(Role.GROUP)) {
            if (c.type() == ColumnType.STRING) {
                return c;
            }
        }
        return null;
    }

    /** One table per group value; the whole table under "" when it has no group column. */
    public static Map<String, Table> split(Table t) {
        Column g = groupColumn(t);
        Map<String, Table> out = new LinkedHashMap<>();
        if (g == null) {
            out.put("", t);
            return out;
        }
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int i = 0; i < t.rowCount(); i++) {
            rows.computeIfAbsent(g.format(i), k -> new ArrayList<>()).add(i);
        }
        rows.forEach((k, v) -> out.put(k, t.select(v.stream().mapToInt(Integer::intValue).toArray()).renamed(k)));
        return out;
    }

    /** Results stacked with the group column in front (or the single result when there was no group). */
    public static Table stack(String name, Column group, Map<String, Table> results) {
        if (group == null) {
            return results.values().iterator().next().renamed(name);
        }
        List<Table> parts = new ArrayList<>();
        for (Map.Entry<String, Table> e : results.entrySet()) {
            String[] v = new String[e.getValue().rowCount()];
            java.util.Arrays.fill(v, e.getKey());
            List<Column> cols = new ArrayList<>();
            cols.add(new StringColumn(group.name(), Role.GROUP, v));
            cols.addAll(e.getValue().columns());
            parts.add(new Table(e.getKey(), cols));
        }
        return Table.concat(name, parts);
    }
}

package org.nernst.core.internal.ops;

import java.util.List;

import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Column;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;

/** Parameter conventions shared by the model-selection nodes: empty lists mean the table's roles. */
final class Features {
    private Features() {
    }

    static List<String> features(NodeContext c, Table table) {
        List<String> f = c.parameters().list("features");
        if (f.isEmpty()) {
            f = table.withRole(Role.FEATURE).stream().map(Column::name).toList();
            c.info("features from the table's FEATURE columns: " + f);
        }
        return f;
    }

    static String target(NodeContext c, Table table) {
        Parameters p = c.parameters();
        String t = p.has("target") ? p.string("target") : "";
        if (t.isBlank()) {
            List<Column> targets = table.withRole(Role.TARGET);
            if (targets.size() != 1) {
                throw new IllegalArgumentException("give the parameter 'target' (the table has " + targets.size()
                        + " TARGET columns)");
            }
            t = targets.get(0).name();
        }
        return t;
    }

    /** The group column when {@code needed}, from the parameter or the table's single GROUP column. */
    static String group(NodeContext c, Table table, boolean needed) {
        String g = c.parameters().has("group") ? c.parameters().string("group") : "";
        if (needed && g.isBlank()) {
            List<Column> cols = table.withRole(Role.GROUP);
            if (cols.size() != 1) {
                throw new IllegalArgumentException("grouped splitting needs the parameter 'group' (the table has "
                        + cols.size() + " GROUP columns to choose from)");
            }
            g = cols.get(0).name();
        }
        return g;
    }
}

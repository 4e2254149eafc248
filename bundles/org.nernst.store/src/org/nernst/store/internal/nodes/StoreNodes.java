package org.nernst.store.internal.nodes;

import java.nio.file.Path;

import org.nernst.core.node.Parameters;
import org.nernst.core.table.LongColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;
import org.nernst.store.ImportRecord;
import org.nernst.store.StoreLocations;

import java.util.List;

/** What the store nodes share: the {@code store} parameter and the import summary table. */
final class StoreNodes {
    private StoreNodes() {
    }

    /** The {@code store} parameter; empty means the workspace's store. */
    static Path store(Parameters p) {
        String s = p.has("store") ? p.string("store") : "";
        return s.isBlank() ? StoreLocations.defaultStore() : Path.of(s);
    }

    /**
     * One row describing a dataset in the store: id, dataset, source, sha256, rows, imported
     * (ISO-8601 instant) and added (1 if this run stored it, 0 if the same content was there).
     */
    static Table summary(ImportRecord r, boolean added) {
        return new Table("import", List.of(
                new LongColumn("id", "", Role.NONE, new long[] { r.id() }),
                new StringColumn("dataset", Role.GROUP, new String[] { r.dataset() }),
                new StringColumn("source", Role.NONE, new String[] { r.source() }),
                new StringColumn("sha256", Role.NONE, new String[] { r.sha256() }),
                new LongColumn("rows", "", Role.NONE, new long[] { r.rows() }),
                new StringColumn("imported", Role.NONE, new String[] { r.imported().toString() }),
                new LongColumn("added", "", Role.NONE, new long[] { added ? 1 : 0 })));
    }
}

package org.nernst.store.internal.nodes;

import java.util.Map;
import java.util.Optional;

import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Table;
import org.nernst.store.CellStore;
import org.nernst.store.IfExists;
import org.nernst.store.ImportRecord;
import org.nernst.store.ImportSource;
import org.nernst.store.internal.Sql;

/**
 * {@code org.nernst.store.import}: stores the input table as a dataset. The content hash is the
 * table's own ({@link ImportSource#ofTable}): the same data is recognised whichever file or node
 * it came through, and data that changed is not mistaken for the old.
 */
public final class ImportTableNode implements Node {

    @Override
    public void configure(Parameters p) {
        String dataset = p.has("dataset") ? p.string("dataset") : "";
        if (!dataset.isBlank() && !Sql.isDatasetName(dataset)) {
            throw new IllegalArgumentException("parameter 'dataset': '" + dataset
                    + "' is not a valid name (a letter or _ followed by letters, digits or _)");
        }
        IfExists.parse(p.has("ifExists") ? p.string("ifExists") : "fail");
    }

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Parameters p = c.parameters();
        Table table = c.input("table", Table.class);
        String dataset = p.has("dataset") && !p.string("dataset").isBlank() ? p.string("dataset")
                : Sql.datasetNameFor(table.name());
        ImportSource source = ImportSource.ofTable(table);
        try (CellStore store = CellStore.open(StoreNodes.store(p))) {
            Optional<ImportRecord> before = store.findImport(source.sha256());
            ImportRecord r = store.importTable(dataset, table, source, IfExists.parse(p.string("ifExists")), c.monitor());
            if (before.isPresent()) {
                if (r.dataset().equalsIgnoreCase(dataset)) {
                    c.info("dataset '" + r.dataset() + "' already holds this data (import " + r.id() + " of "
                            + r.imported() + "); nothing added");
                } else {
                    c.warn("this data is already stored as dataset '" + r.dataset() + "' (import " + r.id() + " of "
                            + r.imported() + "); nothing added, and no dataset '" + dataset + "' was made: query '"
                            + r.dataset() + "'");
                }
            } else {
                c.info("stored " + r.rows() + " rows × " + table.columnCount() + " columns as dataset '" + r.dataset()
                        + "' in " + store.file());
            }
            return Map.of("summary", StoreNodes.summary(r, before.isEmpty()));
        }
    }
}

package org.nernst.store.internal.nodes;

import java.util.Map;

import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.table.Table;
import org.nernst.store.CellStore;

/** {@code org.nernst.store.query}: one SQL SELECT over the store's datasets. */
public final class QueryNode implements Node {

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        c.monitor().checkCanceled(); // a cancelled run stops here, before any reading
        try (CellStore store = CellStore.open(StoreNodes.store(c.parameters()))) {
            Table t = store.query(c.parameters().string("sql"), c.monitor());
            c.info("query returned " + t.rowCount() + " rows × " + t.columnCount() + " columns");
            return Map.of("table", t);
        }
    }
}

package org.nernst.store.internal.nodes;

import java.util.Map;

import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.store.CellStore;

/** {@code org.nernst.store.read}: a whole dataset, with the units and roles it was imported with. */
public final class ReadDatasetNode implements Node {

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        c.monitor().checkCanceled(); // a cancelled run stops here, before any reading
        try (CellStore store = CellStore.open(StoreNodes.store(c.parameters()))) {
            return Map.of("table", store.read(c.parameters().string("dataset"), c.monitor()));
        }
    }
}

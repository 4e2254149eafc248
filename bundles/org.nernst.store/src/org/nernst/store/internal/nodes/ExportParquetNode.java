package org.nernst.store.internal.nodes;

import java.nio.file.Path;
import java.util.Map;

import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.store.CellStore;

/** {@code org.nernst.store.exportParquet}: writes a dataset to a Parquet file, units and roles included. */
public final class ExportParquetNode implements Node {

    /** Both are required: a blank one would only fail at run time, after the nodes before it ran. */
    @Override
    public void configure(Parameters p) {
        for (String name : new String[] { "dataset", "file" }) {
            if (!p.has(name) || p.string(name).isBlank()) {
                throw new IllegalArgumentException("parameter '" + name + "' is empty: name the "
                        + (name.equals("file") ? "Parquet file to write" : "dataset to export"));
            }
        }
    }

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        c.monitor().checkCanceled();
        String dataset = c.parameters().string("dataset");
        Path file = c.parameters().path("file");
        try (CellStore store = CellStore.open(StoreNodes.store(c.parameters()))) {
            long rows = store.exportParquet(dataset, file, c.monitor());
            c.info("wrote " + rows + " rows of dataset '" + dataset + "' to " + file.toAbsolutePath());
            return Map.of("summary", StoreNodes.summary(store.listImports().stream()
                    .filter(r -> r.dataset().equalsIgnoreCase(dataset)).findFirst().orElseThrow(), false));
        }
    }
}

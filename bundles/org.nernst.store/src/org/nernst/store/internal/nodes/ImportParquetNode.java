package org.nernst.store.internal.nodes;

import java.nio.file.Path;
import java.util.Map;

import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.store.CellStore;
import org.nernst.store.IfExists;
import org.nernst.store.ImportRecord;
import org.nernst.store.ImportSource;
import org.nernst.store.internal.Sql;

/** {@code org.nernst.store.importParquet}: stores a Parquet file as a dataset; the file's bytes are its hash. */
public final class ImportParquetNode implements Node {

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Parameters p = c.parameters();
        Path file = p.path("file");
        String name = file.getFileName().toString().replaceFirst("\\.parquet$", "");
        String dataset = p.has("dataset") && !p.string("dataset").isBlank() ? p.string("dataset") : Sql.datasetNameFor(name);
        try (CellStore store = CellStore.open(StoreNodes.store(p))) {
            boolean known = store.findImport(ImportSource.ofFile(file).sha256()).isPresent();
            ImportRecord r = store.importParquet(file, dataset, IfExists.parse(p.string("ifExists")), c.monitor());
            c.info(known ? "this file is already stored as dataset '" + r.dataset() + "'; nothing added"
                    : "stored " + r.rows() + " rows as dataset '" + r.dataset() + "'");
            return Map.of("summary", StoreNodes.summary(r, !known));
        }
    }
}

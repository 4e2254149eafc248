package org.nernst.data.mat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.nernst.core.node.DataException;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Table;

/**
 * Dataset connector for any {@code .mat} file, MATLAB 5 or 7.3 alike (the header picks the
 * reader): one variable becomes a table ({@link MatTables}).
 *
 * @since 0.2
 */
public final class MatVariablesNode implements Node {

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        c.monitor().checkCanceled(); // a cancelled run stops here, before any reading
        Parameters p = c.parameters();
        Path file = p.path("file");
        if (!Files.isRegularFile(file)) {
            throw new DataException(file, "", "file not found (parameter 'file' of node '" + c.nodeId() + "')");
        }
        String variable = p.has("variable") ? p.string("variable").trim() : "";
        try (MatView mat = MatFiles.open(file)) {
            if (variable.isEmpty()) {
                List<String> names = mat.variableNames();
                if (names.size() != 1) {
                    throw new DataException(file, "", "holds " + names.size() + " variables " + names
                            + "; name the one to read with parameter 'variable'");
                }
                variable = names.get(0);
            }
            Table t = MatTables.toTable(mat, variable);
            c.info("read variable '" + variable + "' of " + file.getFileName() + " (" + mat.format().label() + "): "
                    + t.rowCount() + " rows, " + t.columnCount() + " columns");
            return Map.of("table", t);
        }
    }
}

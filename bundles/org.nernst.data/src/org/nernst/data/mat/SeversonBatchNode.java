package org.nernst.data.mat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.nernst.core.node.DataException;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;

/**
 * Dataset connector for Severson/Attia batch files ({@link SeversonBatchReader}): cells, per-cycle
 * summary, and the samples of the cycles asked for (none by default: the files are GBs).
 *
 * @since 0.2
 */
public final class SeversonBatchNode implements Node {

    @Override
    public void configure(Parameters p) {
        SeversonBatchReader.parsePositions(p.list("cycles"));
    }

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Parameters p = c.parameters();
        Path file = p.path("file");
        if (!Files.isRegularFile(file)) {
            throw new DataException(file, "", "file not found (parameter 'file' of node '" + c.nodeId() + "')");
        }
        List<Integer> cycles = SeversonBatchReader.parsePositions(p.list("cycles"));
        String prefix = p.has("cellPrefix") ? p.string("cellPrefix") : "";
        SeversonBatchReader.Batch b = new SeversonBatchReader().read(file, cycles, prefix, c.monitor());
        for (String note : b.notes()) {
            c.warn(note);
        }
        c.info("read " + b.cells().rowCount() + " cells, " + b.summary().rowCount() + " summary rows, "
                + b.timeseries().rowCount() + " samples of cycles " + (cycles.isEmpty() ? "(none asked for)" : p.list("cycles")));
        return Map.of("cells", b.cells(), "summary", b.summary(), "timeseries", b.timeseries());
    }
}

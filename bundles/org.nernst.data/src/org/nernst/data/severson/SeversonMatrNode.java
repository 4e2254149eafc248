package org.nernst.data.severson;

import java.util.Map;

import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;

/**
 * Dataset node for the {@code severson-matr} layout (see {@link SeversonMatrReader}).
 *
 * @since 0.1
 */
public final class SeversonMatrNode implements Node {
    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        SeversonMatrReader.Result r = new SeversonMatrReader().read(c.parameters().path("folder"),
                c.parameters().list("splits"), c.monitor());
        c.info(r.cells().rowCount() + " cells, Q(V) of cycles 2-100 on a 1000-point voltage grid");
        return Map.of("cells", r.cells(), "curves", r.curves());
    }
}

package org.nernst.core.internal.registry;

import java.util.Map;

import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.table.Table;
import org.nernst.core.twin.TwinModel;

/** A twin contribution as a node: simulates the experiment table it receives. */
final class TwinNode implements Node {
    private final TwinModel twin;

    TwinNode(TwinModel twin) {
        this.twin = twin;
    }

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Table sim = twin.simulate(c.input("experiment", Table.class), c.parameters(), c.seed(), c.monitor());
        return Map.of("simulation", sim);
    }
}

package org.nernst.core.internal.registry;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nernst.core.node.PortSpec;

import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Table;
import org.nernst.core.twin.TwinModel;

/** A twin contribution as a node: simulates the experiment table it receives. */
final class TwinNode implements Node {
    private final TwinModel twin;

    TwinNode(TwinModel twin) {
        this.twin = twin;
    }

    @Override
    public void configure(Parameters parameters) {
        twin.configure(parameters);
    }

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Table sim = twin.simulate(c.input("experiment", Table.class), extraInputs(c, "experiment"), c.parameters(),
                c.seed(), c.monitor());
        return Map.of("simulation", sim);
    }

    /** The declared inputs other than {@code main} that are connected, by port name. */
    static Map<String, Object> extraInputs(NodeContext c, String main) {
        Map<String, Object> extra = new LinkedHashMap<>();
        for (PortSpec in : c.descriptor().inputs()) {
            if (!in.name().equals(main)) {
                c.optionalInput(in.name(), Object.class).ifPresent(t -> extra.put(in.name(), t));
            }
        }
        return extra;
    }
}

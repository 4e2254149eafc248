package org.nernst.features.lifetime;

import java.util.Map;

import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Table;

/**
 * Node for {@link EarlyLifeFeatures}: one row per cell, ready for a cycle-life regression.
 *
 * @since 0.1
 */
public final class EarlyLifeFeaturizer implements Node {
    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        c.monitor().checkCanceled(); // a cancelled run stops here, before any reading
        Parameters p = c.parameters();
        EarlyLifeFeatures f = new EarlyLifeFeatures((int) p.integer("early"), (int) p.integer("late"),
                p.number("outlierFraction"), p.string("featureSet"));
        Table out = f.compute(c.input("curves", Table.class), c.optionalInput("cells", Table.class).orElse(null));
        f.notes().forEach(c::warn);
        c.info(out.rowCount() + " cells featurized (ΔQ between cycles " + p.integer("late") + " and " + p.integer("early")
                + ")");
        return Map.of("features", out);
    }
}

package org.nernst.features.lifetime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Table;

/**
 * Node for {@link DischargeCurves}: Q(V) of chosen cycles on a voltage grid, the input of the
 * early-life featurizer.
 *
 * @since 0.1
 */
public final class DischargeCurvesFeaturizer implements Node {
    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        c.monitor().checkCanceled(); // a cancelled run stops here, before any reading
        Parameters p = c.parameters();
        List<Integer> cycles = new ArrayList<>();
        for (String s : p.list("cycles")) {
            try {
                cycles.add(Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter cycles: '" + s + "' is not a cycle number");
            }
        }
        Table out = new DischargeCurves(p.number("voltageHigh"), p.number("voltageLow"), (int) p.integer("points"),
                p.string("time"))
                .compute(c.input("timeseries", Table.class), cycles);
        c.info("Q(V) of cycles " + cycles + " for " + out.rowCount() / p.integer("points") + " cells");
        return Map.of("curves", out);
    }
}

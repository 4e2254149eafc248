package org.nernst.features.lifetime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Table;

/**
 * Node for {@link IncrementalCapacity}: dQ/dV curves and peak features per cell and cycle.
 *
 * @since 0.1
 */
public final class IncrementalCapacityFeaturizer implements Node {
    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        c.monitor().checkCanceled(); // a cancelled run stops here, before any reading
        Parameters p = c.parameters();
        Table ts = c.input("timeseries", Table.class);
        List<Integer> cycles = new ArrayList<>();
        for (String s : p.list("cycles")) {
            try {
                cycles.add(Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter cycles: '" + s + "' is not a cycle number");
            }
        }
        if (cycles.isEmpty() && ts.find("cycle").isPresent()) {
            TreeSet<Integer> all = new TreeSet<>();
            for (double v : ts.doubles("cycle")) {
                if (!Double.isNaN(v)) {
                    all.add((int) v);
                }
            }
            cycles.addAll(all);
        }
        IncrementalCapacity.Result r = new IncrementalCapacity(p.number("voltageHigh"), p.number("voltageLow"),
                (int) p.integer("points"), p.number("smoothing"), (int) p.integer("peaks"), p.string("time")).compute(ts, cycles);
        c.info("dQ/dV of " + r.features().rowCount() + " discharges");
        return Map.of("features", r.features(), "curves", r.curves());
    }
}

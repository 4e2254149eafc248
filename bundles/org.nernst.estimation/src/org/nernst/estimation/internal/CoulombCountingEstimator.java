package org.nernst.estimation.internal;

import java.util.Map;

import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.estimation.kalman.CoulombCounter;

/** {@code org.nernst.estimation.coulombCounting}: SOC by integrating the current. */
public final class CoulombCountingEstimator extends SocEstimatorSupport {

    @Override
    public Table estimate(Table m, Map<String, Object> inputs, Parameters p, ProgressMonitor monitor) throws Exception {
        monitor.checkCanceled(); // one pass over the series, fast: checking once before it is enough
        double[] t = column(m, p, "time");
        double[] i = column(m, p, "current");
        double capacity = p.has("capacity") ? p.number("capacity") : 0;
        if (!(capacity > 0)) {
            if (inputs.containsKey("model")) {
                capacity = model(inputs, p, temperature(m, p)).capacityAh();
            } else {
                throw new DataException(m.name(), "parameter 'capacity'", "is 0 and no model is connected; give the capacity in Ah");
            }
        }
        double[] soc = new CoulombCounter(capacity).run(t, i, p.number("initialSoc"));
        return output(m, p, "SOC (Coulomb counting)", t, col("soc", "", Role.PREDICTION, soc));
    }
}

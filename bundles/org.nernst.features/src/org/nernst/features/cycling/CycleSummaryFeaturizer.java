package org.nernst.features.cycling;

import java.util.Map;

import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.table.Table;

/**
 * The cycle-summary featurizer node: one row per cell and cycle of any connector's time series.
 *
 * @since 0.1
 */
public final class CycleSummaryFeaturizer implements Node {
    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Table ts = c.input("timeseries", Table.class);
        CycleSummaries summaries = new CycleSummaries(c.parameters().string("group"), c.parameters().string("time"));
        Table out = summaries.compute(ts, c.monitor());
        if (summaries.backwardSteps() > 0) {
            c.warn("time went backwards " + summaries.backwardSteps() + " times within a cycle; those steps were not "
                    + "integrated and do not count in the durations");
        }
        c.info(out.rowCount() + " cycles summarised from " + ts.rowCount() + " samples");
        return Map.of("cycles", out);
    }
}

package org.nernst.charts.internal;

import java.util.Locale;
import java.util.Map;

import org.nernst.charts.ParityPlotRenderer;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Table;

/** The {@code org.nernst.charts.parityPlot} node; see {@link ParityPlotRenderer}. */
public final class ParityPlotNode implements Node {

    @Override
    public Map<String, Object> execute(NodeContext c) {
        Parameters p = c.parameters();
        Table table = c.input("predictions", Table.class);
        String actual = p.string("actual");
        String predicted = p.string("predicted").isBlank() ? actual + "_predicted" : p.string("predicted");
        c.monitor().checkCanceled();
        ParityPlotRenderer.Figures f = ParityPlotRenderer.render(table, actual, predicted, p.string("group"),
                p.string("title"), (int) p.integer("width"), (int) p.integer("height"), XyPlotNode.theme(p));
        c.info(String.format(Locale.ROOT, "parity of %s: n = %d, RMSE %.4g, MAE %.4g, R² %.4f", predicted,
                f.metrics().n(), f.metrics().rmse(), f.metrics().mae(), f.metrics().r2()));
        return Map.of("parity", f.parity(), "residuals", f.residuals());
    }
}

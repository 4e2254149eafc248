package org.nernst.charts.internal;

import java.util.Map;

import org.nernst.charts.PlotTheme;
import org.nernst.charts.XyPlotRenderer;
import org.nernst.charts.XyPlotSpec;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Table;

/** The {@code org.nernst.charts.xyPlot} node: parameters to an {@link XyPlotSpec}, drawn by {@link XyPlotRenderer}. */
public final class XyPlotNode implements Node {

    @Override
    public void configure(Parameters parameters) {
        spec(parameters);
        theme(parameters);
    }

    @Override
    public Map<String, Object> execute(NodeContext context) {
        Table table = context.input("table", Table.class);
        return Map.of("figure", XyPlotRenderer.render(table, spec(context.parameters()), null, theme(context.parameters()),
                context.monitor()));
    }

    /** The {@code theme} parameter; light when absent. */
    public static PlotTheme theme(Parameters p) {
        return p.has("theme") ? PlotTheme.parse(p.string("theme")) : PlotTheme.LIGHT;
    }

    /** The registry fills in plugin.xml's defaults; the fallbacks here serve hand-made {@code Parameters.of}. */
    public static XyPlotSpec spec(Parameters p) {
        return new XyPlotSpec(p.string("x"), p.list("y"), text(p, "band"), number(p, "bandSigmas", 1.96),
                text(p, "facet"), (int) number(p, "gridColumns", 4),
                XyPlotSpec.Kind.parse(p.has("kind") ? p.string("kind") : "line"), text(p, "title"),
                text(p, "xLabel"), text(p, "yLabel"), (int) number(p, "width", 1400), (int) number(p, "height", 0));
    }

    private static String text(Parameters p, String name) {
        return p.has(name) ? p.string(name).trim() : "";
    }

    private static double number(Parameters p, String name, double fallback) {
        return p.has(name) ? p.number(name) : fallback;
    }
}

package org.nernst.ui.internal.views;

import org.nernst.charts.AxisRange;
import org.nernst.charts.PlotTheme;
import org.nernst.charts.XyPlotRenderer;
import org.nernst.charts.XyPlotSpec;
import org.nernst.core.exec.Result;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Table;
import org.nernst.core.workflow.PortRef;
import org.nernst.core.workflow.WorkflowNode;
import org.nernst.ui.internal.editor.NodeSelection;
import org.nernst.ui.internal.prefs.NernstPreferences;

/**
 * What the chart view needs to draw an {@code org.nernst.charts.xyPlot} node's figure again at
 * another size or range: the node's table input (the upstream node's current output), its
 * plot settings and its theme (the node's own, else Window → Preferences → Nernst). Rendering is done off the UI thread by the caller.
 */
record LivePlot(Table table, XyPlotSpec spec, AxisRange fullRange, PlotTheme theme) {
    static final String XY_PLOT = "org.nernst.charts.xyPlot";

    /** For the selected node, or {@code null} if it is no plot node or its input is not current. */
    static LivePlot of(NodeSelection s) {
        if (s == null) {
            return null;
        }
        WorkflowNode n = s.document().workflow().node(s.nodeId()).orElse(null);
        NodeDescriptor d = s.document().descriptor(s.nodeId()).orElse(null);
        if (n == null || d == null || !XY_PLOT.equals(n.type()) || !n.inputs().containsKey("table")) {
            return null;
        }
        PortRef in = n.inputs().get("table");
        Result r = s.document().runState().entry(in.node()).outputs().get(in.port());
        if (r == null || !(r.value() instanceof Table t)) {
            return null;
        }
        try {
            XyPlotSpec spec = XyPlotSpec.fromParameters(Parameters.resolve(d.parameters(), n.parameters()));
            // a theme the node sets is part of the figure; otherwise the workbench's preference
            PlotTheme theme = n.parameters().containsKey("theme") ? PlotTheme.parse(String.valueOf(n.parameters().get("theme")))
                    : NernstPreferences.plotTheme();
            return new LivePlot(t, spec, XyPlotRenderer.range(t, spec), theme);
        } catch (RuntimeException e) {
            return null; // the node itself reports bad settings when it runs
        }
    }

    private XyPlotSpec sized(int w, int h) {
        return spec.withSize(Math.clamp(w, 200, 8000), Math.clamp(h, 1, 8000));
    }

    byte[] png(int w, int h, AxisRange r) {
        return XyPlotRenderer.render(table, sized(w, h), r, theme, ProgressMonitor.none()).png();
    }

    String svg(int w, int h, AxisRange r) {
        return XyPlotRenderer.render(table, sized(w, h), r, theme, ProgressMonitor.none()).svg();
    }

    byte[] pdf(int w, int h, AxisRange r) {
        return XyPlotRenderer.pdf(table, sized(w, h), r, theme);
    }
}

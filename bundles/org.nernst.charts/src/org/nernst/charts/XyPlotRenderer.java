package org.nernst.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.XYChart;
import org.nernst.charts.internal.FigureCanvas;
import org.nernst.charts.internal.PanelChart;
import org.nernst.charts.internal.PanelData;
import org.nernst.core.node.Figure;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Column;
import org.nernst.core.table.Table;

/**
 * Renders a table as an XY plot, one panel or a grid of small multiples, to PNG and SVG without a
 * display. Used by the {@code org.nernst.charts.xyPlot} node and open to the workbench and CLI.
 *
 * @since 0.1
 */
public final class XyPlotRenderer {

    private XyPlotRenderer() {
    }

    /**
     * Renders {@code table} as {@code spec} describes.
     *
     * @throws IllegalArgumentException naming the parameter and the table's columns when a column is
     *         missing or holds text, or when the table has no rows
     * @throws org.nernst.core.node.CancelledException when {@code monitor} is cancelled between panels
     */
    public static Figure render(Table table, XyPlotSpec spec, ProgressMonitor monitor) {
        return render(table, spec, null, monitor);
    }

    /**
     * Renders {@code table} as {@code spec} describes, showing only {@code range} (zoomed or
     * panned); {@code null} shows all the data as {@link #range} gives it.
     *
     * @since 0.3
     */
    public static Figure render(Table table, XyPlotSpec spec, AxisRange range, ProgressMonitor monitor) {
        return render(table, spec, range, PlotTheme.LIGHT, monitor);
    }

    /**
     * Renders {@code table} as {@code spec} describes, showing {@code range} ({@code null}: all the
     * data) in the colours and line styles of {@code theme}.
     *
     * @since 0.3
     */
    public static Figure render(Table table, XyPlotSpec spec, AxisRange range, PlotTheme theme, ProgressMonitor monitor) {
        Drawing d = draw(table, spec, range, theme, monitor, 2);
        byte[] png = d.canvas().png(d.charts());
        monitor.worked(1);
        monitor.checkCanceled();
        String svg = d.canvas().svg(d.charts());
        monitor.worked(1);
        String name = spec.title().isEmpty() ? String.join(", ", spec.y()) + " vs " + spec.x() : spec.title();
        return new Figure(name, png, svg);
    }

    /**
     * The same figure as a one-page vector PDF of {@code spec.width()} × height points, drawn by the
     * same code as the PNG and SVG.
     *
     * @param range the visible range, or {@code null} for all the data
     * @since 0.3
     */
    public static byte[] pdf(Table table, XyPlotSpec spec, AxisRange range) {
        return pdf(table, spec, range, PlotTheme.LIGHT);
    }

    /**
     * {@link #pdf(Table, XyPlotSpec, AxisRange)} in the colours and line styles of {@code theme}.
     *
     * @since 0.3
     */
    public static byte[] pdf(Table table, XyPlotSpec spec, AxisRange range, PlotTheme theme) {
        Drawing d = draw(table, spec, range, theme, ProgressMonitor.none(), 1);
        return d.canvas().pdf(d.charts());
    }

    /**
     * The range that shows all the data of the plot (with a little air), the one a figure is drawn
     * with by default and the one a view resets to.
     *
     * @since 0.3
     */
    public static AxisRange range(Table table, XyPlotSpec spec) {
        double[] b = bounds(PanelData.split(table, spec), spec.bandSigmas());
        return new AxisRange(b[0], b[1], b[2], b[3]);
    }

    /** The panels' charts laid out on the figure's canvas, ready to paint in any format. */
    private record Drawing(FigureCanvas canvas, List<XYChart> charts) {
    }

    private static Drawing draw(Table table, XyPlotSpec spec, AxisRange range, PlotTheme theme, ProgressMonitor monitor,
            int outputs) {
        List<PanelData> panels = PanelData.split(table, spec);
        boolean faceted = !spec.facet().isEmpty();
        int columns = Math.min(spec.gridColumns(), panels.size());
        // Text grows with the panel so a lone wide panel and a dense grid both stay legible.
        int fontSize = Math.clamp(Math.round(spec.width() / (float) columns / 45f) + 5, 11, 20);
        FigureCanvas canvas = FigureCanvas.layout(panels.size(), columns, spec.width(), spec.height(),
                faceted ? spec.title() : "", fontSize + 4, theme);
        PanelChart.Look look = look(table, spec, panels, fontSize, range, theme);

        monitor.begin("Rendering " + panels.size() + (panels.size() == 1 ? " panel" : " panels"),
                panels.size() + outputs);
        List<XYChart> charts = new ArrayList<>(panels.size());
        for (int i = 0; i < panels.size(); i++) {
            monitor.checkCanceled();
            PanelData p = panels.get(i);
            String title = faceted ? spec.facet() + " = " + p.label() : spec.title();
            charts.add(PanelChart.build(p, look, title, xTitle(look, i, columns, panels.size()), i % columns == 0,
                    i == 0));
            monitor.worked(1);
        }
        monitor.checkCanceled();
        return new Drawing(canvas, charts);
    }

    /**
     * The x title goes under the lowest panel of each column only; other panels of that row keep a
     * blank title's space so every plot area in a row has the same height (a no-break space, as
     * XChart hides a title of plain spaces).
     */
    private static String xTitle(PanelChart.Look look, int i, int columns, int panels) {
        if (i + columns >= panels) {
            return look.xTitle();
        }
        int lastInRow = Math.min(panels - 1, (i / columns + 1) * columns - 1);
        return lastInRow + columns >= panels ? "\u00A0" : null;
    }

    private static PanelChart.Look look(Table t, XyPlotSpec s, List<PanelData> panels, int fontSize,
            AxisRange range, PlotTheme theme) {
        List<Column> ys = s.y().stream().map(t::column).toList();
        List<String> names = ys.stream().map(Column::header).toList();
        String xTitle = s.xLabel().isEmpty() ? t.column(s.x()).header() : s.xLabel();
        String yTitle = s.yLabel();
        if (yTitle.isEmpty()) {
            String unit = ys.get(0).unit();
            boolean shared = !unit.isEmpty() && ys.stream().allMatch(c -> c.unit().equals(unit));
            yTitle = ys.size() > 1 && shared
                    ? String.join(", ", s.y()) + " [" + unit + "]"
                    : String.join(", ", names);
        }
        String band = s.y().get(0) + " ± " + number(s.bandSigmas()) + " σ";
        double[] b = range == null ? bounds(panels, s.bandSigmas())
                : new double[] { range.xMin(), range.xMax(), range.yMin(), range.yMax() };
        return new PanelChart.Look(s, names, band, xTitle, yTitle, b, fontSize, theme);
    }

    /** Axis ranges shared by every panel, with a little air above and below the data. */
    private static double[] bounds(List<PanelData> panels, double k) {
        double[] b = { Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY };
        for (PanelData p : panels) {
            for (int i = 0; i < p.x().length; i++) {
                if (!Double.isFinite(p.x()[i])) {
                    continue;
                }
                for (int s = 0; s < p.y().length; s++) {
                    double y = p.y()[s][i];
                    double half = s == 0 && p.std() != null && Double.isFinite(p.std()[i]) ? k * p.std()[i] : 0;
                    if (Double.isFinite(y)) {
                        b[0] = Math.min(b[0], p.x()[i]);
                        b[1] = Math.max(b[1], p.x()[i]);
                        b[2] = Math.min(b[2], y - half);
                        b[3] = Math.max(b[3], y + half);
                    }
                }
            }
        }
        if (b[0] > b[1]) {
            return new double[] { 0, 1, 0, 1 }; // nothing finite: an empty frame beats an exception
        }
        pad(b, 0, 0.02, 0.5);
        pad(b, 2, 0.05, 0.5);
        return b;
    }

    private static void pad(double[] b, int at, double fraction, double ifFlat) {
        double range = b[at + 1] - b[at];
        double d = range > 0 ? range * fraction : Math.max(ifFlat, Math.abs(b[at]) * 0.1);
        b[at] -= d;
        b[at + 1] += d;
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d)
                : String.format(Locale.ROOT, "%.3g", d).replaceAll("0+$", "");
    }
}

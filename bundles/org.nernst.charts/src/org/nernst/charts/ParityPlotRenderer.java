package org.nernst.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nernst.charts.internal.FigureCanvas;
import org.nernst.core.ml.RegressionMetrics;
import org.nernst.core.node.Figure;
import org.nernst.core.table.Column;
import org.nernst.core.table.ColumnType;
import org.nernst.core.table.Table;

/**
 * Parity (predicted against measured, with the line y = x and RMSE, MAE and R² in the legend) and
 * residual (measured − predicted against predicted, with the zero line) plots of a regression's
 * predictions, rendered to PNG and SVG without a display.
 *
 * @since 0.3
 */
public final class ParityPlotRenderer {

    /**
     * The two figures, the metrics shown in the parity legend, and the legend entries of each (XChart
     * draws text as outlines, so the images themselves cannot be searched for it).
     */
    public record Figures(Figure parity, Figure residuals, RegressionMetrics metrics, List<String> parityLegend,
            List<String> residualLegend) {
    }

    private ParityPlotRenderer() {
    }

    /**
     * @param actual measured column
     * @param predicted predicted column
     * @param group optional column giving each point's colour (e.g. the cell); empty for one colour
     * @throws IllegalArgumentException naming a missing or text column, or a table without finite pairs
     */
    public static Figures render(Table table, String actual, String predicted, String group, String title, int width,
            int height) {
        return render(table, actual, predicted, group, title, width, height, PlotTheme.LIGHT);
    }

    /**
     * {@link #render(Table, String, String, String, String, int, int)} in the colours and markers of {@code theme}.
     *
     * @since 0.3
     */
    public static Figures render(Table table, String actual, String predicted, String group, String title, int width,
            int height, PlotTheme theme) {
        Column a = numeric(table, actual, "actual"), p = numeric(table, predicted, "predicted");
        Column g = group == null || group.isBlank() ? null : table.find(group).orElseThrow(
                () -> new IllegalArgumentException("group column '" + group + "' not found; the table has "
                        + table.columnNames()));
        List<double[]> pairs = new ArrayList<>();
        Map<String, List<double[]>> byGroup = new LinkedHashMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            double x = a.asDouble(r), y = p.asDouble(r);
            if (Double.isFinite(x) && Double.isFinite(y)) {
                double[] pt = { x, y };
                pairs.add(pt);
                byGroup.computeIfAbsent(g == null ? "" : g.format(r), k -> new ArrayList<>()).add(pt);
            }
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no row has finite values in both '" + actual + "' and '" + predicted + "'");
        }
        double[] xs = pairs.stream().mapToDouble(v -> v[0]).toArray();
        double[] ys = pairs.stream().mapToDouble(v -> v[1]).toArray();
        RegressionMetrics m = RegressionMetrics.of(xs, ys);
        String unit = a.unit().isEmpty() ? "" : " [" + a.unit() + "]";
        String stats = String.format(Locale.ROOT, "n = %d, RMSE = %.4g%s, MAE = %.4g, R² = %.4f", m.n(), m.rmse(),
                a.unit().isEmpty() ? "" : " " + a.unit(), m.mae(), m.r2());
        double lo = Math.min(min(xs), min(ys)), hi = Math.max(max(xs), max(ys));
        double pad = hi > lo ? 0.04 * (hi - lo) : Math.max(1e-9, Math.abs(hi) * 0.05 + 1e-9);
        lo -= pad;
        hi += pad;

        XYChart parity = chart(title.isEmpty() ? "Parity: " + predicted + " vs " + actual : title,
                "measured " + actual + unit, "predicted" + unit, theme);
        XYSeries line = parity.addSeries("y = x", new double[] { lo, hi }, new double[] { lo, hi });
        guide(line, theme);
        points(parity, byGroup, g == null ? stats : null, false, theme);
        if (g != null) {
            // the metrics still belong in the legend when points are coloured by group
            XYSeries s = parity.addSeries(stats, new double[] { lo }, new double[] { lo });
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.NONE);
            s.setMarkerColor(theme.background());
        }
        parity.getStyler().setXAxisMin(lo).setXAxisMax(hi).setYAxisMin(lo).setYAxisMax(hi);

        XYChart residuals = chart(title.isEmpty() ? "Residuals of " + predicted : title + " — residuals",
                "predicted" + unit, "measured − predicted" + unit, theme);
        double pmin = min(ys), pmax = max(ys);
        // residuals fill the plot's width: the legend goes below it instead of over the points
        residuals.getStyler().setLegendPosition(LegendPosition.OutsideS);
        XYSeries zero = residuals.addSeries("zero", new double[] { pmin, pmax }, new double[] { 0, 0 });
        guide(zero, theme);
        points(residuals, byGroup, g == null ? stats : null, true, theme);

        int h = height > 0 ? height : (int) Math.round(width * 0.8);
        FigureCanvas canvas = FigureCanvas.layout(1, 1, width, h, "", 16, theme);
        String name = predicted + " vs " + actual;
        return new Figures(new Figure("parity " + name, canvas.png(List.of(parity)), canvas.svg(List.of(parity))),
                new Figure("residuals " + name, canvas.png(List.of(residuals)), canvas.svg(List.of(residuals))), m,
                List.copyOf(parity.getSeriesMap().keySet()), List.copyOf(residuals.getSeriesMap().keySet()));
    }

    private static XYChart chart(String title, String xTitle, String yTitle, PlotTheme theme) {
        XYChart c = new XYChart(400, 300);
        c.setTitle(title);
        c.setXAxisTitle(xTitle);
        c.setYAxisTitle(yTitle);
        var s = c.getStyler();
        s.setChartBackgroundColor(theme.background());
        s.setPlotBackgroundColor(theme.background());
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(theme.border());
        s.setPlotGridLinesColor(theme.grid());
        s.setChartFontColor(theme.ink());
        s.setAxisTickLabelsColor(theme.ink());
        s.setLegendPosition(LegendPosition.InsideNW);
        s.setLegendBackgroundColor(theme.legendBackground());
        s.setLegendBorderColor(theme.legendBorder());
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setChartTitleBoxVisible(false);
        s.setMarkerSize(6);
        return c;
    }

    private static void guide(XYSeries s, PlotTheme theme) {
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(theme.guide());
        s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] { 6, 4 }, 0));
    }

    /** One scatter series per group; residual plots show measured − predicted against predicted. */
    private static void points(XYChart c, Map<String, List<double[]>> byGroup, String singleName, boolean residual,
            PlotTheme theme) {
        int i = 0;
        for (var e : byGroup.entrySet()) {
            double[] x = new double[e.getValue().size()], y = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                double[] pt = e.getValue().get(k);
                x[k] = residual ? pt[1] : pt[0];
                y[k] = residual ? pt[0] - pt[1] : pt[1];
            }
            XYSeries s = c.addSeries(singleName != null ? singleName : e.getKey(), x, y);
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            s.setMarker(theme.marker(i));
            s.setMarkerColor(theme.series(i++));
        }
    }

    private static Column numeric(Table t, String name, String role) {
        Column c = t.find(name).orElseThrow(() -> new IllegalArgumentException(role + " column '" + name
                + "' not found; the table has " + t.columnNames()));
        if (c.type() == ColumnType.STRING) {
            throw new IllegalArgumentException(role + " column '" + name + "' holds text; a parity plot needs numbers");
        }
        return c;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }
}

package org.nernst.charts.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.stream.IntStream;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.AxesChartStyler.TextAlignment;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nernst.charts.PlotTheme;
import org.nernst.charts.XyPlotSpec;

/** Builds the XChart of one panel in the house style. */
public final class PanelChart {

    /**
     * What every panel of one figure shares.
     *
     * @param spec the plot's settings
     * @param seriesNames legend names of the y series
     * @param bandName legend name of the band
     * @param xTitle horizontal axis title
     * @param yTitle vertical axis title
     * @param bounds shared axis ranges {@code {xMin, xMax, yMin, yMax}} so panels compare at a glance
     * @param fontSize tick label size in pixels; titles are a little larger
     * @param theme colours and line styles
     */
    public record Look(XyPlotSpec spec, List<String> seriesNames, String bandName, String xTitle, String yTitle,
            double[] bounds, int fontSize, PlotTheme theme) {
    }

    private PanelChart() {
    }

    /**
     * @param title the panel's title, empty for none
     * @param xTitle the horizontal axis title; blank to keep its space so the panels of a row align,
     *        {@code null} for neither text nor space
     * @param showYTitle whether this panel carries the vertical axis title (left column)
     * @param legend whether this panel carries the figure's legend
     */
    public static XYChart build(PanelData p, Look look, String title, String xTitle, boolean showYTitle,
            boolean legend) {
        XYChart chart = new XYChart(400, 300);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle == null ? "" : xTitle);
        chart.setYAxisTitle(look.yTitle());
        style(chart.getStyler(), look, !title.isEmpty(), xTitle != null, showYTitle, legend);
        if (p.std() != null) {
            addBand(chart, p, look); // added first so every line is painted over it
        }
        boolean scatter = look.spec().kind() == XyPlotSpec.Kind.SCATTER;
        for (int i = 0; i < p.y().length; i++) {
            double[][] xy = finite(p.x(), p.y()[i]);
            if (xy[0].length == 0) {
                continue;
            }
            Color c = look.theme().series(i);
            XYSeries s = chart.addSeries(look.seriesNames().get(i), xy[0], xy[1]);
            s.setXYSeriesRenderStyle(scatter ? XYSeriesRenderStyle.Scatter : XYSeriesRenderStyle.Line);
            s.setLineColor(c);
            s.setMarkerColor(c);
            s.setLineStyle(look.theme().stroke(i, Math.max(1.5f, look.fontSize() / 7f)));
            s.setMarker(scatter ? look.theme().marker(i) : SeriesMarkers.NONE);
        }
        if (legend) {
            chart.getStyler().setLegendPosition(emptiestCorner(p, look.bounds()));
        }
        return chart;
    }

    private static void style(XYStyler st, Look look, boolean titled, boolean showXTitle, boolean showYTitle,
            boolean legend) {
        int f = look.fontSize();
        PlotTheme t = look.theme();
        st.setChartBackgroundColor(t.background());
        st.setPlotBackgroundColor(t.background());
        st.setPlotBorderColor(t.border());
        st.setPlotGridLinesColor(t.grid());
        st.setPlotGridLinesStroke(new BasicStroke(1f));
        st.setChartFontColor(t.ink());
        st.setAxisTickLabelsColor(t.ink());
        st.setChartTitleVisible(titled);
        st.setChartTitleBoxVisible(false);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, f + 2));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, f + 1));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, f));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, f));
        st.setLegendBackgroundColor(t.legendBackground());
        st.setLegendBorderColor(t.legendBorder());
        st.setLegendVisible(legend);
        st.setXAxisTitleVisible(showXTitle);
        st.setYAxisTitleVisible(showYTitle);
        st.setChartPadding(Math.max(6, f / 2));
        st.setMarkerSize(Math.max(5, f / 2));
        st.setAntiAlias(true);
        // Our bounds already leave air around the data; XChart's default 92 % would add more.
        st.setPlotContentSize(1.0);
        st.setAxisTicksLineVisible(false);
        st.setYAxisLabelAlignment(TextAlignment.Right);
        st.setXAxisTickMarkSpacingHint(f * 7);
        st.setYAxisTickMarkSpacingHint(f * 4);
        double[] b = look.bounds();
        st.setXAxisMin(b[0]);
        st.setXAxisMax(b[1]);
        st.setYAxisMin(b[2]);
        st.setYAxisMax(b[3]);
    }

    /** The band as one closed polygon: upper edge left to right, then the lower edge back. */
    private static void addBand(XYChart chart, PanelData p, Look look) {
        double k = look.spec().bandSigmas();
        double[] x = p.x();
        double[] y = p.y()[0];
        double[] sd = p.std();
        int[] keep = IntStream.range(0, x.length)
                .filter(i -> Double.isFinite(x[i]) && Double.isFinite(y[i]) && Double.isFinite(sd[i])).toArray();
        int m = keep.length;
        if (m == 0) {
            return;
        }
        double[] xs = new double[2 * m];
        double[] ys = new double[2 * m];
        for (int j = 0; j < m; j++) {
            int up = keep[j];
            int down = keep[m - 1 - j];
            xs[j] = x[up];
            ys[j] = y[up] + k * sd[up];
            xs[m + j] = x[down];
            ys[m + j] = y[down] - k * sd[down];
        }
        XYSeries band = chart.addSeries(look.bandName(), xs, ys);
        Color c = look.theme().series(0);
        band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 56));
        band.setLineColor(new Color(0, 0, 0, 0));
        band.setLineStyle(SeriesLines.NONE);
        band.setMarker(SeriesMarkers.NONE);
    }

    /** The points where both coordinates are numbers; XChart cannot scale axes around NaN. */
    private static double[][] finite(double[] x, double[] y) {
        int[] keep = IntStream.range(0, x.length)
                .filter(i -> Double.isFinite(x[i]) && Double.isFinite(y[i])).toArray();
        double[][] out = new double[2][keep.length];
        for (int j = 0; j < keep.length; j++) {
            out[0][j] = x[keep[j]];
            out[1][j] = y[keep[j]];
        }
        return out;
    }

    /** The inner corner with the fewest data points, so the legend hides as little as possible. */
    private static LegendPosition emptiestCorner(PanelData p, double[] b) {
        LegendPosition[] corners = { LegendPosition.InsideNE, LegendPosition.InsideNW, LegendPosition.InsideSE,
                LegendPosition.InsideSW };
        int[] counts = new int[4];
        double w = b[1] - b[0];
        double h = b[3] - b[2];
        for (double[] y : p.y()) {
            for (int i = 0; i < y.length; i++) {
                double u = (p.x()[i] - b[0]) / w;
                double v = (y[i] - b[2]) / h;
                boolean right = u > 0.55;
                boolean left = u < 0.45;
                boolean top = v > 0.6;
                boolean bottom = v < 0.4;
                counts[0] += right && top ? 1 : 0;
                counts[1] += left && top ? 1 : 0;
                counts[2] += right && bottom ? 1 : 0;
                counts[3] += left && bottom ? 1 : 0;
            }
        }
        int best = 0;
        for (int c = 1; c < 4; c++) {
            if (counts[c] < counts[best]) {
                best = c;
            }
        }
        return corners[best];
    }
}

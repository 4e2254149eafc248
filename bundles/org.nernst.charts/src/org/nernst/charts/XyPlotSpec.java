package org.nernst.charts;

import java.util.List;
import java.util.Locale;

/**
 * What an XY plot shows and how large it is; the settings of the {@code org.nernst.charts.xyPlot}
 * node, usable from code through the {@code with...} methods.
 *
 * @param x column on the horizontal axis
 * @param y columns on the vertical axis, one series each
 * @param band standard-deviation column shaded around the first y series; empty for none
 * @param bandSigmas half-width of the band in standard deviations
 * @param facet column whose distinct values each get a panel; empty for one panel
 * @param gridColumns panels per grid row
 * @param kind lines or points
 * @param title figure title; empty for none
 * @param xLabel horizontal axis title; empty derives it from the x column
 * @param yLabel vertical axis title; empty derives it from the y columns
 * @param width image width in pixels
 * @param height image height in pixels; 0 derives it from the number of panel rows
 * @since 0.1
 */
public record XyPlotSpec(String x, List<String> y, String band, double bandSigmas, String facet, int gridColumns,
        Kind kind, String title, String xLabel, String yLabel, int width, int height) {

    /** How a series is drawn. */
    public enum Kind {
        LINE, SCATTER;

        /** Parses {@code line} or {@code scatter}, as the node's parameter spells it. */
        public static Kind parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter 'kind' = '" + s + "' is not one of [line, scatter]");
            }
        }
    }

    public XyPlotSpec {
        if (x == null || x.isBlank()) {
            throw new IllegalArgumentException("parameter 'x' needs a column name");
        }
        y = List.copyOf(y);
        if (y.isEmpty()) {
            throw new IllegalArgumentException("parameter 'y' needs at least one column name");
        }
        band = band == null ? "" : band;
        facet = facet == null ? "" : facet;
        title = title == null ? "" : title;
        xLabel = xLabel == null ? "" : xLabel;
        yLabel = yLabel == null ? "" : yLabel;
        check("bandSigmas", bandSigmas, 0, 10);
        check("gridColumns", gridColumns, 1, 12);
        check("width", width, 200, 8000);
        check("height", height, 0, 8000);
    }

    private static void check(String name, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException("parameter '" + name + "' = " + v + " is outside [" + min + ", " + max
                    + "]");
        }
    }

    /** A single-panel line plot of {@code y} against {@code x}, 1400 pixels wide, with the node's defaults. */
    public static XyPlotSpec of(String x, String... y) {
        return new XyPlotSpec(x, List.of(y), "", 1.96, "", 4, Kind.LINE, "", "", "", 1400, 0);
    }

    public XyPlotSpec withBand(String stdColumn, double sigmas) {
        return new XyPlotSpec(x, y, stdColumn, sigmas, facet, gridColumns, kind, title, xLabel, yLabel, width, height);
    }

    public XyPlotSpec withFacet(String column, int columnsPerRow) {
        return new XyPlotSpec(x, y, band, bandSigmas, column, columnsPerRow, kind, title, xLabel, yLabel, width,
                height);
    }

    public XyPlotSpec withKind(Kind k) {
        return new XyPlotSpec(x, y, band, bandSigmas, facet, gridColumns, k, title, xLabel, yLabel, width, height);
    }

    public XyPlotSpec withTitle(String t) {
        return new XyPlotSpec(x, y, band, bandSigmas, facet, gridColumns, kind, t, xLabel, yLabel, width, height);
    }

    public XyPlotSpec withLabels(String xTitle, String yTitle) {
        return new XyPlotSpec(x, y, band, bandSigmas, facet, gridColumns, kind, title, xTitle, yTitle, width, height);
    }

    public XyPlotSpec withSize(int w, int h) {
        return new XyPlotSpec(x, y, band, bandSigmas, facet, gridColumns, kind, title, xLabel, yLabel, w, h);
    }

    /**
     * The spec the {@code org.nernst.charts.xyPlot} node draws with the given parameters; lets a
     * view re-render a node's plot (another size, another range) exactly as the node would.
     *
     * @throws IllegalArgumentException naming the parameter that is out of range
     * @since 0.3
     */
    public static XyPlotSpec fromParameters(org.nernst.core.node.Parameters p) {
        return org.nernst.charts.internal.XyPlotNode.spec(p);
    }
}

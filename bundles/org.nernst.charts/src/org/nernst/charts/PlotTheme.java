package org.nernst.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.Locale;

import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The colours and line styles of a figure: the plot nodes' {@code theme} parameter and the
 * workbench's plot preference.
 * <ul>
 * <li>{@link #LIGHT}: white ground, the colour-blind-safe Okabe &amp; Ito palette (the default);</li>
 * <li>{@link #DARK}: dark ground for slides and dark rooms, the same palette brightened;</li>
 * <li>{@link #PRINT}: black and greys only, each series told apart by its dash pattern and marker,
 * for journals printed in grey and photocopies.</li>
 * </ul>
 *
 * @since 0.3
 */
public enum PlotTheme {
    LIGHT(Color.WHITE, new Color(0x222222), new Color(0xE3E3E3), new Color(0x888888), new Color(255, 255, 255, 225),
            new Color(0xBBBBBB), new Color(0x777777), false, 0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9,
            0x000000, 0xF0E442),
    DARK(new Color(0x1E1F22), new Color(0xE6E6E6), new Color(0x3A3C40), new Color(0x8A8D93), new Color(30, 31, 34, 225),
            new Color(0x5A5D63), new Color(0xA0A0A0), false, 0x56B4E9, 0xE69F00, 0x2BD19B, 0xE58FC4, 0xF0E442, 0x5FA8FF,
            0xFFFFFF, 0xFF7A33),
    PRINT(Color.WHITE, Color.BLACK, new Color(0xDDDDDD), Color.BLACK, new Color(255, 255, 255, 235), new Color(0x999999),
            new Color(0x666666), true, 0x000000, 0x555555, 0x000000, 0x555555, 0x000000, 0x555555, 0x000000, 0x555555);

    /** Dash patterns of {@link #PRINT}'s series, in units of the line width; {@code null} is solid. */
    private static final float[][] DASHES = { null, { 6, 3 }, { 1, 2.5f }, { 6, 2.5f, 1, 2.5f }, { 10, 4 },
        { 3, 3 }, { 10, 3, 1, 3, 1, 3 }, { 2, 5 } };
    private static final Marker[] MARKERS = { SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS,
        SeriesMarkers.OVAL };

    private final Color background;
    private final Color ink;
    private final Color grid;
    private final Color border;
    private final Color legendBackground;
    private final Color legendBorder;
    private final Color guide;
    private final boolean patterned;
    private final Color[] palette;

    PlotTheme(Color background, Color ink, Color grid, Color border, Color legendBackground, Color legendBorder,
            Color guide, boolean patterned, int... palette) {
        this.background = background;
        this.ink = ink;
        this.grid = grid;
        this.border = border;
        this.legendBackground = legendBackground;
        this.legendBorder = legendBorder;
        this.guide = guide;
        this.patterned = patterned;
        this.palette = Arrays.stream(palette).mapToObj(Color::new).toArray(Color[]::new);
    }

    /**
     * Parses {@code light}, {@code dark} or {@code print} (any case), as the parameter and the
     * preference spell them.
     *
     * @throws IllegalArgumentException naming parameter {@code theme} and the accepted values
     */
    public static PlotTheme parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("parameter 'theme' = '" + s + "' is not one of [light, dark, print]");
        }
    }

    /** The name as parameters and preferences spell it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Ground of the figure and of its plot areas. */
    public Color background() {
        return background;
    }

    /** Titles, tick labels and legend text. */
    public Color ink() {
        return ink;
    }

    public Color grid() {
        return grid;
    }

    /** The frame around each plot area. */
    public Color border() {
        return border;
    }

    public Color legendBackground() {
        return legendBackground;
    }

    public Color legendBorder() {
        return legendBorder;
    }

    /** Reference lines (y = x, zero). */
    public Color guide() {
        return guide;
    }

    /** The colour of series {@code i} (cycling). */
    public Color series(int i) {
        return palette[Math.floorMod(i, palette.length)];
    }

    /** The line of series {@code i}: solid, or in {@link #PRINT} a dash pattern of its own (cycling). */
    public BasicStroke stroke(int i, float width) {
        float[] dash = patterned ? DASHES[Math.floorMod(i, DASHES.length)] : null;
        if (dash == null) {
            return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        float[] scaled = new float[dash.length];
        for (int k = 0; k < dash.length; k++) {
            scaled[k] = dash[k] * width;
        }
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, scaled, 0);
    }

    /** The marker of series {@code i} in a scatter plot: circles, or in {@link #PRINT} a shape of its own (cycling). */
    public Marker marker(int i) {
        return patterned ? MARKERS[Math.floorMod(i, MARKERS.length)] : SeriesMarkers.CIRCLE;
    }
}

package org.nernst.charts;

/**
 * The visible part of an XY plot: what zoom and pan change. Every panel of a figure shares it.
 * Pure arithmetic, so an interactive view re-renders a plot through {@link XyPlotRenderer} with a
 * new range instead of scaling pixels.
 *
 * @param xMin left edge of the plot area in data units
 * @param xMax right edge
 * @param yMin bottom edge
 * @param yMax top edge
 * @since 0.3
 */
public record AxisRange(double xMin, double xMax, double yMin, double yMax) {

    public AxisRange {
        if (!(xMax > xMin) || !(yMax > yMin) || !Double.isFinite(xMax - xMin) || !Double.isFinite(yMax - yMin)) {
            throw new IllegalArgumentException("an axis range needs finite min < max, got x [" + xMin + ", " + xMax
                    + "], y [" + yMin + ", " + yMax + "]");
        }
    }

    public double width() {
        return xMax - xMin;
    }

    public double height() {
        return yMax - yMin;
    }

    /**
     * Zooms about a point so that point stays where it is on screen.
     *
     * @param factor above 1 zooms in (a smaller range), below 1 zooms out
     * @param fx the fixed point's position across the plot area, 0 = left edge, 1 = right edge
     * @param fy the fixed point's position up the plot area, 0 = bottom edge, 1 = top edge
     */
    public AxisRange zoom(double factor, double fx, double fy) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("zoom factor must be a positive number, got " + factor);
        }
        double cx = xMin + fx * width();
        double cy = yMin + fy * height();
        double w = width() / factor;
        double h = height() / factor;
        return new AxisRange(cx - fx * w, cx + (1 - fx) * w, cy - fy * h, cy + (1 - fy) * h);
    }

    /**
     * Moves the view by fractions of its size: a drag to the right by a quarter of the plot area
     * is {@code pan(-0.25, 0)} (the data follows the mouse, so the range moves left).
     */
    public AxisRange pan(double dxFraction, double dyFraction) {
        double dx = dxFraction * width();
        double dy = dyFraction * height();
        return new AxisRange(xMin + dx, xMax + dx, yMin + dy, yMax + dy);
    }
}

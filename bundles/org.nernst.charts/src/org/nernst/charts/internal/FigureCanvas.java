package org.nernst.charts.internal;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.imageio.ImageIO;

import org.knowm.xchart.XYChart;
import org.nernst.charts.PlotTheme;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.pdf.PDFProcessor;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;

/**
 * Lays panels out in a grid under an optional title and paints them into one raster or vector
 * image. Both outputs go through the same {@link #paint} so the PNG and the SVG always agree.
 *
 * @param width image width
 * @param height image height
 * @param columns panels per row
 * @param header height of the title strip above the grid (0 without a figure title)
 * @param panelHeight height of one panel
 * @param title figure title drawn in the header strip
 * @param fontSize size of the title font
 * @param theme ground and ink of the figure
 */
public record FigureCanvas(int width, int height, int columns, int header, int panelHeight, String title,
        int fontSize, PlotTheme theme) {

    /**
     * Chooses the grid for {@code panels} panels.
     *
     * @param requestedHeight the image height, or 0 to derive it from the panel width
     * @param title figure title above the grid, or empty
     */
    public static FigureCanvas layout(int panels, int maxColumns, int width, int requestedHeight, String title,
            int fontSize, PlotTheme theme) {
        int columns = Math.min(maxColumns, panels);
        int rows = (panels + columns - 1) / columns;
        int header = title.isEmpty() ? 0 : Math.round(fontSize * 2.6f);
        int panelHeight;
        if (requestedHeight > 0) {
            panelHeight = Math.max(1, (requestedHeight - header) / rows);
        } else {
            // A lone panel reads best wide; small multiples read best near 4:3.
            double aspect = panels == 1 ? 0.6 : 0.75;
            panelHeight = Math.max(160, (int) Math.round(width / (double) columns * aspect));
        }
        int height = requestedHeight > 0 ? requestedHeight : header + rows * panelHeight;
        return new FigureCanvas(width, height, columns, header, panelHeight, title, fontSize, theme);
    }

    public byte[] png(List<XYChart> charts) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            paint(g, charts);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the plot as PNG", e);
        }
        return out.toByteArray();
    }

    public String svg(List<XYChart> charts) {
        VectorGraphics2D g = new VectorGraphics2D();
        paint(g, charts);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height)).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the plot as SVG", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A one-page PDF of {@code width} × {@code height} points, content streams compressed. */
    public byte[] pdf(List<XYChart> charts) {
        VectorGraphics2D g = new VectorGraphics2D();
        // VectorGraphics2D's PDF pages are in millimetres: scale so one pixel of the figure is one point
        double mm = 25.4 / 72;
        g.scale(mm, mm);
        paint(g, charts);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new PDFProcessor(true).getDocument(g.getCommands(), new PageSize(0, 0, width * mm, height * mm))
                    .writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the plot as PDF", e);
        }
        return out.toByteArray();
    }

    private void paint(Graphics2D g, List<XYChart> charts) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        // Hinted integer glyph advances put visible gaps into bold titles at some sizes ("ce ll").
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(theme.background());
        g.fillRect(0, 0, width, height);
        if (header > 0) {
            g.setColor(theme.ink());
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize));
            FontMetrics fm = g.getFontMetrics();
            g.drawString(title, (width - fm.stringWidth(title)) / 2, (header + fm.getAscent() - fm.getDescent()) / 2);
        }
        for (int i = 0; i < charts.size(); i++) {
            int col = i % columns;
            int row = i / columns;
            // Integer edges from the column index, so rounding never leaves a gap or an overlap.
            int x0 = col * width / columns;
            int x1 = (col + 1) * width / columns;
            Graphics2D panel = (Graphics2D) g.create(x0, header + row * panelHeight, x1 - x0, panelHeight);
            try {
                charts.get(i).paint(panel, x1 - x0, panelHeight);
            } finally {
                panel.dispose();
            }
        }
    }
}

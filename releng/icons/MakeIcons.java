import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

/**
 * Draws the Nernst workbench's view and editor icons as PNG at 16 px and 32 px ({@code @2x}), into
 * {@code bundles/org.nernst.ui/icons}. PNG rather than SVG: SWT rasterizes SVG icons through JSVG,
 * which cost about 0.1 s of the first window (issue 6); views without an icon get the platform's SVG
 * default. Drawn on a 16-unit grid and scaled, so both sizes have the same shapes.
 * <p>
 * Usage (from the repository root): {@code java releng/icons/MakeIcons.java bundles/org.nernst.ui/icons}
 */
public final class MakeIcons {
    private static final Color INK = new Color(0x3b, 0x4a, 0x5c);
    private static final Color ACCENT = new Color(0x1f, 0x77, 0xb4);
    private static final Color WARM = new Color(0xe0, 0x7b, 0x1a);
    private static final Color PAPER = new Color(0xf4, 0xf6, 0xf8);

    public static void main(String[] args) throws IOException {
        File dir = new File(args.length > 0 ? args[0] : "bundles/org.nernst.ui/icons");
        dir.mkdirs();
        icon(dir, "parameters", g -> { // three sliders
            for (int i = 0; i < 3; i++) {
                float y = 3.5f + i * 4.5f;
                line(g, INK, 1.2f, 1.5f, y, 14.5f, y);
                dot(g, i == 1 ? WARM : ACCENT, new float[] { 10, 5, 8 }[i], y, 2.2f);
            }
        });
        icon(dir, "table", g -> { // a grid with a header row
            box(g, PAPER, INK, 1.5f, 2.5f, 13, 11);
            fill(g, ACCENT, 1.5f, 2.5f, 13, 3);
            line(g, INK, 0.9f, 1.5f, 9.5f, 14.5f, 9.5f);
            line(g, INK, 0.9f, 6f, 2.5f, 6f, 13.5f);
            line(g, INK, 0.9f, 10.5f, 2.5f, 10.5f, 13.5f);
        });
        icon(dir, "chart", g -> { // axes and a falling line, like a capacity fade
            line(g, INK, 1.2f, 2f, 1.5f, 2f, 14f);
            line(g, INK, 1.2f, 2f, 14f, 15f, 14f);
            Path2D p = new Path2D.Float();
            p.moveTo(3.5, 4);
            p.lineTo(7, 5);
            p.lineTo(10, 7.5);
            p.lineTo(14, 12);
            stroke(g, ACCENT, 1.6f, p);
            dot(g, WARM, 10, 7.5f, 1.5f);
        });
        icon(dir, "metrics", g -> { // bars of different heights
            fill(g, ACCENT, 2, 8, 3, 6);
            fill(g, ACCENT, 6.5f, 4, 3, 10);
            fill(g, WARM, 11, 10, 3, 4);
            line(g, INK, 1f, 1f, 14.5f, 15f, 14.5f);
        });
        icon(dir, "provenance", g -> { // two inputs leading to one result
            line(g, INK, 1.1f, 4f, 4f, 11f, 8f);
            line(g, INK, 1.1f, 4f, 12f, 11f, 8f);
            dot(g, ACCENT, 4, 4, 2.3f);
            dot(g, ACCENT, 4, 12, 2.3f);
            dot(g, WARM, 11.5f, 8, 2.8f);
        });
        icon(dir, "progress", g -> { // a progress bar
            box(g, PAPER, INK, 1.5f, 5.5f, 13, 5);
            fill(g, ACCENT, 2.5f, 6.5f, 7, 3);
        });
        icon(dir, "welcome", g -> { // a battery with charge
            box(g, PAPER, INK, 1.5f, 4.5f, 11.5f, 7);
            fill(g, INK, 13.2f, 6.5f, 1.6f, 3);
            fill(g, ACCENT, 2.8f, 5.8f, 4, 4.4f);
            fill(g, ACCENT, 7.3f, 5.8f, 4, 4.4f);
        });
        icon(dir, "help", g -> { // a question mark in a circle
            g.setColor(ACCENT);
            g.fill(new Ellipse2D.Float(1.5f, 1.5f, 13, 13));
            Path2D q = new Path2D.Float();
            q.moveTo(5.8, 6.2);
            q.curveTo(5.8, 3.4, 10.4, 3.4, 10.2, 6.2);
            q.curveTo(10.1, 7.8, 8, 8, 8, 9.8);
            stroke(g, Color.WHITE, 1.6f, q);
            dot(g, Color.WHITE, 8, 12, 1.1f);
        });
        icon(dir, "files", g -> { // a folder
            Path2D f = new Path2D.Float();
            f.moveTo(1.5, 3.5);
            f.lineTo(6, 3.5);
            f.lineTo(7.5, 5);
            f.lineTo(14.5, 5);
            f.lineTo(14.5, 13);
            f.lineTo(1.5, 13);
            f.closePath();
            g.setColor(new Color(0xf2, 0xc0, 0x5c));
            g.fill(f);
            stroke(g, INK, 1f, f);
        });
        icon(dir, "workflow", g -> { // three connected nodes
            line(g, INK, 1.1f, 4f, 5f, 8f, 11f);
            line(g, INK, 1.1f, 8f, 11f, 12f, 5f);
            box(g, ACCENT, INK, 1.5f, 2.5f, 5, 5);
            box(g, WARM, INK, 5.5f, 8.5f, 5, 5);
            box(g, ACCENT, INK, 9.5f, 2.5f, 5, 5);
        });
    }

    private static void icon(File dir, String name, Consumer<Graphics2D> draw) throws IOException {
        for (int scale : new int[] { 1, 2 }) {
            BufferedImage img = new BufferedImage(16 * scale, 16 * scale, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(scale, scale);
            draw.accept(g);
            g.dispose();
            ImageIO.write(img, "png", new File(dir, name + (scale == 1 ? "" : "@2x") + ".png"));
        }
    }

    private static void line(Graphics2D g, Color c, float w, float x1, float y1, float x2, float y2) {
        stroke(g, c, w, new Line2D.Float(x1, y1, x2, y2));
    }

    private static void stroke(Graphics2D g, Color c, float w, java.awt.Shape s) {
        g.setColor(c);
        g.setStroke(new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(s);
    }

    private static void dot(Graphics2D g, Color c, float x, float y, float r) {
        g.setColor(c);
        g.fill(new Ellipse2D.Float(x - r, y - r, 2 * r, 2 * r));
    }

    private static void fill(Graphics2D g, Color c, float x, float y, float w, float h) {
        g.setColor(c);
        g.fill(new Rectangle2D.Float(x, y, w, h));
    }

    private static void box(Graphics2D g, Color fill, Color edge, float x, float y, float w, float h) {
        RoundRectangle2D r = new RoundRectangle2D.Float(x, y, w, h, 1.5f, 1.5f);
        g.setColor(fill);
        g.fill(r);
        g.setColor(edge);
        g.setStroke(new BasicStroke(1f));
        g.draw(r);
    }
}

package org.nernst.charts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.nernst.charts.ParityPlotRenderer;
import org.nernst.charts.PlotTheme;
import org.nernst.charts.XyPlotRenderer;
import org.nernst.charts.XyPlotSpec;
import org.nernst.charts.internal.XyPlotNode;
import org.nernst.core.node.Figure;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Table;

/** The three plot themes change what the pixels are, in XY and parity plots alike. */
class PlotThemeTest {
    private static final XyPlotSpec SPEC = XyPlotSpec.of("cycle", "prediction", "capacity").withBand("std", 1.96)
            .withFacet("cell", 3).withTitle("Capacity fade").withSize(900, 0);

    private static BufferedImage png(Figure f) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(f.png()));
    }

    private static BufferedImage xy(PlotTheme theme) throws Exception {
        Figure f = XyPlotRenderer.render(CapacityFade.table(3), SPEC, null, theme, ProgressMonitor.none());
        Files.createDirectories(CapacityFade.artifactDir());
        Files.write(CapacityFade.artifactDir().resolve("theme-" + theme.id() + ".png"), f.png());
        return png(f);
    }

    /** Pixels whose red, green and blue differ by more than {@code tolerance}: coloured, not grey. */
    private static int coloured(BufferedImage img, int tolerance) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > tolerance) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void lightIsTheDefaultAndDrawsOnWhiteInColour() throws Exception {
        BufferedImage light = xy(PlotTheme.LIGHT);
        BufferedImage byDefault = png(XyPlotRenderer.render(CapacityFade.table(3), SPEC, ProgressMonitor.none()));
        assertEquals(0xFFFFFF, light.getRGB(2, 2) & 0xFFFFFF, "white ground");
        for (int y = 0; y < light.getHeight(); y += 7) {
            for (int x = 0; x < light.getWidth(); x += 7) {
                assertEquals(light.getRGB(x, y), byDefault.getRGB(x, y), "the old signature draws the light theme at " + x + "," + y);
            }
        }
        assertTrue(coloured(light, 30) > 1000, "series and band in colour");
    }

    @Test
    void darkDrawsOnADarkGroundWithLightInk() throws Exception {
        BufferedImage dark = xy(PlotTheme.DARK);
        assertEquals(PlotTheme.DARK.background().getRGB() & 0xFFFFFF, dark.getRGB(2, 2) & 0xFFFFFF);
        int bright = 0, dim = 0;
        for (int y = 0; y < dark.getHeight(); y++) {
            for (int x = 0; x < dark.getWidth(); x++) {
                int rgb = dark.getRGB(x, y);
                int lum = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                bright += lum > 200 ? 1 : 0;
                dim += lum < 60 ? 1 : 0;
            }
        }
        assertTrue(dim > dark.getWidth() * dark.getHeight() / 2, "mostly dark ground, " + dim + " dim pixels");
        assertTrue(bright > 500, "light text and lines, " + bright + " bright pixels");
    }

    @Test
    void printHasNoColourAtAllButStillDrawsEverySeries() throws Exception {
        BufferedImage print = xy(PlotTheme.PRINT);
        assertEquals(0, coloured(print, 2), "black, white and greys only");
        assertTrue(coloured(xy(PlotTheme.LIGHT), 2) > 0, "the same count finds colour in the light theme");
        int dark = 0;
        for (int y = 0; y < print.getHeight(); y++) {
            for (int x = 0; x < print.getWidth(); x++) {
                dark += (print.getRGB(x, y) & 0xff) < 100 ? 1 : 0;
            }
        }
        assertTrue(dark > 2000, "lines and text are drawn, " + dark + " dark pixels");
        // series told apart by their dash pattern, not their colour
        assertNotEquals(PlotTheme.PRINT.stroke(0, 2).getDashArray() == null, PlotTheme.PRINT.stroke(1, 2).getDashArray() == null);
        assertEquals(null, PlotTheme.LIGHT.stroke(1, 2).getDashArray(), "light lines are solid");
    }

    @Test
    void parityPlotsFollowTheThemeToo() throws Exception {
        Table t = CapacityFade.table(3);
        ParityPlotRenderer.Figures print = ParityPlotRenderer.render(t, "capacity", "prediction", "cell", "", 700, 0,
                PlotTheme.PRINT);
        ParityPlotRenderer.Figures light = ParityPlotRenderer.render(t, "capacity", "prediction", "cell", "", 700, 0,
                PlotTheme.LIGHT);
        ParityPlotRenderer.Figures dark = ParityPlotRenderer.render(t, "capacity", "prediction", "cell", "", 700, 0,
                PlotTheme.DARK);
        assertEquals(0, coloured(png(print.parity()), 2));
        assertEquals(0, coloured(png(print.residuals()), 2));
        assertTrue(coloured(png(light.parity()), 30) > 100, "groups in colour");
        assertEquals(PlotTheme.DARK.background().getRGB() & 0xFFFFFF, png(dark.residuals()).getRGB(2, 2) & 0xFFFFFF);
        assertEquals(light.metrics(), print.metrics(), "the theme changes the look, not the numbers");
    }

    @Test
    void theNodeParameterChoosesTheThemeAndABadValueIsNamed() {
        assertEquals(PlotTheme.LIGHT, XyPlotNode.theme(Parameters.of(Map.of())));
        assertEquals(PlotTheme.PRINT, XyPlotNode.theme(Parameters.of(Map.of("theme", "Print"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> XyPlotNode.theme(Parameters.of(Map.of("theme", "neon"))));
        assertEquals("parameter 'theme' = 'neon' is not one of [light, dark, print]", e.getMessage());
    }
}

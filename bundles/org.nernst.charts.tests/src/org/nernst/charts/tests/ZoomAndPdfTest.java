package org.nernst.charts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.nernst.charts.AxisRange;
import org.nernst.charts.XyPlotRenderer;
import org.nernst.charts.XyPlotSpec;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Table;

/** Zoom and pan re-render the plot with new axis ranges; the PDF export is a real one-page PDF. */
class ZoomAndPdfTest {
    private static final Table FADE = CapacityFade.table(1);
    private static final XyPlotSpec SPEC = XyPlotSpec.of("cycle", "capacity").withSize(800, 500);

    @Test
    void theDefaultRangeIsTheDataWithTwoPercentAirOnX() {
        AxisRange r = XyPlotRenderer.range(FADE, SPEC);
        // cycles 1..30: 2 % of 29 either side
        assertEquals(1 - 0.58, r.xMin(), 1e-12);
        assertEquals(30 + 0.58, r.xMax(), 1e-12);
    }

    @Test
    void zoomKeepsThePointUnderTheMouseAndPanMovesByAFractionOfTheView() {
        AxisRange r = new AxisRange(0, 100, -1, 1);
        AxisRange z = r.zoom(2, 0.25, 0.5);
        assertEquals(new AxisRange(12.5, 62.5, -0.5, 0.5), z);
        assertEquals(r, z.zoom(0.5, 0.25, 0.5));
        assertEquals(new AxisRange(-25, 75, -2, 0), r.pan(-0.25, -0.5));
        assertThrows(IllegalArgumentException.class, () -> r.zoom(0, 0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new AxisRange(1, 1, 0, 1));
    }

    @Test
    void aRenderWithARangeShowsOnlyThatRange() throws Exception {
        AxisRange all = XyPlotRenderer.range(FADE, SPEC);
        int whole = linePixels(null);
        // the same y range, x beyond the last cycle: the line is clipped away entirely
        int beyond = linePixels(new AxisRange(40, 50, all.yMin(), all.yMax()));
        // zoomed in 3x about the middle: the line is drawn again
        int zoomed = linePixels(all.zoom(3, 0.5, 0.5));
        // with no data in x [40, 50] only the legend's short sample line is left
        assertTrue(beyond < 100, "no data in x [40, 50], only the legend: " + beyond + " pixels");
        assertTrue(whole > beyond + 500, "the line is drawn: " + whole + " pixels");
        assertTrue(zoomed > beyond + 300, "the zoomed line is drawn: " + zoomed + " pixels");
    }

    /** Pixels of the first series' colour (Okabe-Ito blue 0072B2) in the rendered PNG. */
    private static int linePixels(AxisRange range) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(
                XyPlotRenderer.render(FADE, SPEC, range, ProgressMonitor.none()).png()));
        assertEquals(800, img.getWidth());
        assertEquals(500, img.getHeight());
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                n += r < 20 && Math.abs(g - 0x72) < 20 && Math.abs(b - 0xB2) < 20 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void thePdfExportIsAOnePageVectorPdfOfTheFigureSizeThatPdfboxReads() throws Exception {
        byte[] pdf = XyPlotRenderer.pdf(FADE, SPEC, new AxisRange(5, 25, 0.8, 1.2));
        Files.write(CapacityFade.artifactDir().resolve("xyplot-test.pdf"), pdf);
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertEquals(800, box.getWidth(), 1);
            assertEquals(500, box.getHeight(), 1);
            // vector: the page draws paths, it does not embed a raster image
            assertFalse(doc.getPage(0).getResources().getXObjectNames().iterator().hasNext(), "no images");
        }
    }
}

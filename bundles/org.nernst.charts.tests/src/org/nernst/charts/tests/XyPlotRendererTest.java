package org.nernst.charts.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nernst.charts.XyPlotRenderer;
import org.nernst.charts.XyPlotSpec;
import org.nernst.core.node.CancelledException;
import org.nernst.core.node.Figure;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Table;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class XyPlotRendererTest {
    private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    private static final XyPlotSpec FACETED = XyPlotSpec.of("cycle", "prediction", "capacity").withBand("std", 1.96)
            .withFacet("cell", 3).withTitle("Capacity fade: prediction ± 1.96 σ").withSize(1200, 0);

    private static Figure figure;
    private static BufferedImage image;

    @BeforeAll
    static void render() throws Exception {
        figure = XyPlotRenderer.render(CapacityFade.table(3), FACETED, ProgressMonitor.none());
        image = ImageIO.read(new ByteArrayInputStream(figure.png()));
        Path out = CapacityFade.artifactDir().resolve("xyplot-test.png");
        Files.createDirectories(out.getParent());
        Files.write(out, figure.png());
        Files.writeString(out.resolveSibling("xyplot-test.svg"), figure.svg());
    }

    @Test
    void facetedPlotWithBandIsAPngOfTheRequestedWidth() {
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(figure.png(), 8));
        assertEquals(1200, image.getWidth());
        assertTrue(image.getHeight() > 200, "auto height for one row of panels, got " + image.getHeight());
        assertEquals("Capacity fade: prediction ± 1.96 σ", figure.title());
    }

    @Test
    void pngIsNotOneFlatColour() {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "only " + colours.size() + " colours in the plot");
    }

    @Test
    void bandIsVisiblyShaded() {
        // The band is the first series' blue at low alpha over white: a pale blue, unlike any line or text.
        int pale = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (b > 225 && b - r > 25 && r > 170) {
                    pale++;
                }
            }
        }
        assertTrue(pale > image.getWidth() * image.getHeight() / 100,
                "the band should cover over 1 % of the image, found " + pale + " pale blue pixels");
    }

    @Test
    void svgIsXmlWithSvgRootAndShapes() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        DocumentBuilder parser = f.newDocumentBuilder();
        parser.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader(""))); // no DTD fetch
        Document svg = parser.parse(new InputSource(new StringReader(figure.svg())));
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        int shapes = svg.getElementsByTagNameNS("*", "path").getLength()
                + svg.getElementsByTagNameNS("*", "polygon").getLength();
        assertTrue(shapes > 10, "expected the plotted lines and band as path/polygon elements, found " + shapes);
    }

    @Test
    void unknownColumnNamesTheParameterTheColumnAndTheTablesColumns() {
        Table t = CapacityFade.table(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> XyPlotRenderer.render(t, XyPlotSpec.of("cycle", "capacity", "voltage"), ProgressMonitor.none()));
        assertTrue(e.getMessage().contains("'voltage'"), e.getMessage());
        assertTrue(e.getMessage().contains("parameter 'y'"), e.getMessage());
        assertTrue(e.getMessage().contains(t.columnNames().toString()), e.getMessage());
    }

    @Test
    void unknownFacetColumnIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> XyPlotRenderer
                .render(CapacityFade.table(2), FACETED.withFacet("battery", 4), ProgressMonitor.none()));
        assertTrue(e.getMessage().contains("parameter 'facet'") && e.getMessage().contains("'battery'"),
                e.getMessage());
    }

    @Test
    void textColumnOnTheYAxisIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> XyPlotRenderer
                .render(CapacityFade.table(1), XyPlotSpec.of("cycle", "cell"), ProgressMonitor.none()));
        assertTrue(e.getMessage().contains("'cell'") && e.getMessage().contains("text"), e.getMessage());
    }

    @Test
    void cancellingStopsBetweenPanels() {
        AtomicInteger panelsDone = new AtomicInteger();
        ProgressMonitor cancelAfterOne = new ProgressMonitor() {
            @Override
            public void begin(String task, int totalWork) {
            }

            @Override
            public void worked(int work) {
                panelsDone.addAndGet(work);
            }

            @Override
            public void subTask(String message) {
            }

            @Override
            public boolean isCanceled() {
                return panelsDone.get() >= 1;
            }
        };
        assertThrows(CancelledException.class,
                () -> XyPlotRenderer.render(CapacityFade.table(3), FACETED, cancelAfterOne));
        assertEquals(1, panelsDone.get());
    }

    @Test
    void singlePanelScatterWithExplicitHeightHasThatSize() throws Exception {
        XyPlotSpec spec = XyPlotSpec.of("cycle", "capacity").withKind(XyPlotSpec.Kind.SCATTER).withSize(640, 480);
        Figure f = XyPlotRenderer.render(CapacityFade.table(1), spec, ProgressMonitor.none());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(f.png()));
        assertEquals(640, img.getWidth());
        assertEquals(480, img.getHeight());
        assertEquals("capacity vs cycle", f.title());
    }
}

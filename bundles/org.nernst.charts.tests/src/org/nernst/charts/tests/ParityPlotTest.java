package org.nernst.charts.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.nernst.charts.ParityPlotRenderer;
import org.nernst.core.ml.RegressionMetrics;
import org.nernst.core.node.Figure;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;

/** Parity and residual plots rendered headless from a cross-validation-like predictions table. */
class ParityPlotTest {
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G' };

    /** 40 rows of capacity in Ah, predictions off by a known pattern, two cells. */
    static Table predictions() {
        int n = 40;
        double[] y = new double[n], p = new double[n];
        String[] cell = new String[n];
        for (int i = 0; i < n; i++) {
            y[i] = 1.2 + 0.01 * i;
            p[i] = y[i] + (i % 2 == 0 ? 0.02 : -0.01);
            cell[i] = i < 20 ? "B0005" : "B0006";
        }
        return new Table("cv", List.of(new StringColumn("cell", Role.GROUP, cell),
                new DoubleColumn("capacity", "Ah", Role.TARGET, y),
                new DoubleColumn("capacity_predicted", "Ah", Role.PREDICTION, p)));
    }

    @Test
    void parityAndResidualFiguresCarryTheMetricsAndTheGuideLines() throws Exception {
        ParityPlotRenderer.Figures f = ParityPlotRenderer.render(predictions(), "capacity", "capacity_predicted", "",
                "", 800, 0);
        // errors alternate +0.02 / −0.01: RMSE = sqrt((0.0004 + 0.0001) / 2), MAE = 0.015
        assertEquals(Math.sqrt(0.00025), f.metrics().rmse(), 1e-12);
        assertEquals(0.015, f.metrics().mae(), 1e-12);
        assertEquals(RegressionMetrics.of(predictions().doubles("capacity"), predictions().doubles("capacity_predicted")),
                f.metrics());
        for (Figure fig : List.of(f.parity(), f.residuals())) {
            assertArrayEquals(PNG, java.util.Arrays.copyOf(fig.png(), 4));
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(fig.png()));
            assertEquals(800, img.getWidth());
            assertEquals(640, img.getHeight());
            assertTrue(fig.svg().contains("<svg"));
        }
        assertEquals(List.of("y = x", "n = 40, RMSE = 0.01581 Ah, MAE = 0.01500, R² = " + String.format(
                java.util.Locale.ROOT, "%.4f", f.metrics().r2())), f.parityLegend());
        assertEquals("zero", f.residualLegend().get(0));
        // SSres = 40 × 0.00025 = 0.01; SStot = 0.01² × Σ(i − 19.5)² = 1e-4 × 5330
        assertEquals(1 - 0.01 / 0.533, f.metrics().r2(), 1e-12);
        Path out = CapacityFade.artifactDir().resolve("parity-test.png");
        Files.createDirectories(out.getParent());
        Files.write(out, f.parity().png());
        Files.write(out.resolveSibling("residuals-test.png"), f.residuals().png());
    }

    @Test
    void theNodeColoursByGroupAndDefaultsThePredictedColumn() throws Exception {
        String id = "org.nernst.charts.parityPlot";
        NodeDescriptor d = NodeRegistry.platform().find(id).orElseThrow();
        Node node = NodeRegistry.platform().create(id);
        Parameters p = Parameters.resolve(d.parameters(), Map.of("actual", "capacity", "group", "cell", "width", 600));
        Map<String, Object> out = node.execute(new Context(d, p, predictions()));
        Figure parity = assertInstanceOf(Figure.class, out.get("parity"));
        assertInstanceOf(Figure.class, out.get("residuals"));
        assertEquals(600, ImageIO.read(new ByteArrayInputStream(parity.png())).getWidth());
        // the same table through the renderer with the defaulted predicted column: one legend entry per cell
        List<String> legend = ParityPlotRenderer.render(predictions(), "capacity", "capacity_predicted", "cell", "",
                600, 0).parityLegend();
        assertEquals("y = x", legend.get(0));
        assertEquals(List.of("B0005", "B0006"), legend.subList(1, 3));
        assertTrue(legend.get(3).startsWith("n = 40, RMSE"), "the metrics stay in the legend: " + legend);
    }

    @Test
    void aTextColumnOrAMissingColumnIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParityPlotRenderer.render(predictions(), "cell", "capacity_predicted", "", "", 600, 0));
        assertTrue(e.getMessage().contains("'cell'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ParityPlotRenderer.render(predictions(), "capacity", "nope", "", "", 600, 0));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    }

    private record Context(NodeDescriptor descriptor, Parameters parameters, Table table) implements NodeContext {
        @Override
        public String nodeId() {
            return "parity";
        }

        @Override
        public long seed() {
            return 1;
        }

        @Override
        public ProgressMonitor monitor() {
            return ProgressMonitor.none();
        }

        @Override
        public <T> T input(String port, Class<T> type) {
            if (!port.equals("predictions")) {
                throw new IllegalArgumentException("no input '" + port + "'");
            }
            return type.cast(table);
        }

        @Override
        public <T> Optional<T> optionalInput(String port, Class<T> type) {
            return Optional.of(input(port, type));
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    }
}

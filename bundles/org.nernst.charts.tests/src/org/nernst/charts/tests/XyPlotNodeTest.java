package org.nernst.charts.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.nernst.core.node.Figure;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.ParameterSpec;
import org.nernst.core.node.ParameterType;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.PortSpec;
import org.nernst.core.node.PortType;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.Table;

class XyPlotNodeTest {
    private static final String ID = "org.nernst.charts.xyPlot";

    private static NodeDescriptor descriptor() {
        NodeRegistry registry = NodeRegistry.platform();
        return registry.find(ID).orElseThrow(() -> new AssertionError(ID + " is not in the registry; problems: "
                + registry.problems()));
    }

    @Test
    void registryDescribesTheContributionFromPluginXml() {
        NodeDescriptor d = descriptor();
        assertEquals("XY plot", d.label());
        assertEquals("Charts", d.category());
        assertEquals("org.nernst.charts", d.contributor());
        assertEquals(List.of(new PortSpec("table", PortType.TABLE, false, "rows to plot")), d.inputs());
        assertEquals(List.of("figure"), d.outputs().stream().map(PortSpec::name).toList());
        assertEquals(PortType.FIGURE, d.outputs().get(0).type());
        assertEquals(List.of("x", "y", "band", "bandSigmas", "facet", "gridColumns", "kind", "title", "xLabel",
                "yLabel", "width", "height", "theme"), d.parameters().stream().map(ParameterSpec::name).toList());

        ParameterSpec y = d.parameter("y").orElseThrow();
        assertEquals(ParameterType.LIST, y.type());
        assertTrue(y.required() && d.parameter("x").orElseThrow().required());
        ParameterSpec sigmas = d.parameter("bandSigmas").orElseThrow();
        assertEquals(1.96, sigmas.defaultValue());
        assertEquals(0.0, sigmas.min());
        assertEquals(10.0, sigmas.max());
        ParameterSpec grid = d.parameter("gridColumns").orElseThrow();
        assertEquals(4L, grid.defaultValue());
        assertEquals(12.0, grid.max());
        ParameterSpec kind = d.parameter("kind").orElseThrow();
        assertEquals(List.of("line", "scatter"), kind.choices());
        assertEquals("line", kind.defaultValue());
        assertEquals(1400L, d.parameter("width").orElseThrow().defaultValue());
        assertEquals(0L, d.parameter("height").orElseThrow().defaultValue());
        assertEquals("", d.parameter("facet").orElseThrow().defaultValue());
    }

    @Test
    void nodeCreatedThroughTheRegistryRendersAFigure() throws Exception {
        NodeDescriptor d = descriptor();
        Node node = NodeRegistry.platform().create(ID);
        Parameters p = Parameters.resolve(d.parameters(),
                Map.of("x", "cycle", "y", "prediction,capacity", "band", "std", "facet", "cell", "width", "900"));
        node.configure(p);
        Map<String, Object> out = node.execute(new Context(d, p, CapacityFade.table(2)));
        Figure f = assertInstanceOf(Figure.class, out.get("figure"));
        assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, java.util.Arrays.copyOf(f.png(), 4));
        assertTrue(f.svg().contains("<svg"));
    }

    @Test
    void configureRejectsAnUnknownKind() throws Exception {
        Node node = NodeRegistry.platform().create(ID);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> node.configure(Parameters.of(Map.of("x", "cycle", "y", "capacity", "kind", "bar"))));
        assertTrue(e.getMessage().contains("kind"), e.getMessage());
    }

    /** The smallest context a node needs: one table input and a silent monitor. */
    private record Context(NodeDescriptor descriptor, Parameters parameters, Table table) implements NodeContext {
        @Override
        public String nodeId() {
            return "plot";
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
            if (!port.equals("table")) {
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

package org.nernst.estimation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.Table;

/**
 * The contributions as a workflow runs them: Digatron connector → ecmIdentify (HPPC + C/20) →
 * EKF / UKF / Coulomb counting on a drive cycle, each created through the platform registry from
 * its plugin.xml metadata.
 */
class RegistryWorkflowTest {

    private static Map<String, Object> run(String id, Map<String, ?> params, Map<String, Object> inputs)
            throws Exception {
        NodeRegistry registry = NodeRegistry.platform();
        NodeDescriptor d = registry.find(id).orElseThrow(() -> new AssertionError(id + " is not in the registry; problems: "
                + registry.problems()));
        Node node = registry.create(id);
        Parameters p = Parameters.resolve(d.parameters(), params);
        node.configure(p);
        return node.execute(new Context(d, p, inputs));
    }

    @Test
    void connectorIdentificationAndEstimatorsChainThroughTheRegistry() throws Exception {
        String folder = Panasonic.folder("25degC").toString();
        Table hppc = (Table) run("org.nernst.data.digatronMat", Map.of("folder", folder, "pattern", "*HPPC*"), Map.of())
                .get("table");
        Table c20 = (Table) run("org.nernst.data.digatronMat", Map.of("folder", folder, "pattern", "*C20*"), Map.of())
                .get("table");
        Table us06 = (Table) run("org.nernst.data.digatronMat", Map.of("folder", folder, "pattern", "*US06*"), Map.of())
                .get("table");
        assertEquals(102800, hppc.rowCount());

        Map<String, Object> id = run("org.nernst.twin.ecmIdentify", Map.of("pairs", 2L),
                Map.of("pulses", hppc, "ocv", c20));
        Table params = (Table) id.get("parameters");
        Table fit = (Table) id.get("fit");
        assertEquals(14, fit.rowCount(), "one row per pulse set");
        assertEquals(List.of("name", "soc", "temperature", "value", "ci_low", "ci_high", "unit"), params.columnNames());
        double capacity = Double.NaN;
        for (int r = 0; r < params.rowCount(); r++) {
            if (params.column("name").format(r).equals("capacity")) {
                capacity = params.doubles("value")[r];
                assertEquals(26.0, params.doubles("temperature")[r], 0.51, "rounded mean cell temperature of the test");
            }
        }
        assertEquals(2.7728, capacity, 1e-4, "the charge the HPPC test takes out of the full cell");
        assertEquals(3 + 116 + 14 * 5, params.rowCount(), "every pulse set is a breakpoint by default");

        double[] ah = us06.doubles("ah");
        double truthEnd = 1 + ah[ah.length - 1] / capacity;
        for (String est : List.of("org.nernst.estimation.ekf", "org.nernst.estimation.ukf")) {
            Table states = (Table) run(est, Map.of("initialSoc", 0.8), Map.of("measurements", us06, "model", params))
                    .get("states");
            assertEquals(us06.rowCount(), states.rowCount());
            assertEquals(List.of("test_time", "soc", "soc_std", "voltage_predicted", "innovation"), states.columnNames());
            double[] soc = states.doubles("soc");
            assertEquals(truthEnd, soc[soc.length - 1], 0.03, est);
            assertTrue(states.doubles("soc_std")[soc.length - 1] < 0.05, est);
        }
        Table cc = (Table) run("org.nernst.estimation.coulombCounting", Map.of("initialSoc", 0.8),
                Map.of("measurements", us06, "model", params)).get("states");
        assertEquals(truthEnd - 0.2, cc.doubles("soc")[cc.rowCount() - 1], 2e-3);
    }

    /** The smallest context a node needs: named inputs and a silent monitor. */
    private record Context(NodeDescriptor descriptor, Parameters parameters, Map<String, Object> inputs)
            implements NodeContext {
        Context {
            inputs = new HashMap<>(inputs);
        }

        @Override
        public String nodeId() {
            return descriptor.id();
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
            Object v = inputs.get(port);
            if (v == null) {
                throw new IllegalArgumentException("input '" + port + "' is not connected");
            }
            return type.cast(v);
        }

        @Override
        public <T> Optional<T> optionalInput(String port, Class<T> type) {
            return Optional.ofNullable(inputs.get(port)).map(type::cast);
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    }
}

package org.nernst.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.NodeKind;
import org.nernst.core.node.ParameterType;

/** The registry outside OSGi reads the bundles' plugin.xml by the same rules as the workbench's. */
class PluginXmlNodeRegistryTest {

    @Test
    void findsTheNodesOfEveryBundleJarOnTheClassPath() throws Exception {
        PluginXmlNodeRegistry r = PluginXmlNodeRegistry.fromClassPath();
        assertEquals(java.util.List.of(), r.problems());
        NodeDescriptor screen = r.find("org.nernst.optimize.screen").orElseThrow();
        assertEquals(NodeKind.OPERATION, screen.kind());
        assertEquals("org.nernst.optimize", screen.contributor());
        assertEquals(ParameterType.STRING, screen.parameter("target").orElseThrow().type());
        assertTrue(screen.parameter("target").orElseThrow().required());
        assertEquals(3, screen.inputs().size());
        // implicit ports of a kind come from the shared rules: an estimator's single output
        NodeDescriptor forest = r.find("org.nernst.ml.smile.randomForest").orElseThrow();
        assertEquals("estimator", forest.outputs().get(0).name());
        NodeDescriptor synth = r.find("org.nernst.twin.synthesize").orElseThrow();
        assertTrue(synth.input("parameters").orElseThrow().optional());
        assertNotEquals("unknown", r.bundleVersion("org.nernst.twin"));
        // the manifest's Bundle-Version with the build's qualifier, e.g. 0.2.0.202611261817
        assertTrue(r.bundleVersion("org.nernst.twin").matches("\\d+\\.\\d+\\.\\d+\\.\\d{12}"),
                r.bundleVersion("org.nernst.twin"));
        assertInstanceOf(Node.class, r.create("org.nernst.twin.synthesize"));
        assertTrue(r.nodes().size() > 40, r.nodes().size() + " nodes");
    }
}

package org.nernst.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.NodeKind;
import org.nernst.core.node.ParameterType;
import org.nernst.core.node.PortType;
import org.nernst.core.registry.ContributionException;
import org.nernst.core.registry.NodeRegistry;

class RegistryTest {
    private final NodeRegistry registry = NodeRegistry.platform();

    @Test
    void listsEveryValidContributionWithCompleteMetadata() {
        Set<String> ids = registry.nodes().stream().map(NodeDescriptor::id).collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("test.source", "test.add", "test.rendezvous", "test.blocking", "test.failing",
                "test.missingClass", "org.nernst.core.crossValidate")), ids.toString());
        for (NodeDescriptor d : registry.nodes()) {
            assertFalse(d.label().isBlank(), d.id());
            assertFalse(d.category().isBlank(), d.id());
            assertFalse(d.description().isBlank(), d.id() + " has no description");
            assertFalse(d.contributor().isBlank(), d.id());
            assertFalse(d.className().isBlank(), d.id());
            assertFalse(d.outputs().isEmpty(), d.id() + " has no outputs");
        }
        NodeDescriptor src = registry.find("test.source").orElseThrow();
        assertEquals(NodeKind.OPERATION, src.kind());
        assertEquals("org.nernst.core.tests", src.contributor());
        assertEquals(PortType.TABLE, src.output("table").orElseThrow().type());
        assertEquals(ParameterType.INTEGER, src.parameter("rows").orElseThrow().type());
        assertEquals(10L, src.parameter("rows").orElseThrow().defaultValue());
        assertEquals(1.0, src.parameter("rows").orElseThrow().min());
        assertTrue(src.parameter("factor").orElseThrow().required());
    }

    @Test
    void contributionWithMissingClassIsListedAndReportedWhenCreated() {
        assertTrue(registry.find("test.missingClass").isPresent());
        ContributionException e = assertThrows(ContributionException.class, () -> registry.create("test.missingClass"));
        assertTrue(e.getMessage().contains("org.nernst.core.tests"), e.getMessage());
        assertTrue(e.getMessage().contains("org.nernst.core.tests.nodes.DoesNotExist"), e.getMessage());
    }

    @Test
    void contributionWithInvalidMetadataIsSkippedAndReported() {
        assertTrue(registry.find("test.badDefault").isEmpty());
        List<String> problems = registry.problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains("test.badDefault") && p.contains("rows")
                && p.contains("org.nernst.core.tests")), problems.toString());
    }

    @Test
    void unknownNodeIdIsAContributionError() {
        ContributionException e = assertThrows(ContributionException.class, () -> registry.create("no.such.node"));
        assertTrue(e.getMessage().contains("no.such.node"));
    }

    @Test
    void everyExtensionPointIsDeclared() {
        for (NodeKind k : NodeKind.values()) {
            assertTrue(org.eclipse.core.runtime.RegistryFactory.getRegistry()
                    .getExtensionPoint("org.nernst.core", k.extensionPoint()) != null, k.extensionPoint());
        }
    }

    @Test
    void listingDoesNotLoadContributorClasses() throws Exception {
        NodeRegistry fresh = NodeRegistry.platform();
        assertTrue(fresh.find("test.probe").isPresent());
        assertEquals("org.nernst.core.tests.nodes.DoesNotExist", fresh.find("test.missingClass").orElseThrow().className());
        assertEquals(null, System.getProperty("nernst.test.probeLoaded"), "listing loaded a contributor class");
        fresh.create("test.probe");
        assertEquals("true", System.getProperty("nernst.test.probeLoaded"), "creating loads the class");
    }
}

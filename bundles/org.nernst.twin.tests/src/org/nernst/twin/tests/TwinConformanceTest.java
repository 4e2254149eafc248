package org.nernst.twin.tests;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.nernst.conformance.TwinConformance;

/** Nernst's own physical twins keep the contract third-party twins are held to (org.nernst.conformance). */
class TwinConformanceTest {

    @TestFactory
    Stream<DynamicNode> theEquivalentCircuitKeepsTheTwinContract() {
        return TwinConformance.checks("org.nernst.twin.ecm", Map.of("ocvSoc", java.util.List.of("0", "0.5", "1"),
                "ocvVoltage", java.util.List.of("3.0", "3.7", "4.2")), 2.9, 600);
    }

    @TestFactory
    Stream<DynamicNode> theSingleParticleModelKeepsTheTwinContract() {
        return TwinConformance.checks("org.nernst.twin.spm", Map.of(), 5.0, 600);
    }

    @TestFactory
    Stream<DynamicNode> theSpmeKeepsTheTwinContract() {
        return TwinConformance.checks("org.nernst.twin.spme", Map.of(), 5.0, 600);
    }
}

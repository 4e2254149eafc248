package org.nernst.conformance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nernst.conformance.FeaturizerConformance;
import org.nernst.conformance.FeaturizerConformance.Sample;
import org.nernst.core.node.NodeKind;
import org.nernst.core.table.Table;

/** FeaturizerConformance on every featurizer Nernst contributes, on real data read by Nernst's connectors. */
class OwnFeaturizersTest {

    /** A sample per featurizer: built lazily, so a failing sample fails only its own checks. */
    private static final Map<String, Supplier<Sample>> SAMPLES = Map.of(
            "org.nernst.features.dischargeCycles", () -> new Sample(Map.of(),
                    Map.of("cycles", Samples.nasa("cycles"), "timeseries", Samples.nasa("timeseries")),
                    Map.of("features", 28, "excluded", 0), "timeseries", "voltage"),
            "org.nernst.features.cycleSummaries", () -> new Sample(Map.of(), Map.of("timeseries", Samples.arbin()),
                    Map.of("cycles", 1), "timeseries", "current"),
            "org.nernst.features.dischargeCurves", () -> new Sample(Map.of("time", "time", "cycles", firstDischarges(2),
                    "voltageHigh", 4.0, "voltageLow", 2.7, "points", 100L), Map.of("timeseries", Samples.nasa("timeseries")),
                    Map.of("curves", 100), "timeseries", "voltage"),
            "org.nernst.features.incrementalCapacity", () -> new Sample(Map.of("time", "time", "voltageHigh", 4.2,
                    "voltageLow", 2.7, "points", 300L, "smoothing", 0.03), Map.of("timeseries", Samples.nasa("timeseries")),
                    Map.of("features", 28, "curves", 28 * 300), "timeseries", "voltage"),
            "org.nernst.features.earlyLife", () -> {
                Map<String, Object> matr = Samples.run("org.nernst.data.seversonMatr", Map.of("folder",
                        Samples.data("severson-matr").toString(), "splits", "test1"), Map.of());
                return new Sample(Map.of(), Map.of("curves", matr.get("curves"), "cells", matr.get("cells")),
                        Map.of("features", 43), "curves", "voltage");
            },
            "org.nernst.features.composition", () -> new Sample(Map.of("formulas", "Formula Discharge", "folder",
                    Samples.data("elements/magpie").toString(), "badFormula", "skip"), Map.of("table", Samples.materials()),
                    Map.of("table", 200), "table", "Formula Discharge"));

    /** The first {@code n} discharge cycles of the NASA sample, as the cycles parameter lists them. */
    private static String firstDischarges(int n) {
        Table c = Samples.nasa("cycles");
        List<String> cycles = new java.util.ArrayList<>();
        for (int r = 0; r < c.rowCount() && cycles.size() < n; r++) {
            if (c.column("type").format(r).equals("discharge")) {
                cycles.add(c.column("cycle").format(r));
            }
        }
        return String.join(",", cycles);
    }

    @Test
    void everyOwnFeaturizerHasASample() {
        assertEquals(new TreeSet<>(SAMPLES.keySet()), new TreeSet<>(Samples.own(NodeKind.FEATURIZER).stream()
                .map(d -> d.id()).toList()));
    }

    @TestFactory
    Stream<DynamicContainer> everyOwnFeaturizerKeepsTheContract() {
        return Samples.own(NodeKind.FEATURIZER).stream().filter(d -> SAMPLES.containsKey(d.id()))
                .map(d -> Samples.container(d.id(), () -> FeaturizerConformance.checks(d.id(), SAMPLES.get(d.id()).get())));
    }
}

package org.nernst.conformance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nernst.conformance.StateEstimatorConformance;
import org.nernst.conformance.StateEstimatorConformance.Sample;
import org.nernst.core.node.NodeKind;
import org.nernst.core.table.Table;

/**
 * StateEstimatorConformance on every state estimator Nernst contributes: the SOC estimators on the
 * first 3000 s of the Panasonic US06 cycle with the ECM Nernst identifies from the HPPC test, SOH
 * and RUL on NASA B0025's discharges.
 */
class OwnStateEstimatorsTest {

    private static final Map<String, Supplier<Sample>> SAMPLES = Map.of(
            "org.nernst.estimation.ekf", () -> soc(),
            "org.nernst.estimation.ukf", () -> soc(),
            "org.nernst.estimation.coulombCounting", () -> new Sample(Map.of("initialSoc", 1.0), Samples.us06(),
                    Map.of("model", Samples.ecm()), 3000, "current"),
            "org.nernst.estimation.gru", () -> new Sample(Map.of("hidden", 4L, "epochs", 1L, "window", 20L, "step", 10.0),
                    Samples.us06(), Map.of("training", Samples.us06()), 3000, "voltage"),
            "org.nernst.estimation.soh", () -> new Sample(Map.of("minStep", 2.0), Samples.nasa("timeseries"), Map.of(), 28,
                    "current"),
            "org.nernst.estimation.rul", () -> {
                Table cycles = Samples.nasa("cycles");
                Table discharges = cycles.filter(r -> cycles.column("type").format(r).equals("discharge"));
                return new Sample(Map.of("startCycle", 10L, "particles", 200L), discharges, Map.of(), 19, "capacity");
            });

    private static Sample soc() {
        return new Sample(Map.of("initialSoc", 0.8), Samples.us06(), Map.of("model", Samples.ecm()), 3000, "voltage");
    }

    @Test
    void everyOwnStateEstimatorHasASample() {
        assertEquals(new TreeSet<>(SAMPLES.keySet()), new TreeSet<>(Samples.own(NodeKind.STATE_ESTIMATOR).stream()
                .map(d -> d.id()).toList()));
    }

    @TestFactory
    Stream<DynamicContainer> everyOwnStateEstimatorKeepsTheContract() {
        return Samples.own(NodeKind.STATE_ESTIMATOR).stream().filter(d -> SAMPLES.containsKey(d.id()))
                .map(d -> Samples.container(d.id(), () -> StateEstimatorConformance.checks(d.id(), SAMPLES.get(d.id()).get())));
    }
}

package org.nernst.conformance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nernst.conformance.OperationConformance;
import org.nernst.conformance.OperationConformance.Sample;
import org.nernst.core.node.NodeKind;
import org.nernst.core.table.Table;

/** OperationConformance on every operation Nernst contributes. */
class OwnOperationsTest {
    private static final Path TMP;

    static {
        try {
            TMP = Files.createTempDirectory("nernst-operations");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Map<String, Supplier<Sample>> SAMPLES = new HashMap<>();

    static {
        SAMPLES.put("org.nernst.charts.xyPlot", () -> new Sample(Map.of("x", "x1", "y", "y"),
                Map.of("table", Samples.regression()), "width", 10L));
        SAMPLES.put("org.nernst.charts.parityPlot", () -> new Sample(Map.of("actual", "y", "predicted", "x1"),
                Map.of("predictions", Samples.regression()), "width", 10L));
        SAMPLES.put("org.nernst.core.monteCarloCv", () -> new Sample(Map.of("target", "y", "splits", 3L),
                Map.of("table", Samples.regression(), "estimator", ridge()), "splits", 0L));
        SAMPLES.put("org.nernst.core.nestedCv", () -> new Sample(Map.of("target", "y", "space", "lambda=0.01|1",
                "outerFolds", 2L, "innerFolds", 2L), Map.of("table", Samples.regression(), "estimator", ridge()),
                "innerFolds", 1L));
        SAMPLES.put("org.nernst.core.selectFeatures", () -> new Sample(Map.of("target", "y"),
                Map.of("table", Samples.regression()), "topK", -1L));
        SAMPLES.put("org.nernst.features.compositionCandidates", () -> new Sample(Map.of("hosts", List.of("LiCoO2"),
                "folder", Samples.data("elements/magpie").toString()), Map.of(), "dopantsPerCandidate", 3L));
        SAMPLES.put("org.nernst.core.crossValidate", () -> new Sample(Map.of("target", "y"),
                Map.of("table", Samples.regression(), "estimator", ridge()), "folds", 1L));
        SAMPLES.put("org.nernst.ml.smile.esLir", () -> new Sample(Map.of("target", "y", "maxDescriptors", 2L),
                Map.of("table", Samples.regression()), "folds", 1L));
        SAMPLES.put("org.nernst.optimize.run", () -> new Sample(Map.of("objective", "sphere", "variables",
                "x:double:-1:1;y:double:-1:1", "budget", 6L, "optimizer", "org.nernst.optimize.random"), Map.of(),
                "variables", "x:double:1:-1"));
        SAMPLES.put("org.nernst.optimize.fastCharge", () -> new Sample(Map.of("optimizer", "org.nernst.optimize.random",
                "budget", 2L, "cycles", 20L), Map.of(), "budget", 0L));
        SAMPLES.put("org.nernst.optimize.screen", () -> new Sample(Map.of("target", "y"), Map.of("known",
                rows(Samples.regression(), 0, 30), "candidates", rows(Samples.regression(), 30, 40), "estimator", ridge()),
                "kappa", -1.0));
        SAMPLES.put("org.nernst.store.import", () -> new Sample(store(Map.of("dataset", "regression", "ifExists", "replace")),
                Map.of("table", Samples.regression()), "ifExists", "sometimes"));
        SAMPLES.put("org.nernst.store.exportParquet", () -> {
            imported();
            return new Sample(store(Map.of("dataset", "regression", "file", TMP.resolve("regression.parquet").toString())),
                    Map.of(), "dataset", "");
        });
        SAMPLES.put("org.nernst.store.importParquet", () -> {
            imported();
            Samples.run("org.nernst.store.exportParquet", store(Map.of("dataset", "regression", "file",
                    TMP.resolve("exported.parquet").toString())), Map.of());
            return new Sample(store(Map.of("dataset", "fromParquet", "file", TMP.resolve("exported.parquet").toString(),
                    "ifExists", "replace")), Map.of(), "ifExists", "sometimes");
        });
        SAMPLES.put("org.nernst.twin.experiment", () -> new Sample(Map.of("steps", "Discharge at 1C until 3.0 V"), Map.of(),
                "steps", "Fly to the moon"));
        SAMPLES.put("org.nernst.twin.synthesize", () -> new Sample(Map.of("cells", 2L), Map.of("experiment",
                Samples.run("org.nernst.twin.experiment", Map.of("steps", "Discharge at 1C until 3.0 V"), Map.of())
                        .get("experiment"), "parameters", Samples.ecm()), "cells", 0L));
        SAMPLES.put("org.nernst.twin.ecmIdentify", () -> new Sample(Map.of("pairs", 2L), Map.of("pulses",
                Samples.panasonic("*HPPC*"), "ocv", Samples.panasonic("*C20*")), "pairs", 0L));
    }

    private static Object ridge() {
        return Samples.run("org.nernst.ml.smile.ridge", Map.of(), Map.of()).get("estimator");
    }

    private static Table rows(Table t, int from, int to) {
        return t.select(IntStream.range(from, to).toArray());
    }

    private static Map<String, Object> store(Map<String, Object> params) {
        Map<String, Object> m = new HashMap<>(params);
        m.put("store", TMP.resolve("conformance.duckdb").toString());
        return m;
    }

    private static synchronized void imported() {
        Samples.run("org.nernst.store.import", store(Map.of("dataset", "regression", "ifExists", "replace")),
                Map.of("table", Samples.regression()));
    }

    @Test
    void everyOwnOperationHasASample() {
        assertEquals(new TreeSet<>(SAMPLES.keySet()), new TreeSet<>(Samples.own(NodeKind.OPERATION).stream()
                .map(d -> d.id()).toList()));
    }

    @TestFactory
    Stream<DynamicContainer> everyOwnOperationKeepsTheContract() {
        return Samples.own(NodeKind.OPERATION).stream().filter(d -> SAMPLES.containsKey(d.id()))
                .map(d -> Samples.container(d.id(), () -> OperationConformance.checks(d.id(), SAMPLES.get(d.id()).get())));
    }
}

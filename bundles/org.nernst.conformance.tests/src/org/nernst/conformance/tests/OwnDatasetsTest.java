package org.nernst.conformance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nernst.conformance.DatasetConformance;
import org.nernst.core.node.NodeKind;

/**
 * DatasetConformance on every dataset connector Nernst contributes, each on a real file of
 * ../shared/data and a corrupt one of the same kind. The Severson batch connector has no sample
 * there (its MATLAB 7.3 batch files are gigabytes), so it is the one connector not run.
 */
class OwnDatasetsTest {
    /** Connectors with no sample file in the shared data, and why. */
    private static final Set<String> NO_SAMPLE = Set.of("org.nernst.data.seversonBatch");
    private static final Path TMP;
    private static final String PANASONIC = "panasonic-18650pf/25degC/03-09-17_17.59 3349_Dis1C_1.mat";

    static {
        try {
            TMP = Files.createTempDirectory("nernst-datasets");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Map<String, Supplier<Stream<DynamicNode>>> CHECKS = new HashMap<>();

    static {
        CHECKS.put("org.nernst.data.csv", () -> DatasetConformance.checks("org.nernst.data.csv", "file",
                Map.of("file", Samples.data("nasa-pcoe/per-cycle/B0005_per_cycle.csv").toString()),
                Map.of("file", text("ragged.csv", "time [s],voltage [V]\n0,4.1\n1,4.0,9\n").toString())));
        CHECKS.put("org.nernst.data.cycler", () -> DatasetConformance.checks("org.nernst.data.cycler", "file",
                Map.of("file", Samples.data("cycler-samples/arbin/FastCharge_000025_CH8.csv").toString()),
                Map.of("file", Samples.corrupt(TMP, "cycler/FastCharge_000099_CH1.csv").toString())));
        CHECKS.put("org.nernst.data.mappedText", () -> {
            Map<String, Object> mapping = Map.of("time", "Test_Time", "current", "Current", "voltage", "Voltage");
            return DatasetConformance.checks("org.nernst.data.mappedText", "file",
                    with(mapping, "file", Samples.data("cycler-samples/arbin/FastCharge_000025_CH8.csv").toString()),
                    with(mapping, "file", text("mapped.csv", "Test_Time,Current,Voltage\n0,1,3.3\n1,x,3.4\n").toString()));
        });
        CHECKS.put("org.nernst.data.nasaPcoe", () -> {
            Samples.corrupt(TMP, "nasa/B0025.mat");
            return DatasetConformance.checks("org.nernst.data.nasaPcoe", "folder",
                    Map.of("folder", Samples.data("nasa-pcoe").toString(), "cells", "B0025"),
                    Map.of("folder", TMP.resolve("nasa").toString(), "cells", "B0025"));
        });
        CHECKS.put("org.nernst.data.digatronMat", () -> DatasetConformance.checks("org.nernst.data.digatronMat", "file",
                Map.of("file", Samples.data(PANASONIC).toString()),
                Map.of("file", Samples.corrupt(TMP, "digatron/3349_Dis1C_9.mat").toString())));
        CHECKS.put("org.nernst.data.matVariables", () -> DatasetConformance.checks("org.nernst.data.matVariables", "file",
                Map.of("file", Samples.data(PANASONIC).toString(), "variable", "meas"),
                Map.of("file", Samples.corrupt(TMP, "mat/broken.mat").toString(), "variable", "meas")));
        CHECKS.put("org.nernst.data.seversonMatr", () -> {
            Path bad = TMP.resolve("severson");
            Samples.corrupt(bad, "test1/cell1.csv");
            copy(Samples.data("severson-matr/cycle_lives/test1_cycle_lives.csv"), bad.resolve("cycle_lives/test1_cycle_lives.csv"));
            return DatasetConformance.checks("org.nernst.data.seversonMatr", "folder",
                    Map.of("folder", Samples.data("severson-matr").toString(), "splits", "test1"),
                    Map.of("folder", bad.toString(), "splits", "test1"));
        });
        CHECKS.put("org.nernst.store.read", () -> DatasetConformance.checks("org.nernst.store.read", "store",
                Map.of("store", store().toString(), "dataset", "regression"),
                Map.of("store", Samples.corrupt(TMP, "junk/broken.duckdb").toString(), "dataset", "regression")));
        CHECKS.put("org.nernst.store.query", () -> DatasetConformance.checks("org.nernst.store.query", "store",
                Map.of("store", store().toString(), "sql", "SELECT * FROM regression"),
                Map.of("store", Samples.corrupt(TMP, "junk/broken.duckdb").toString(), "sql", "SELECT * FROM regression")));
    }

    private static Map<String, Object> with(Map<String, Object> m, String k, Object v) {
        Map<String, Object> out = new HashMap<>(m);
        out.put(k, v);
        return out;
    }

    private static Path text(String name, String content) {
        try {
            Path f = TMP.resolve("text").resolve(name);
            Files.createDirectories(f.getParent());
            return Files.writeString(f, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A store holding the regression sample as dataset 'regression', written by Nernst's import node. */
    private static synchronized Path store() {
        Path s = TMP.resolve("store/datasets.duckdb");
        if (!Files.exists(s)) {
            try {
                Files.createDirectories(s.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Samples.run("org.nernst.store.import", Map.of("store", s.toString(), "dataset", "regression"),
                    Map.of("table", Samples.regression()));
        }
        return s;
    }

    @Test
    void everyOwnConnectorHasASampleButTheSeversonBatchOne() {
        Set<String> expected = new TreeSet<>(CHECKS.keySet());
        expected.addAll(NO_SAMPLE);
        assertEquals(expected, new TreeSet<>(Samples.own(NodeKind.DATASET).stream().map(d -> d.id()).toList()));
    }

    @TestFactory
    Stream<DynamicContainer> everyOwnConnectorKeepsTheContract() {
        return Samples.own(NodeKind.DATASET).stream().filter(d -> CHECKS.containsKey(d.id()))
                .map(d -> Samples.container(d.id(), () -> CHECKS.get(d.id()).get()));
    }
}

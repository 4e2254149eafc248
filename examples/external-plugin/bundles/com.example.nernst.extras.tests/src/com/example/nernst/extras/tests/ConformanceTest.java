package com.example.nernst.extras.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.nernst.conformance.DatasetConformance;
import org.nernst.conformance.EstimatorConformance;
import org.nernst.conformance.TwinConformance;

/** Each contribution of this plugin passes the Nernst conformance checks of its extension point. */
class ConformanceTest {

    static Path data(String name) {
        Path folder = Path.of(System.getProperty("extras.data", "data"));
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("test file " + file.toAbsolutePath() + " is missing (set -Dextras.data)");
        }
        return file;
    }

    @TestFactory
    Stream<DynamicNode> bayesianRidgeKeepsTheEstimatorContract() {
        return EstimatorConformance.checks("com.example.nernst.bayesianRidge");
    }

    @TestFactory
    Stream<DynamicNode> jsonLinesKeepsTheDatasetContract() {
        return DatasetConformance.checks("com.example.nernst.jsonLines", "file",
                Map.of("file", data("small.jsonl").toString()), Map.of("file", data("corrupt.jsonl").toString()));
    }

    @TestFactory
    Stream<DynamicNode> shepherdKeepsTheTwinContract() {
        return TwinConformance.checks("com.example.nernst.shepherd", Map.of(), 1.0, 600);
    }
}

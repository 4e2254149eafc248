package org.nernst.conformance.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.nernst.conformance.Nodes;
import org.nernst.core.node.DataException;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;

/**
 * Real inputs for the conformance suites, read from the public datasets in place
 * ({@code nernst.data}) through Nernst's own connectors and nodes, once per test run.
 */
final class Samples {
    private static final Map<String, Object> CACHE = new java.util.HashMap<>();

    private Samples() {
    }

    static Path data(String sub) {
        Path root = Path.of(System.getProperty("nernst.data", "../../../shared/data"));
        Path p = root.resolve(sub);
        if (!Files.exists(p)) {
            fail("REAL DATA MISSING: " + p.toAbsolutePath().normalize() + " does not exist. The conformance samples are "
                    + "read in place; set -Dnernst.data=<folder holding nasa-pcoe/ ...>.");
        }
        return p;
    }

    /** Nernst's own contributions of a kind: contributed by an org.nernst bundle that is not a test fixture. */
    static List<NodeDescriptor> own(org.nernst.core.node.NodeKind kind) {
        return NodeRegistry.platform().nodes().stream().filter(d -> d.kind() == kind)
                .filter(d -> d.contributor().startsWith("org.nernst.") && !d.contributor().contains("test")).toList();
    }

    static Map<String, Object> run(String id, Map<String, ?> params, Map<String, Object> inputs) {
        try {
            return Nodes.run(NodeRegistry.platform(), id, params, inputs, 1L, ProgressMonitor.none());
        } catch (Exception e) {
            throw new IllegalStateException("preparing a sample with " + id + " failed: " + e, e);
        }
    }

    /** Read once per run (samples build on each other, so not computeIfAbsent, which forbids nesting). */
    static synchronized Table table(String key, java.util.function.Supplier<Table> read) {
        Table t = (Table) CACHE.get(key);
        if (t == null) {
            t = read.get();
            CACHE.put(key, t);
        }
        return t;
    }

    static Table first(Table t, int rows) {
        return t.select(IntStream.range(0, Math.min(rows, t.rowCount())).toArray());
    }

    /** NASA B0025 (24 °C, square-wave discharges): 'cycles' or 'timeseries' of the discharges. */
    static Table nasa(String output) {
        return table("nasa." + output, () -> (Table) run("org.nernst.data.nasaPcoe", Map.of("folder",
                data("nasa-pcoe").toString(), "cells", "B0025", "series", "discharge"), Map.of()).get(output));
    }

    /** A Panasonic 18650PF test at 25 °C by file pattern (*HPPC*, *C20*, *US06*). */
    static Table panasonic(String pattern) {
        return table("pan." + pattern, () -> (Table) run("org.nernst.data.digatronMat", Map.of("folder",
                data("panasonic-18650pf/25degC").toString(), "pattern", pattern), Map.of()).get("table"));
    }

    /** The ECM identified from the 25 °C HPPC test and C/20 discharge by Nernst's ecmIdentify. */
    static Table ecm() {
        return table("ecm", () -> (Table) run("org.nernst.twin.ecmIdentify", Map.of("pairs", 2L),
                Map.of("pulses", panasonic("*HPPC*"), "ocv", panasonic("*C20*"))).get("parameters"));
    }

    /** The first 3000 s of the US06 drive cycle from full, with the reference SOC from the Ah counter. */
    static Table us06() {
        return table("us06", () -> {
            Table t = first(panasonic("*US06*"), 3000);
            double[] ah = t.doubles("ah");
            double[] soc = new double[ah.length];
            for (int i = 0; i < ah.length; i++) {
                soc[i] = 1 + ah[i] / 2.7728;
            }
            return t.with(new DoubleColumn("soc", "", Role.NONE, soc));
        });
    }

    /** The Arbin fast-charge sample through the cycler connector. */
    static Table arbin() {
        return table("arbin", () -> (Table) run("org.nernst.data.cycler", Map.of("file",
                data("cycler-samples/arbin/FastCharge_000025_CH8.csv").toString()), Map.of()).get("table"));
    }

    /** The first 200 Materials Project insertion electrodes through the CSV connector. */
    static Table materials() {
        return table("materials", () -> first((Table) run("org.nernst.data.csv", Map.of("file",
                data("materials/mp_batteries.csv").toString()), Map.of()).get("table"), 200));
    }

    /** 40 rows of y = 2 x1 − x2 + noise with an irrelevant x3 (fixed pseudo-random numbers). */
    static Table regression() {
        return table("regression", () -> {
            java.util.Random r = new java.util.Random(5);
            double[] x1 = new double[40], x2 = new double[40], x3 = new double[40], y = new double[40];
            for (int i = 0; i < 40; i++) {
                x1[i] = r.nextDouble();
                x2[i] = r.nextDouble();
                x3[i] = r.nextDouble();
                y[i] = 2 * x1[i] - x2[i] + 0.05 * r.nextGaussian();
            }
            return new Table("regression", List.of(new DoubleColumn("x1", "", Role.FEATURE, x1),
                    new DoubleColumn("x2", "", Role.FEATURE, x2), new DoubleColumn("x3", "", Role.FEATURE, x3),
                    new DoubleColumn("y", "", Role.TARGET, y)));
        });
    }

    /** A file of random bytes named like the real thing, in a temporary folder. */
    static Path corrupt(Path dir, String name) {
        try {
            Path f = dir.resolve(name);
            Files.createDirectories(f.getParent());
            byte[] junk = new byte[4096];
            new java.util.Random(3).nextBytes(junk);
            Files.write(f, junk);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The checks of one contribution, or a single failing test when its sample cannot be prepared
     * (so one bad sample does not take the other contributions' checks with it).
     */
    static org.junit.jupiter.api.DynamicContainer container(String id,
            java.util.function.Supplier<java.util.stream.Stream<? extends org.junit.jupiter.api.DynamicNode>> checks) {
        java.util.stream.Stream<? extends org.junit.jupiter.api.DynamicNode> nodes;
        try {
            nodes = checks.get();
        } catch (RuntimeException | AssertionError e) {
            nodes = java.util.stream.Stream.of(org.junit.jupiter.api.DynamicTest.dynamicTest("the sample can be prepared",
                    () -> {
                        throw e;
                    }));
        }
        return org.junit.jupiter.api.DynamicContainer.dynamicContainer(id, nodes);
    }

    static boolean isData(Throwable t) {
        return t instanceof DataException;
    }
}

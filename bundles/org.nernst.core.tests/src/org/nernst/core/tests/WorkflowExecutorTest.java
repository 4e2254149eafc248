package org.nernst.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.exec.CancelToken;
import org.nernst.core.exec.ExecutionListener;
import org.nernst.core.exec.NodeExecutionException;
import org.nernst.core.exec.Provenance;
import org.nernst.core.exec.RunResult;
import org.nernst.core.exec.WorkflowExecutor;
import org.nernst.core.io.ResultWriter;
import org.nernst.core.node.CancelledException;
import org.nernst.core.node.DataException;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.Table;
import org.nernst.core.tests.nodes.TestNodes;
import org.nernst.core.workflow.PortRef;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowException;
import org.nernst.core.workflow.WorkflowNode;

class WorkflowExecutorTest {
    private static final ExecutionListener QUIET = new ExecutionListener() {
    };
    private final WorkflowExecutor executor = new WorkflowExecutor(NodeRegistry.platform(), 4);

    /** A run on another thread: what it threw, and a latch counted down when it returned. */
    private record Background(AtomicReference<Throwable> outcome, CountDownLatch ended) {
    }

    private Background startInBackground(Workflow wf, CancelToken token) {
        Background b = new Background(new AtomicReference<>(), new CountDownLatch(1));
        Thread t = new Thread(() -> {
            try {
                executor.run(wf, QUIET, token);
            } catch (Throwable e) {
                b.outcome().set(e);
            } finally {
                b.ended().countDown();
            }
        });
        t.start();
        return b;
    }

    @Test
    void runsNodesInDependencyOrderAndRecordsProvenance() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        RunResult r = executor.run(WorkflowJsonTest.small(), new ExecutionListener() {
            @Override
            public void nodeFinished(String nodeId, long millis) {
                events.add(nodeId);
            }
        }, new CancelToken());
        assertEquals("sum", events.get(2), events.toString());
        Table sum = r.value("sum", "table", Table.class);
        assertArrayEquals(new double[] { 0, 3.5, 7, 10.5, 14 }, sum.doubles("y"), 1e-12);

        Provenance p = r.get("sum", "table").orElseThrow().provenance();
        assertEquals("small", p.workflow());
        assertEquals("test.add", p.nodeType());
        assertEquals(64, p.workflowHash().length());
        assertEquals(Map.of("a", r.get("a", "table").orElseThrow().provenance().outputHash(),
                "b", r.get("b", "table").orElseThrow().provenance().outputHash()), p.inputHashes());
        assertEquals(7L, p.seed());
        assertTrue(p.bundles().get("org.nernst.core.tests").startsWith("0.1.0"), p.bundles().toString());
        assertEquals(5L, r.get("a", "table").orElseThrow().provenance().parameters().get("rows"));
    }

    @Test
    void independentNodesRunInParallel() throws Exception {
        TestNodes.barrier = new CyclicBarrier(2);
        Workflow wf = new Workflow("parallel", "", 1, List.of(
                new WorkflowNode("s", "test.source", Map.of("factor", 1.0), Map.of()),
                new WorkflowNode("left", "test.rendezvous", Map.of(), Map.of("table", PortRef.parse("s.table"))),
                new WorkflowNode("right", "test.rendezvous", Map.of(), Map.of("table", PortRef.parse("s.table")))));
        // Each rendezvous node waits for the other: a sequential executor would fail with a timeout.
        RunResult r = executor.run(wf, QUIET, new CancelToken());
        assertEquals(10, r.value("left", "table", Table.class).rowCount());
    }

    @Test
    void cancellationStopsARunningNodeWithinASecond() throws Exception {
        TestNodes.blockingStarted = new CountDownLatch(1);
        Workflow wf = new Workflow("blocking", "", 1,
                List.of(new WorkflowNode("b", "test.blocking", Map.of(), Map.of())));
        CancelToken token = new CancelToken();
        Background run = startInBackground(wf, token);
        assertTrue(TestNodes.blockingStarted.await(10, TimeUnit.SECONDS), "the node never started");
        long t0 = System.nanoTime();
        token.cancel();
        assertTrue(run.ended().await(1, TimeUnit.SECONDS), "run still going 1 s after cancel");
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L);
        assertInstanceOf(CancelledException.class, run.outcome().get());
    }

    @Test
    void failingNodeIsReportedWithItsIdAndCause() {
        Workflow wf = new Workflow("fail", "", 1, List.of(
                new WorkflowNode("f", "test.failing", Map.of("how", "data"), Map.of())));
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> executor.run(wf,
                QUIET, new CancelToken()));
        assertEquals("f", e.nodeId());
        assertInstanceOf(DataException.class, e.getCause());
        assertTrue(e.getMessage().contains("cells.csv: line 7, column 'voltage [V]': 'abc' is not a number"),
                e.getMessage());
    }

    @Test
    void missingClassFailsTheRunNotThePlatform() {
        Workflow wf = new Workflow("missing", "", 1, List.of(new WorkflowNode("m", "test.missingClass", Map.of(), Map.of())));
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> executor.run(wf,
                QUIET, new CancelToken()));
        assertTrue(e.getMessage().contains("DoesNotExist"), e.getMessage());
    }

    @Test
    void invalidWorkflowRunsNothing() {
        Workflow wf = new Workflow("bad", "", 1, List.of(new WorkflowNode("s", "test.source", Map.of(), Map.of())));
        assertThrows(WorkflowException.class, () -> executor.run(wf, QUIET, new CancelToken()));
    }

    @Test
    void resultWriterWritesLeafOutputsAndSavedNodesWithProvenance(@TempDir Path dir) throws Exception {
        RunResult r = executor.run(WorkflowJsonTest.small(), QUIET, new CancelToken());
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve(ResultWriter.MARKER), "");
        Files.writeString(out.resolve("stale.txt"), "from an earlier run");
        List<String> files = ResultWriter.write(r, out);
        assertTrue(files.containsAll(List.of("sum.table.csv", "sum.table.provenance.json", "workflow.json")), files.toString());
        assertFalse(files.contains("a.table.csv"), "a.table is consumed and a is not marked save");
        assertFalse(Files.exists(out.resolve("stale.txt")), "the output folder is replaced as a whole");
        assertEquals("x [s],y [V]", Files.readAllLines(out.resolve("sum.table.csv")).get(0));
        assertEquals(1, Files.list(dir).count(), "no temporary folder left behind");
    }

    @Test
    void resultWriterNeverReplacesAFolderItDidNotWrite(@TempDir Path dir) throws Exception {
        RunResult r = executor.run(WorkflowJsonTest.small(), QUIET, new CancelToken());
        Path precious = dir.resolve("thesis");
        Files.createDirectories(precious);
        Files.writeString(precious.resolve("chapter1.tex"), "years of work");
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> ResultWriter.write(r, precious));
        assertTrue(e.getMessage().contains("is not a Nernst result folder"), e.getMessage());
        assertEquals("years of work", Files.readString(precious.resolve("chapter1.tex")));
        assertThrows(java.io.IOException.class, () -> ResultWriter.checkTarget(Path.of("/")));
    }

    @Test
    void undefinedMetricsAreWrittenAsJsonNull(@TempDir Path dir) throws Exception {
        Map<String, Object> overall = new java.util.LinkedHashMap<>();
        overall.put("rmse", 0.5);
        overall.put("r2", Double.NaN);
        org.nernst.core.node.Metrics m = new org.nernst.core.node.Metrics("one row", Map.of("overall", overall));
        Provenance p = new Provenance("w", "h", "n", "t", "metrics", Map.of(), Map.of(), "o", 1, Map.of(), "now", 0);
        Workflow wf = new Workflow("w", "", 1, List.of(new WorkflowNode("n", "test.source", Map.of("factor", 1.0), Map.of())));
        RunResult r = new RunResult(wf, Map.of("n", Map.of("metrics", new org.nernst.core.exec.Result(m, p))));
        ResultWriter.write(r, dir.resolve("out"));
        String json = Files.readString(dir.resolve("out/n.metrics.json"));
        assertTrue(json.contains("\"r2\": null"), json);
        // a parser that refuses NaN reads it
        new com.google.gson.GsonBuilder().setStrictness(com.google.gson.Strictness.STRICT).create()
                .fromJson(json, com.google.gson.JsonObject.class);
    }

    @Test
    void configureErrorsMakeTheWorkflowInvalidBeforeAnythingRuns() {
        Workflow wf = new Workflow("zero", "", 1,
                List.of(new WorkflowNode("s", "test.source", Map.of("factor", 0.0), Map.of())));
        WorkflowException e = assertThrows(WorkflowException.class, () -> executor.check(wf));
        assertEquals(List.of("node 's' (test.source): factor 0 makes y constant; give a non-zero slope"), e.problems());
        assertThrows(WorkflowException.class, () -> executor.run(wf, QUIET, new CancelToken()));
    }

    @Test
    void cancellingReturnsWithinASecondEvenIfANodeIgnoresIt() throws Exception {
        TestNodes.releaseStubborn = false;
        TestNodes.stubbornStarted = new CountDownLatch(1);
        Workflow wf = new Workflow("stubborn", "", 1,
                List.of(new WorkflowNode("s", "test.stubborn", Map.of(), Map.of())));
        CancelToken token = new CancelToken();
        Background run = startInBackground(wf, token);
        try {
            assertTrue(TestNodes.stubbornStarted.await(10, TimeUnit.SECONDS));
            token.cancel();
            assertTrue(run.ended().await(1, TimeUnit.SECONDS), "run() still blocked 1 s after cancel");
            assertInstanceOf(CancelledException.class, run.outcome().get());
        } finally {
            TestNodes.releaseStubborn = true;
        }
    }

    @Test
    void aFailureNextToABusyNodeIsReportedWithinASecond() throws Exception {
        TestNodes.releaseStubborn = false;
        TestNodes.stubbornStarted = new CountDownLatch(1);
        Workflow wf = new Workflow("mixed", "", 1, List.of(
                new WorkflowNode("s", "test.stubborn", Map.of(), Map.of()),
                new WorkflowNode("f", "test.failing", Map.of("how", "error"), Map.of())));
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        try {
            NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> executor.run(wf,
                    new ExecutionListener() {
                        @Override
                        public void nodeFailed(String nodeId, Throwable error) {
                            failed.add(nodeId);
                        }
                    }, new CancelToken()));
            assertEquals("f", e.nodeId());
            assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "the failure took over a second to surface");
            assertEquals(List.of("f"), failed, "only the failing node is reported as failed");
        } finally {
            TestNodes.releaseStubborn = true;
        }
    }

    /**
     * Regression: when the sibling stopped by a failure finished before the failing node had
     * reported, the run ended as "cancelled" (the CLI said exit 6 for a missing file, exit 4 is right).
     */
    @Test
    void aSiblingStoppedByAFailureDoesNotTurnTheFailureIntoACancel() throws Exception {
        for (int round = 0; round < 5; round++) {
            TestNodes.blockingStarted = new CountDownLatch(1);
            TestNodes.blockingStopped = new CountDownLatch(1);
            Workflow wf = new Workflow("mixed", "", 1, List.of(
                    new WorkflowNode("b", "test.blocking", Map.of(), Map.of()),
                    new WorkflowNode("f", "test.failing", Map.of("how", "error"), Map.of())));
            NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> executor.run(wf,
                    new ExecutionListener() {
                        @Override
                        public void nodeFailed(String nodeId, Throwable error) {
                            try {
                                // let the stopped sibling finish first, as a slow console would
                                TestNodes.blockingStopped.await(2, java.util.concurrent.TimeUnit.SECONDS);
                            } catch (InterruptedException x) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }, new CancelToken()));
            assertEquals("f", e.nodeId());
        }
    }

    @Test
    void runsAreBoundedInTime() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> executor.run(WorkflowJsonTest.small(),
                QUIET, new CancelToken()));
    }

    @Test
    void eachNodesOutputsAreHandedOverWhenItFinishesWhileOthersStillRun() throws Exception {
        TestNodes.blockingStarted = new CountDownLatch(1);
        TestNodes.blockingStopped = new CountDownLatch(1);
        Workflow wf = new Workflow("live", "", 3, List.of(
                new WorkflowNode("a", "test.source", Map.of("factor", 2.0, "rows", 4L), Map.of()),
                new WorkflowNode("b", "test.blocking", Map.of(), Map.of())));
        CountDownLatch aDelivered = new CountDownLatch(1);
        AtomicReference<Map<String, org.nernst.core.exec.Result>> aOutputs = new AtomicReference<>();
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CancelToken token = new CancelToken();
        Thread run = new Thread(() -> {
            try {
                executor.run(wf, new ExecutionListener() {
                    @Override
                    public void nodeOutputs(String nodeId, Map<String, org.nernst.core.exec.Result> outputs) {
                        order.add("outputs " + nodeId);
                        if (nodeId.equals("a")) {
                            aOutputs.set(outputs);
                            aDelivered.countDown();
                        }
                    }

                    @Override
                    public void nodeFinished(String nodeId, long millis) {
                        order.add("finished " + nodeId);
                    }
                }, token);
            } catch (Exception e) {
                // cancelled below, as intended
            }
        });
        run.start();
        assertTrue(aDelivered.await(10, TimeUnit.SECONDS), "a's outputs were not handed over");
        assertTrue(TestNodes.blockingStarted.await(10, TimeUnit.SECONDS), "b never started");
        // b is still running: the run has not ended, yet a's table is here with its provenance
        assertEquals(1, TestNodes.blockingStopped.getCount(), "b still runs");
        Table a = (Table) aOutputs.get().get("table").value();
        assertArrayEquals(new double[] { 0, 2, 4, 6 }, a.doubles("y"), 1e-12);
        assertEquals("a", aOutputs.get().get("table").provenance().nodeId());
        assertEquals(3, aOutputs.get().get("table").provenance().seed());
        token.cancel();
        run.join(10_000);
        assertFalse(run.isAlive());
        assertEquals(List.of("outputs a", "finished a"), order);
    }
}

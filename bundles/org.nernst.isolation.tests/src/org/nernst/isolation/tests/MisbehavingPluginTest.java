package org.nernst.isolation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.nernst.core.exec.CancelToken;
import org.nernst.core.exec.ExecutionListener;
import org.nernst.core.exec.NodeExecutionException;
import org.nernst.core.exec.WorkflowExecutor;
import org.nernst.core.node.CancelledException;
import org.nernst.core.node.NodeKind;
import org.nernst.core.registry.ContributionException;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowJson;
import org.nernst.isolation.tests.nodes.HangingNode;

/**
 * A broken plugin is reported and contained: a bundle whose activation throws cannot take the
 * registry or a run down with it, and a node that ignores cancellation does not hold a cancelled
 * run for more than a second (its thread is abandoned).
 */
class MisbehavingPluginTest {
    private static final String BROKEN = "org.nernst.testing.misbehaving.brokenActivation";
    private static final String HANG = "org.nernst.isolation.tests.hang";
    private final NodeRegistry registry = NodeRegistry.platform();

    @AfterAll
    static void releaseHungThreads() {
        HangingNode.release();
    }

    @Test
    void aPluginWhoseActivationThrowsIsListedButCreatingItsNodeIsAReportedError() throws Exception {
        assertEquals(NodeKind.ESTIMATOR, registry.find(BROKEN).orElseThrow().kind(), "metadata is read without activation");
        ContributionException e = assertThrows(ContributionException.class, () -> registry.create(BROKEN));
        assertTrue(e.getMessage().contains("org.nernst.testing.misbehaving"), "names the bundle: " + e.getMessage());
        // the registry and the other contributions keep working
        assertTrue(registry.create("org.nernst.core.crossValidate") != null);
        assertTrue(registry.nodes().size() > 2);
    }

    @Test
    void aRunUsingTheBrokenPluginFailsAtThatNode() throws Exception {
        Workflow wf = WorkflowJson.parse("test", """
                {"format": "nernst-workflow", "formatVersion": 1, "name": "broken", "seed": 1,
                 "nodes": [{"id": "model", "type": "%s"}]}""".formatted(BROKEN));
        NodeExecutionException e = assertThrows(NodeExecutionException.class,
                () -> new WorkflowExecutor(registry, 2).run(wf, new ExecutionListener() {
                }, new CancelToken()));
        assertEquals("model", e.nodeId());
    }

    @Test
    void aNodeIgnoringCancellationIsAbandonedWithinASecondOfCancel() throws Exception {
        Workflow wf = WorkflowJson.parse("test", """
                {"format": "nernst-workflow", "formatVersion": 1, "name": "hang", "seed": 1,
                 "nodes": [{"id": "stuck", "type": "%s"}]}""".formatted(HANG));
        CancelToken cancel = new CancelToken();
        FutureTask<Object> run = new FutureTask<>(() -> new WorkflowExecutor(registry, 2).run(wf, new ExecutionListener() {
        }, cancel));
        Thread caller = new Thread(run, "workflow caller");
        caller.setDaemon(true);
        caller.start();
        assertTrue(HangingNode.STARTED.await(30, TimeUnit.SECONDS), "the hanging node never started");
        long t0 = System.nanoTime();
        cancel.cancel();
        ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(5, TimeUnit.SECONDS));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertInstanceOf(CancelledException.class, e.getCause());
        assertTrue(millis < 1000, "the cancelled run returned after " + millis + " ms");
        System.out.println("hung node: run returned " + millis + " ms after cancel");
    }
}

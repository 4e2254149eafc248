package org.nernst.ui.tests;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.table.Table;

/**
 * The {@code test.ui.gate} node: a slow downstream node under the test's control. It says when it
 * has started and passes its input on only when the test opens the gate (or the run is cancelled).
 */
public final class GateNode implements Node {
    static volatile CountDownLatch started = new CountDownLatch(1);
    static volatile CountDownLatch open = new CountDownLatch(1);

    static void reset() {
        started = new CountDownLatch(1);
        open = new CountDownLatch(1);
    }

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        started.countDown();
        c.monitor().begin("waiting for the test", -1);
        while (!open.await(50, TimeUnit.MILLISECONDS)) {
            c.monitor().checkCanceled();
        }
        return Map.of("table", c.input("table", Table.class));
    }
}

package org.nernst.cli.tests;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;

/** Nodes that block or fail, contributed by this test bundle to exercise the command's exit paths. */
public final class TestNodes {
    static volatile CountDownLatch started = new CountDownLatch(1);

    private TestNodes() {
    }

    public static final class Blocking implements Node {
        @Override
        public Map<String, Object> execute(NodeContext c) {
            started.countDown();
            while (true) {
                c.monitor().checkCanceled();
                Thread.onSpinWait();
            }
        }
    }

    public static final class Failing implements Node {
        @Override
        public Map<String, Object> execute(NodeContext c) {
            throw new IllegalStateException("deliberate failure in a test node");
        }
    }
}

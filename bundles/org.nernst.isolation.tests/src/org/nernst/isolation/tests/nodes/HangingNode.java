package org.nernst.isolation.tests.nodes;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;

/** Spins, ignoring the monitor and interrupts, until a test calls {@link #release()}. */
public final class HangingNode implements Node {
    /** Counted down once the node runs, so a test knows the hang has begun. */
    public static final CountDownLatch STARTED = new CountDownLatch(1);
    private static volatile boolean released;

    /** Ends every hang, so the abandoned thread stops using a core. */
    public static void release() {
        released = true;
    }

    @Override
    public Map<String, Object> execute(NodeContext context) {
        STARTED.countDown();
        while (!released) {
            Thread.onSpinWait();
        }
        return Map.of();
    }
}

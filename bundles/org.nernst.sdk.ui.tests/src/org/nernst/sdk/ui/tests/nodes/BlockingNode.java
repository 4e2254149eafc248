package org.nernst.sdk.ui.tests.nodes;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;

/**
 * Blocks until a test calls {@link #release()}, ignoring its monitor and swallowing interrupts: the
 * worst-behaved node a plugin can contribute. Waits on a latch rather than spinning, so the
 * abandoned thread costs no core while the rest of the tests run.
 */
public final class BlockingNode implements Node {
    /** Counted down once the node runs, so a test knows the hang has begun. */
    public static final CountDownLatch STARTED = new CountDownLatch(1);
    private static final CountDownLatch RELEASED = new CountDownLatch(1);

    public static void release() {
        RELEASED.countDown();
    }

    @Override
    public Map<String, Object> execute(NodeContext context) {
        STARTED.countDown();
        while (RELEASED.getCount() > 0) {
            try {
                RELEASED.await();
            } catch (InterruptedException ignored) {
                // deliberately ignored: this node does not let itself be interrupted
            }
        }
        return Map.of();
    }
}

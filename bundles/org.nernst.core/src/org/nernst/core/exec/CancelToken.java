package org.nernst.core.exec;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cancellation request shared between whoever starts a run (a Ctrl-C handler, a Cancel button)
 * and the nodes that honour it.
 *
 * @since 0.1
 */
public final class CancelToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }
}

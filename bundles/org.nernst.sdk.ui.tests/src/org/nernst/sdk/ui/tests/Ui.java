package org.nernst.sdk.ui.tests;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.widgets.Display;

/** Runs test steps on the UI thread (the tests themselves run beside it) and lets pending UI work finish. */
final class Ui {
    private Ui() {
    }

    static <T> T call(Callable<T> step) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Display.getDefault().syncExec(() -> {
            try {
                result.set(step.call());
                flush();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        if (failure.get() instanceof Error e) {
            throw e;
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return result.get();
    }

    static void run(Runnable step) {
        call(() -> {
            step.run();
            return null;
        });
    }

    /** Processes every queued UI event. */
    static void flush() {
        Display d = Display.getCurrent();
        while (d.readAndDispatch()) {
            // keep going until the queue is empty
        }
    }
}

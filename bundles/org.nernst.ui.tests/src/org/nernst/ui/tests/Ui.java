package org.nernst.ui.tests;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;

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

    /**
     * Redraws a control and dispatches events until it has painted: GTK paints on its frame
     * clock, after the event queue may already look empty. Gives up after 10 s.
     */
    static void awaitPaint(Control c) {
        Display d = c.getDisplay();
        boolean[] done = { false };
        Listener painted = e -> done[0] = true;
        c.addListener(SWT.Paint, painted);
        d.timerExec(10_000, () -> done[0] = true);
        c.redraw();
        while (!done[0]) {
            if (!d.readAndDispatch()) {
                d.sleep();
            }
        }
        c.removeListener(SWT.Paint, painted);
        flush();
    }

    /** Processes every queued UI event (refreshes posted by views and jobs, paints). */
    static void flush() {
        Display d = Display.getCurrent();
        while (d.readAndDispatch()) {
            // keep going until the queue is empty
        }
    }
}

package org.nernst.sdk.ui.tests;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;
import org.nernst.ui.internal.NernstWorkbenchAdvisor;

/**
 * Starts the real Nernst workbench (its advisor, perspective, menus and views) on a UI thread of
 * its own, as the product's application does on the main thread, and closes it again.
 */
final class WorkbenchFixture {
    private static Thread uiThread;

    private WorkbenchFixture() {
    }

    static synchronized IWorkbench start() throws InterruptedException {
        if (PlatformUI.isWorkbenchRunning()) {
            return PlatformUI.getWorkbench();
        }
        CountDownLatch up = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        uiThread = new Thread(() -> {
            Display display = PlatformUI.createDisplay();
            try {
                PlatformUI.createAndRunWorkbench(display, new NernstWorkbenchAdvisor(up::countDown));
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                up.countDown();
                display.dispose();
            }
        }, "workbench-ui");
        uiThread.start();
        if (!up.await(180, TimeUnit.SECONDS)) {
            throw new AssertionError("the workbench window did not open within 180 s");
        }
        if (failure.get() != null || !PlatformUI.isWorkbenchRunning()) {
            throw new AssertionError("the workbench did not start", failure.get());
        }
        return PlatformUI.getWorkbench();
    }

    static synchronized void stop() throws InterruptedException {
        if (PlatformUI.isWorkbenchRunning()) {
            IWorkbench wb = PlatformUI.getWorkbench();
            wb.getDisplay().syncExec(() -> wb.close());
        }
        if (uiThread != null) {
            uiThread.join(60_000);
        }
    }
}

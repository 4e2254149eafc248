package org.nernst.ui.internal;

import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/**
 * Configures the workbench window. With system property {@code nernst.smokeTest=<file.png>} the
 * workbench saves a screenshot of its window to that file once it is up and then closes: the check
 * that the product's window really opens, used by the build.
 */
public final class NernstWorkbenchAdvisor extends WorkbenchAdvisor {
    private final Runnable afterStartup;

    public NernstWorkbenchAdvisor() {
        this(() -> {
        });
    }

    /** @param afterStartup run on the UI thread once the window is open (tests wait for it) */
    public NernstWorkbenchAdvisor(Runnable afterStartup) {
        this.afterStartup = afterStartup;
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return "org.nernst.ui.perspective";
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new WorkbenchWindowAdvisor(configurer) {
            @Override
            public void preWindowOpen() {
                configurer.setInitialSize(new Point(1280, 800));
                configurer.setTitle("Nernst");
                configurer.setShowStatusLine(true);
                configurer.setShowProgressIndicator(true);
                configurer.setShowCoolBar(true);
            }

            @Override
            public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer bars) {
                return new NernstActionBarAdvisor(bars);
            }
        };
    }

    @Override
    public void postStartup() {
        org.nernst.ui.internal.prefs.NernstPreferences.applyStoreLocation();
        StartupActions.run(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage());
        openWorkflowArguments();
        afterStartup.run();
        String shot = System.getProperty("nernst.smokeTest");
        if (shot == null) {
            return;
        }
        Display display = Display.getCurrent();
        // let the window paint before taking the picture
        display.timerExec(1500, () -> {
            Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
            Point size = shell.getSize();
            Image image = new Image(display, size.x, size.y);
            GC gc = new GC(display);
            gc.copyArea(image, shell.getLocation().x, shell.getLocation().y);
            gc.dispose();
            ImageLoader loader = new ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
            loader.save(Path.of(shot).toString(), SWT.IMAGE_PNG);
            image.dispose();
            System.out.println("nernst: workbench window '" + shell.getText() + "' opened, " + size.x + "x" + size.y
                    + ", screenshot " + shot);
            PlatformUI.getWorkbench().close();
        });
    }

    /** {@code nernst-ui my.workflow.json}: opens the workflow files named on the command line. */
    private static void openWorkflowArguments() {
        for (String arg : org.eclipse.core.runtime.Platform.getApplicationArgs()) {
            if (!arg.endsWith(".json") || !java.nio.file.Files.isRegularFile(Path.of(arg))) {
                continue;
            }
            try {
                WorkflowHandlers.open(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), Path.of(arg));
            } catch (org.eclipse.ui.PartInitException e) {
                org.eclipse.core.runtime.ILog.of(NernstWorkbenchAdvisor.class).error("Cannot open " + arg, e);
            }
        }
    }
}

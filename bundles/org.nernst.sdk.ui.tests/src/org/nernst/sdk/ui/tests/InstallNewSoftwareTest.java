package org.nernst.sdk.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.commands.Command;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.ui.ProvisioningUI;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Help &gt; Install New Software in the Nernst workbench: the p2 UI bundles the product ships
 * contribute their commands to the Help menu Nernst's action bar advisor creates, and the command
 * opens p2's Install wizard on the running installation's profile.
 */
class InstallNewSoftwareTest {
    private static final String INSTALL = "org.eclipse.equinox.p2.ui.sdk.install";
    private static final String UPDATE = "org.eclipse.equinox.p2.ui.sdk.update";
    private static IWorkbench workbench;

    @BeforeAll
    static void startWorkbench() throws Exception {
        workbench = WorkbenchFixture.start();
    }

    @AfterAll
    static void stopWorkbench() throws Exception {
        WorkbenchFixture.stop();
    }

    @Test
    void theInstallAndUpdateCommandsAreDefined() {
        ICommandService commands = workbench.getService(ICommandService.class);
        for (String id : List.of(INSTALL, UPDATE)) {
            Command c = commands.getCommand(id);
            assertTrue(c.isDefined(), id + " is not defined: the p2 UI bundles are missing");
        }
        assertEquals("Install New Software...", Ui.call(() -> commands.getCommand(INSTALL).getName()));
    }

    @Test
    void theHelpMenuShowsInstallNewSoftwareAndCheckForUpdates() {
        List<String> items = Ui.call(() -> {
            Shell shell = workbench.getActiveWorkbenchWindow().getShell();
            Menu help = null;
            for (MenuItem top : shell.getMenuBar().getItems()) {
                if (top.getText().replace("&", "").equals("Help")) {
                    help = top.getMenu();
                }
            }
            assertNotNull(help, "the menu bar has no Help menu");
            // what a user opening the menu triggers: the workbench fills in the contributions
            help.notifyListeners(SWT.Show, null);
            Ui.flush();
            List<String> texts = new ArrayList<>();
            for (MenuItem item : help.getItems()) {
                texts.add(item.getText().replace("&", "").replaceAll("\t.*", ""));
            }
            help.notifyListeners(SWT.Hide, null);
            return texts;
        });
        assertTrue(items.contains("Install New Software..."), "Help menu items: " + items);
        assertTrue(items.contains("Check for Updates"), "Help menu items: " + items);
    }

    @Test
    void executingInstallOpensTheInstallWizardOnTheRunningProfile() throws Exception {
        IProfile profile = selfProfile();
        assertNotNull(profile);

        Display display = workbench.getDisplay();
        CountDownLatch opened = new CountDownLatch(1);
        AtomicReference<Shell> dialog = new AtomicReference<>();
        Listener onActivate = e -> {
            if (e.widget instanceof Shell s && s != workbench.getActiveWorkbenchWindow().getShell()
                    && dialog.compareAndSet(null, s)) {
                opened.countDown();
            }
        };
        Ui.run(() -> display.addFilter(SWT.Activate, onActivate));
        try {
            // asynchronously: the wizard is modal and runs its own event loop on the UI thread
            display.asyncExec(() -> {
                try {
                    workbench.getService(IHandlerService.class).executeCommand(INSTALL, null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(opened.await(60, TimeUnit.SECONDS), "no dialog opened within 60 s");
            String[] seen = Ui.call(() -> {
                Shell s = dialog.get();
                Object window = s.getData();
                String wizard = window instanceof WizardDialog w ? w.getCurrentPage().getWizard().getClass().getSimpleName() : "-";
                return new String[] { s.getText(), window == null ? "-" : window.getClass().getSimpleName(), wizard };
            });
            assertEquals("InstallWizard", seen[2], "opened '" + seen[0] + "' (" + seen[1] + ")");
            assertEquals("Install", seen[0]);
        } finally {
            Ui.run(() -> {
                display.removeFilter(SWT.Activate, onActivate);
                if (dialog.get() != null && !dialog.get().isDisposed()) {
                    dialog.get().close();
                }
            });
        }
    }

    /**
     * The profile p2 calls SELF: the product's is written by the director that installed it; the
     * test runtime names one with -Declipse.p2.profile and it is created here on first use.
     */
    private static IProfile selfProfile() throws Exception {
        IProvisioningAgent agent = ProvisioningUI.getDefaultUI().getSession().getProvisioningAgent();
        IProfileRegistry profiles = agent.getService(IProfileRegistry.class);
        IProfile self = profiles.getProfile(IProfileRegistry.SELF);
        if (self == null) {
            String id = System.getProperty("eclipse.p2.profile");
            assertNotNull(id, "-Declipse.p2.profile is not set");
            self = profiles.addProfile(id);
        }
        return self;
    }
}

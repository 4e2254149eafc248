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
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowJson;
import org.nernst.sdk.ui.tests.nodes.BlockingNode;
import org.nernst.ui.internal.WorkflowHandlers;
import org.nernst.ui.internal.editor.WorkflowEditor;
import org.nernst.ui.internal.model.NodeState;
import org.nernst.ui.internal.model.WorkflowDocument;
import org.nernst.ui.internal.run.RunWorkflowJob;

/**
 * The SDK's promises in the real Nernst workbench (one workbench for both groups of tests):
 * Help &gt; Install New Software is there and opens p2's Install wizard, and a misbehaving plugin
 * is contained.
 */
class SdkWorkbenchTest {
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

    /** Help > Install New Software: the p2 UI in the Nernst workbench. */
    @Nested
    class InstallNewSoftware {
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

    /**
     * A misbehaving plugin in the workbench: the fixture bundle whose activator throws and a node
     * that blocks ignoring its monitor and interrupts (contributed by this bundle) are both in the
     * palette; a run using the broken one fails at that node with a message naming the bundle;
     * a run stuck in the blocking node is cancelled from the UI (the Cancel Run command) within a
     * second, and the workbench keeps working: a healthy node added next runs to the end.
     */
    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class MisbehavingPlugins {
        private static final String BROKEN = "org.nernst.testing.misbehaving.brokenActivation";
        private static final String HANG = "org.nernst.sdk.ui.tests.hang";
        @TempDir
        static Path dir;
        private static IWorkbenchPage page;
        private static WorkflowEditor editor;
        private static WorkflowDocument doc;

        @BeforeAll
        static void openAnEmptyWorkflow() throws Exception {
            Path file = dir.resolve("misbehaving.workflow.json");
            WorkflowJson.save(new Workflow("misbehaving", "", 1, List.of()), file);
            Ui.run(() -> {
                page = workbench.getActiveWorkbenchWindow().getActivePage();
                try {
                    editor = (WorkflowEditor) WorkflowHandlers.open(page, file);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                doc = editor.document();
            });
        }

        @AfterAll
        static void closeAndReleaseTheBlockedThread() {
            BlockingNode.release();
            if (page != null) {
                Ui.run(() -> page.closeAllEditors(false));
            }
        }

        private static String add(String type) {
            return Ui.call(() -> {
                NodeDescriptor d = editor.palette().entry(type)
                        .orElseThrow(() -> new AssertionError("the palette has no " + type));
                page.activate(editor);
                editor.palette().activate(d); // what a double-click on the entry does
                return editor.canvas().selection();
            });
        }

        @Test
        @Order(1)
        void thePaletteListsTheBrokenPluginsNodeAndTheBlockingOne() {
            Optional<NodeDescriptor> broken = Ui.call(() -> editor.palette().entry(BROKEN));
            assertTrue(broken.isPresent(), "the node of the bundle whose activation throws is not in the palette");
            assertEquals("org.nernst.testing.misbehaving", broken.get().contributor());
            assertTrue(Ui.call(() -> editor.palette().entry(HANG)).isPresent());
        }

        @Test
        @Order(2)
        void runningTheBrokenNodeFailsAtItWithAMessageNamingTheBundle() throws Exception {
            String id = add(BROKEN);
            RunWorkflowJob job = Ui.call(() -> editor.run(id));
            job.join();
            assertEquals(IStatus.ERROR, job.getResult().getSeverity(), job.getResult().toString());
            assertEquals(NodeState.FAILED, Ui.call(() -> doc.state(id)));
            String message = Ui.call(() -> doc.runState().entry(id).message());
            assertTrue(message.contains("org.nernst.testing.misbehaving"), "the node's message: " + message);
            System.out.println("broken plugin in the workbench: " + message);
            Ui.run(() -> doc.removeNode(id));
        }

        @Test
        @Order(3)
        void aRunStuckInABlockingNodeIsCancelledFromTheUiWithinASecond() throws Exception {
            String id = add(HANG);
            RunWorkflowJob job = Ui.call(() -> editor.run(id));
            assertTrue(BlockingNode.STARTED.await(60, TimeUnit.SECONDS), "the blocking node never started");
            long t0 = System.nanoTime();
            Ui.run(() -> execute("org.nernst.ui.cancelRun")); // the Workflow menu's Cancel Run
            boolean ended = job.join(5_000, null);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ended, "the run was still going 5 s after Cancel Run");
            assertEquals(IStatus.CANCEL, job.getResult().getSeverity(), job.getResult().toString());
            assertTrue(millis < 1000, "the cancelled run ended " + millis + " ms after Cancel Run");
            assertFalse(Ui.call(() -> doc.state(id)) == NodeState.RUNNING, "the blocking node is still drawn running");
            assertEquals(0, Job.getJobManager().find(RunWorkflowJob.FAMILY).length, "a run job is left");
            System.out.println("blocking node in the workbench: run ended " + millis + " ms after Cancel Run");
            Ui.run(() -> doc.removeNode(id));
        }

        @Test
        @Order(4)
        void theWorkbenchKeepsWorkingAfterwards() throws Exception {
            String id = add("org.nernst.twin.experiment");
            Ui.run(() -> doc.setParameter(id, "steps", "Discharge at 1C until 3.0 V"));
            RunWorkflowJob job = Ui.call(() -> editor.run(id));
            job.join();
            assertTrue(job.getResult().isOK(), job.getResult().toString());
            assertEquals(NodeState.DONE, Ui.call(() -> doc.state(id)));
            assertTrue(Ui.call(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().isVisible()));
        }

        private static void execute(String command) {
            page.activate(editor);
            try {
                workbench.getService(IHandlerService.class).executeCommand(command, null);
            } catch (Exception e) {
                throw new AssertionError(command, e);
            }
        }
    }
}

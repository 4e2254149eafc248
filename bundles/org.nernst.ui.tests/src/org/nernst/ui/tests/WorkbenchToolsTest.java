package org.nernst.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.nernst.core.exec.Result;
import org.nernst.core.table.Table;
import org.nernst.core.workflow.WorkflowJson;
import org.nernst.ui.internal.WorkflowHandlers;
import org.nernst.ui.internal.editor.EditorRecovery;
import org.nernst.ui.internal.editor.WorkflowEditor;
import org.nernst.ui.internal.explorer.ImportDatasetWizard;
import org.nernst.ui.internal.explorer.Workspace;
import org.nernst.ui.internal.explorer.WorkspaceView;
import org.nernst.ui.internal.help.HelpView;
import org.nernst.ui.internal.model.NodeState;
import org.nernst.ui.internal.model.Recovery;
import org.nernst.ui.internal.model.WorkflowDocument;
import org.nernst.ui.internal.run.RunWorkflowJob;
import org.nernst.ui.internal.welcome.ExampleGallery;
import org.nernst.ui.internal.welcome.WelcomeView;

/**
 * The real workbench under Xvfb, part B: crash recovery of unsaved edits, the welcome page's
 * example gallery, the Help view, the import wizard and the workspace explorer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchToolsTest {
    private static IWorkbenchPage page;

    @BeforeAll
    static void startTheWorkbench() throws Exception {
        WorkbenchFixture.start();
        page = Ui.call(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage());
    }

    @AfterAll
    static void closeWithoutSaving() throws InterruptedException {
        EditorRecovery.answer = null;
        if (page != null) {
            Ui.run(() -> page.closeAllEditors(false));
        }
        WorkbenchFixture.stop();
    }

    private static WorkflowEditor open(Path file) {
        return Ui.call(() -> (WorkflowEditor) WorkflowHandlers.open(page, file));
    }

    @SuppressWarnings("unchecked")
    private static <T extends IViewPart> T view(String id) {
        return (T) Ui.call(() -> page.showView(id));
    }

    private static Path workspaceCopy(String name) throws Exception {
        Path f = Workspace.folder().resolve("tests").resolve(name);
        Files.createDirectories(f.getParent());
        Files.copy(Fixtures.example(), f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return f;
    }

    // ---- 1. autosave and recovery ----

    @Test
    @Order(1)
    void unsavedEditsLeftByACrashAreOfferedAndRestoredOnReopenAndASaveRemovesTheCopy() throws Exception {
        Path file = workspaceCopy("recover.workflow.json");
        byte[] original = Files.readAllBytes(file);
        WorkflowEditor editor = open(file);
        WorkflowDocument doc = editor.document();
        Ui.run(() -> {
            doc.setParameter("rf", "trees", "120");
            doc.move("gpr", 300, 420);
            doc.rename("cells", "Eight NASA cells");
        });
        String edited = Ui.call(doc::text);
        Path copy = editor.recovery().copy();
        // the copy is written a few seconds after the last change: wait for the writer, not a clock
        Job.getJobManager().join(Recovery.FAMILY, null);
        assertEquals(edited, Files.readString(copy, StandardCharsets.UTF_8), "the copy holds the unsaved document");
        assertTrue(copy.startsWith(Workspace.recovery()), copy + " lies in the workspace's metadata");
        assertArrayEquals(original, Files.readAllBytes(file), "the user's file is not touched by autosave");

        // a crash ends the session without closing the editor, so the copy stays on disk; closing
        // on purpose removes it. Keep the disk state the crash would leave, close, and put it back.
        Path source = copy.resolveSibling(copy.getFileName().toString().replace(".workflow.json", ".source"));
        byte[] crashCopy = Files.readAllBytes(copy);
        byte[] crashSource = Files.readAllBytes(source);
        Ui.run(() -> page.closeEditor(editor, false));
        assertFalse(Files.exists(copy), "closing without saving on purpose discards the copy");
        Files.write(copy, crashCopy);
        Files.write(source, crashSource);
        assertEquals(List.of(file.toAbsolutePath().normalize()), Recovery.filesWithCopies(Workspace.recovery()),
                "the next start finds the workflow to reopen");

        AtomicReference<Recovery.Pending> asked = new AtomicReference<>();
        EditorRecovery.answer = p -> {
            asked.set(p);
            return true;
        };
        // what the next start does (StartupActions): reopen each workflow with a copy, which asks
        Ui.run(() -> EditorRecovery.reopenAfterCrash(page));
        WorkflowEditor reopened = Ui.call(() -> (WorkflowEditor) page.getActiveEditor());
        assertEquals(file.toAbsolutePath().normalize(), reopened.file().toAbsolutePath().normalize());
        assertEquals(file.toAbsolutePath().normalize(), asked.get().file(), "the user was asked about this file");
        assertEquals(edited, Ui.call(() -> reopened.document().text()), "the restored document is the edited one");
        assertTrue(Ui.call(reopened::isDirty), "restored edits are unsaved edits");
        assertArrayEquals(original, Files.readAllBytes(file));

        Ui.run(() -> reopened.doSave(null));
        Job.getJobManager().join(Recovery.FAMILY, null);
        assertEquals(edited, Files.readString(file, StandardCharsets.UTF_8));
        assertFalse(Files.exists(copy), "a save leaves no recovery copy");
        assertEquals(List.of(), Recovery.filesWithCopies(Workspace.recovery()));
        Ui.run(() -> page.closeEditor(reopened, false));
    }

    @Test
    @Order(2)
    void aDeclinedRecoveryCopyIsDiscardedAndTheFileOpensAsSaved() throws Exception {
        Path file = workspaceCopy("declined.workflow.json");
        WorkflowEditor editor = open(file);
        Ui.run(() -> editor.document().setParameter("rf", "trees", "77"));
        Path copy = editor.recovery().copy();
        editor.recovery().flush();
        byte[] crashCopy = Files.readAllBytes(copy);
        Path source = copy.resolveSibling(copy.getFileName().toString().replace(".workflow.json", ".source"));
        byte[] crashSource = Files.readAllBytes(source);
        Ui.run(() -> page.closeEditor(editor, false));
        Files.write(copy, crashCopy);
        Files.write(source, crashSource);

        EditorRecovery.answer = p -> false;
        WorkflowEditor reopened = open(file);
        assertFalse(Ui.call(reopened::isDirty));
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), Ui.call(() -> reopened.document().text()));
        assertFalse(Files.exists(copy), "a declined copy is not offered again");
        Ui.run(() -> page.closeEditor(reopened, false));
    }

    // ---- 2. welcome page and example gallery ----

    @Test
    @Order(3)
    void theWelcomePageListsEveryShippedExampleAndOpensACopyOfEachWithItsNodes() throws Exception {
        WelcomeView welcome = view(WelcomeView.ID);
        Path examples = Fixtures.example().getParent();
        List<String> expected;
        try (Stream<Path> s = Files.list(examples)) {
            expected = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".workflow.json")).sorted().toList();
        }
        List<ExampleGallery.Example> listed = welcome.examples();
        assertEquals(expected, listed.stream().map(ExampleGallery.Example::fileName).toList());
        assertEquals(List.of("arbin-store.workflow.json", "nasa-soh.workflow.json", "panasonic-twin.workflow.json"),
                expected, "the examples this test was written for");
        List<Integer> counts = new ArrayList<>();
        for (ExampleGallery.Example e : listed) {
            assertFalse(e.description().isBlank(), e.fileName() + " has a description to show");
            WorkflowEditor editor = Ui.call(() -> welcome.open(e));
            Path copy = Workspace.workflows().resolve(e.fileName());
            assertEquals(copy, editor.file(), "the example is opened from the user's workspace");
            assertArrayEquals(Files.readAllBytes(examples.resolve(e.fileName())), Files.readAllBytes(copy));
            int nodes = Ui.call(() -> editor.document().workflow().nodes().size());
            assertEquals(WorkflowJson.read(examples.resolve(e.fileName())).nodes().size(), nodes);
            counts.add(nodes);
        }
        assertEquals(List.of(3, 8, 11), counts);
        Ui.run(() -> page.closeAllEditors(false));
    }

    @Test
    @Order(4)
    void theWelcomePageOpensOnTheFirstStartOnly() throws Exception {
        var prefs = InstanceScope.INSTANCE.getNode("org.nernst.ui");
        Ui.run(() -> {
            IViewPart v = page.findView(WelcomeView.ID);
            if (v != null) {
                page.hideView(v);
            }
        });
        prefs.remove("welcomeShown");
        Ui.run(() -> WelcomeView.showOnFirstStart(page));
        assertNotNull(Ui.call(() -> page.findView(WelcomeView.ID)), "shown on the first start");
        Ui.run(() -> page.hideView(page.findView(WelcomeView.ID)));
        Ui.run(() -> WelcomeView.showOnFirstStart(page));
        assertNull(Ui.call(() -> page.findView(WelcomeView.ID)), "not shown again");
    }

    // ---- 3. help ----

    @Test
    @Order(5)
    void selectingANodeInThePaletteOrOnTheCanvasShowsItsDescriptionParameterRangesAndPorts() throws Exception {
        HelpView help = view(HelpView.ID);
        WorkflowEditor editor = open(workspaceCopy("help.workflow.json"));
        Ui.run(() -> {
            page.activate(editor);
            editor.palette().select(editor.palette().entry("org.nernst.ml.smile.randomForest").orElseThrow());
        });
        assertEquals("org.nernst.ml.smile.randomForest", Ui.call(() -> help.shown().id()));
        String[] trees = Ui.call(() -> help.parameterRows()).stream().filter(r -> r[0].equals("trees")).findFirst()
                .orElseThrow();
        assertArrayEquals(new String[] { "trees", "integer", "1 … 5000", "300",
                "number of trees; more trees give smoother predictions at higher cost" }, trees);
        assertTrue(Ui.call(help::nodeText).contains("Average of many regression trees"), Ui.call(help::nodeText));

        Ui.run(() -> {
            editor.palette().search("");
            editor.canvas().select("cells");
        });
        assertEquals("org.nernst.data.nasaPcoe", Ui.call(() -> help.shown().id()));
        String text = Ui.call(help::nodeText);
        assertTrue(text.contains("Outputs\n  • cycles (table) — one row per cycle"), text);
        assertTrue(text.contains("  • timeseries (table)"), text);
        List<String[]> rows = Ui.call(() -> help.parameterRows());
        assertEquals(List.of("folder", "cells", "series"), rows.stream().map(r -> r[0]).toList());
        assertEquals("discharge", rows.get(2)[3]);
        Ui.run(() -> page.closeEditor(editor, false));
    }

    @Test
    @Order(6)
    void theUserGuideShowsTheWorkbenchPageFirstAsFormattedText() {
        HelpView help = view(HelpView.ID);
        List<String> titles = Ui.call(() -> help.pages().stream().map(p -> p.title()).toList());
        assertEquals("The workbench", titles.get(0));
        assertTrue(titles.size() >= 10, titles.toString());
        Ui.run(() -> help.showPage(0));
        String text = Ui.call(help::pageText);
        assertTrue(text.startsWith("The workbench\n"), text.substring(0, 40));
        assertTrue(text.contains("\nWorkflow editor (*.workflow.json)\n"), "headings without their # and code marks");
        assertFalse(text.contains("**"), "bold markers removed");
    }

    // ---- 4. import wizard and workspace explorer ----

    @Test
    @Order(7)
    void theImportWizardTurnsARealArbinExportIntoAWorkflowThatRuns() throws Exception {
        Path arbin = Path.of(System.getProperty("nernst.data"), "cycler-samples", "arbin", "FastCharge_000025_CH8.csv");
        assertTrue(Files.isRegularFile(arbin), "REAL DATA MISSING: " + arbin);
        ImportDatasetWizard wizard = new ImportDatasetWizard();
        WizardDialog dialog = Ui.call(() -> {
            WizardDialog d = new WizardDialog(page.getWorkbenchWindow().getShell(), wizard);
            d.setBlockOnOpen(false);
            d.open();
            return d;
        });
        List<String> suggested = Ui.call(() -> {
            wizard.page().setData(arbin.toString());
            return wizard.page().listed().subList(0, 3).stream().map(d -> d.id()).sorted().toList();
        });
        assertEquals(List.of("org.nernst.data.csv", "org.nernst.data.cycler", "org.nernst.data.mappedText"), suggested,
                "the connectors that read .csv come first");
        Ui.run(() -> {
            wizard.page().selectConnector("org.nernst.data.cycler");
            wizard.page().setWorkflowName("arbin-ch8");
            wizard.page().setStoreDataset("arbin ch8");
        });
        assertFalse(Ui.call(wizard::canFinish), "a dataset name must be an SQL name");
        Ui.run(() -> wizard.page().setStoreDataset("arbin_ch8"));
        assertTrue(Ui.call(wizard::canFinish));
        // what the Finish button does
        assertTrue(Ui.call(() -> wizard.performFinish() && dialog.close()));
        Path created = wizard.created();
        assertEquals(Workspace.workflows().resolve("arbin-ch8.workflow.json"), created);
        var wf = WorkflowJson.read(created);
        assertEquals(2, wf.nodes().size(), "the reader and the store import");
        assertEquals("org.nernst.data.cycler", wf.nodes().get(0).type());
        assertEquals("org.nernst.store.import", wf.nodes().get(1).type());
        assertEquals("arbin_ch8", wf.nodes().get(1).parameters().get("dataset"));
        assertEquals(arbin.toAbsolutePath().normalize().toString(), wf.nodes().get(0).parameters().get("file"));

        WorkflowEditor editor = wizard.editor();
        assertEquals(created, editor.file(), "Finish opens the new workflow");
        String node = wf.nodes().get(0).id();
        RunWorkflowJob job = Ui.call(() -> editor.run(null));
        job.join();
        IStatus status = job.getResult();
        assertTrue(status.isOK(), status.toString());
        assertEquals(NodeState.DONE, Ui.call(() -> editor.document().state(node)));
        Result out = Ui.call(() -> editor.document().runState().entry(node).outputs().get("table"));
        Table t = (Table) out.value();
        assertEquals(248, t.rowCount(), "every sample of the export");
        assertEquals("FastCharge_000025_CH8", t.column("cell").format(0));
        Table summary = (Table) Ui.call(() -> editor.document().runState().entry("store").outputs().get("summary")).value();
        assertEquals("arbin_ch8", summary.column("dataset").format(0));
        assertEquals("248", summary.column("rows").format(0), "every sample stored");

        WorkspaceView explorer = view(WorkspaceView.ID);
        Ui.run(explorer::refresh);
        assertEquals(Workspace.folder(), explorer.root());
        assertTrue(Ui.call(() -> explorer.children(explorer.root())).contains(Workspace.workflows()),
                "the workspace shows its workflows folder");
        assertTrue(Ui.call(() -> explorer.children(Workspace.workflows())).contains(created),
                "and the imported workflow in it");
        assertFalse(Ui.call(() -> explorer.children(explorer.root())).stream()
                .anyMatch(p -> p.getFileName().toString().startsWith(".")), "metadata stays hidden");
        Ui.run(() -> page.closeAllEditors(false));
        Ui.run(() -> explorer.open(created));
        assertEquals(created, Ui.call(() -> ((WorkflowEditor) page.getActiveEditor()).file()),
                "double-clicking a workflow in the explorer opens it");
    }

    // ---- 5. canvas polish ----

    private static void mouse(WorkflowEditor editor, int type, int x, int y, int stateMask) {
        org.eclipse.swt.widgets.Event e = new org.eclipse.swt.widgets.Event();
        e.button = 1;
        e.x = x;
        e.y = y;
        e.stateMask = stateMask;
        editor.canvas().notifyListeners(type, e);
    }

    private static void drag(WorkflowEditor editor, int x0, int y0, int x1, int y1) {
        mouse(editor, org.eclipse.swt.SWT.MouseDown, x0, y0, 0);
        mouse(editor, org.eclipse.swt.SWT.MouseMove, x1, y1, 0);
        mouse(editor, org.eclipse.swt.SWT.MouseUp, x1, y1, 0);
    }

    @Test
    @Order(8)
    void theCanvasScrollsWhenTheZoomedGraphIsLargerThanTheView() throws Exception {
        WorkflowEditor editor = open(workspaceCopy("scroll.workflow.json"));
        var canvas = editor.canvas();
        Ui.run(() -> {
            page.activate(editor);
            canvas.setZoom(3);
        });
        assertTrue(Ui.call(() -> canvas.getHorizontalBar().getVisible() && canvas.getVerticalBar().getVisible()),
                "both scrollbars at 300 %");
        // the rightmost node (the plots, at x = 700) ends at (700 + 180 + 40 margin) × 3 pixels
        int maxX = Ui.call(() -> editor.document().workflow().nodes().stream().mapToInt(n -> n.x()).max().orElseThrow());
        assertEquals((maxX + 180 + 40) * 3, (int) Ui.call(() -> canvas.getHorizontalBar().getMaximum()));
        Ui.run(() -> canvas.scrollTo(300, 150));
        assertEquals(new org.eclipse.swt.graphics.Point(300, 150), Ui.call(canvas::origin));
        assertEquals(new org.eclipse.swt.graphics.Point(100, 50), Ui.call(() -> canvas.toModel(0, 0)),
                "pointer positions follow the scroll position");
        Ui.run(canvas::fit);
        assertFalse(Ui.call(() -> canvas.getHorizontalBar().getVisible() || canvas.getVerticalBar().getVisible()),
                "no scrollbars when the graph fits");
        assertEquals(new org.eclipse.swt.graphics.Point(0, 0), Ui.call(canvas::origin));
        Ui.run(() -> page.closeEditor(editor, false));
    }

    @Test
    @Order(9)
    void aRubberBandSelectsSeveralNodesThatMoveAndDeleteAsOneUndoableEdit() throws Exception {
        WorkflowEditor editor = open(workspaceCopy("band.workflow.json"));
        WorkflowDocument doc = editor.document();
        String original = Ui.call(doc::text);
        Ui.run(() -> {
            page.activate(editor);
            editor.canvas().setZoom(1);
            editor.canvas().scrollTo(0, 0);
            // from empty canvas left of the models (gpr at 260,260 and rf at 260,360) around both
            drag(editor, 250, 245, 450, 400);
        });
        assertEquals(java.util.Set.of("gpr", "rf"), Ui.call(() -> editor.canvas().selectionSet()));

        Ui.run(() -> drag(editor, 300, 270, 340, 290)); // grab gpr's title, move by (40, 20)
        assertEquals(List.of(300, 280, 300, 380), Ui.call(() -> List.of(doc.workflow().node("gpr").orElseThrow().x(),
                doc.workflow().node("gpr").orElseThrow().y(), doc.workflow().node("rf").orElseThrow().x(),
                doc.workflow().node("rf").orElseThrow().y())), "both moved by the drag of one");
        Ui.call(() -> doc.history().undo(doc.undoContext(), null, null));
        assertEquals(original, Ui.call(doc::text), "one undo puts both back");
        Ui.run(() -> {
            mouse(editor, org.eclipse.swt.SWT.MouseDown, 300, 370, 0); // rf, still selected with gpr
            mouse(editor, org.eclipse.swt.SWT.MouseUp, 300, 370, 0);
        });
        assertEquals(java.util.Set.of("rf"), Ui.call(() -> editor.canvas().selectionSet()),
                "a click without a drag selects just the clicked node");

        Ui.run(() -> {
            editor.canvas().selectAll(List.of("gpr", "rf"));
            org.eclipse.swt.widgets.Event key = new org.eclipse.swt.widgets.Event();
            key.keyCode = org.eclipse.swt.SWT.DEL;
            editor.canvas().notifyListeners(org.eclipse.swt.SWT.KeyDown, key);
        });
        assertEquals(List.of("cells", "features", "cv_gpr", "cv_rf", "plot_gpr", "plot_rf"),
                Ui.call(() -> doc.workflow().nodes().stream().map(n -> n.id()).toList()));
        assertFalse(Ui.call(() -> doc.workflow().node("cv_rf").orElseThrow().inputs().containsKey("estimator")),
                "connections from the deleted nodes went with them");
        Ui.call(() -> doc.history().undo(doc.undoContext(), null, null));
        assertEquals(original, Ui.call(doc::text), "one undo restores both nodes and their connections");
        Ui.run(() -> page.closeEditor(editor, false));
    }

    @Test
    @Order(10)
    void renamingANodeIsUndoableAndSavedAsItsLabel() throws Exception {
        Path file = workspaceCopy("rename.workflow.json");
        WorkflowEditor editor = open(file);
        WorkflowDocument doc = editor.document();
        Ui.run(() -> doc.rename("gpr", "  GP regressor  ")); // what Workflow → Rename Node… (F2) applies
        assertEquals("GP regressor", Ui.call(() -> doc.workflow().node("gpr").orElseThrow().label()));
        assertEquals("gpr", Ui.call(() -> doc.workflow().node("cv_gpr").orElseThrow().inputs().get("estimator").node()),
                "connections keep the id");
        Ui.call(() -> doc.history().undo(doc.undoContext(), null, null));
        assertEquals("Gaussian process", Ui.call(() -> doc.workflow().node("gpr").orElseThrow().label()));
        Ui.call(() -> doc.history().redo(doc.undoContext(), null, null));
        Ui.run(() -> editor.doSave(null));
        assertEquals("GP regressor", WorkflowJson.read(file).node("gpr").orElseThrow().label());
        assertTrue(Files.readString(file).contains("\"label\": \"GP regressor\""), "saved as the node's label");
        Ui.run(() -> page.closeEditor(editor, false));
    }

    // ---- menus, registry, and a picture of the new views ----

    @Test
    @Order(11)
    void theImportWizardIsInFileImportAndHelpCommandsOpenTheirViews() throws Exception {
        var wizard = Ui.call(() -> PlatformUI.getWorkbench().getImportWizardRegistry()
                .findWizard("org.nernst.ui.importDataset"));
        assertNotNull(wizard, "registered for File → Import…");
        assertTrue(Ui.call(() -> wizard.createWizard()) instanceof ImportDatasetWizard);
        var handlers = PlatformUI.getWorkbench().getService(org.eclipse.ui.handlers.IHandlerService.class);
        Ui.run(() -> {
            for (String v : List.of(WelcomeView.ID, HelpView.ID)) {
                IViewPart part = page.findView(v);
                if (part != null) {
                    page.hideView(part);
                }
            }
        });
        Ui.run(() -> {
            try {
                handlers.executeCommand("org.nernst.ui.showWelcome", null);
                handlers.executeCommand("org.nernst.ui.showHelp", null);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertNotNull(Ui.call(() -> page.findView(WelcomeView.ID)), "Help → Welcome");
        assertNotNull(Ui.call(() -> page.findView(HelpView.ID)), "Help → Node Help");
    }

    @Test
    @Order(12)
    void aScreenshotOfTheWelcomePageHelpViewAndWorkspaceIsSaved() throws Exception {
        WelcomeView welcome = view(WelcomeView.ID);
        WorkflowEditor editor = Ui.call(() -> welcome.open(welcome.examples().stream()
                .filter(e -> e.fileName().equals("nasa-soh.workflow.json")).findFirst().orElseThrow()));
        HelpView help = view(HelpView.ID);
        view(WorkspaceView.ID);
        Path shots = Path.of(System.getProperty("nernst.screenshots", "target/screenshots"));
        Files.createDirectories(shots);
        Path png = shots.resolve("workbench-welcome-help.png");
        Ui.run(() -> {
            page.activate(editor);
            editor.canvas().select("gpr");
            page.bringToTop(welcome);
            page.bringToTop(help);
            var shell = page.getWorkbenchWindow().getShell();
            var screen = shell.getDisplay().getPrimaryMonitor().getBounds();
            shell.setBounds(0, 0, Math.min(1600, screen.width), Math.min(1000, screen.height));
            Ui.awaitPaint(editor.canvas());
            editor.canvas().fit();
            Ui.awaitPaint(editor.canvas());
            var display = shell.getDisplay();
            var size = shell.getSize();
            var image = new org.eclipse.swt.graphics.Image(display, size.x, size.y);
            var gc = new org.eclipse.swt.graphics.GC(display);
            gc.copyArea(image, shell.getLocation().x, shell.getLocation().y);
            gc.dispose();
            var loader = new org.eclipse.swt.graphics.ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
            loader.save(png.toString(), org.eclipse.swt.SWT.IMAGE_PNG);
            image.dispose();
        });
        assertEquals("org.nernst.ml.smile.gaussianProcess", Ui.call(() -> help.shown().id()));
        assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, java.util.Arrays.copyOf(Files.readAllBytes(png), 4));
        System.out.println("WorkbenchToolsTest: screenshot " + png);
    }
}

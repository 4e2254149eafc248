package org.nernst.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.operations.DefaultOperationHistory;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.workflow.PortRef;
import org.nernst.ui.internal.model.NodeState;
import org.nernst.ui.internal.model.RunState;
import org.nernst.ui.internal.model.WorkflowDocument;

/** The editing model without any widget: the editor's commands, undo/redo, dirty state, save, staleness. */
class WorkflowDocumentTest {
    private final NodeRegistry registry = NodeRegistry.platform();
    private IOperationHistory history;
    private WorkflowDocument doc;

    @BeforeEach
    void openExample() throws Exception {
        history = new DefaultOperationHistory();
        doc = WorkflowDocument.open(Fixtures.example(), registry, history);
    }

    @Test
    void savingAnUneditedWorkflowReproducesTheFileByteForByte(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("nasa-soh.workflow.json");
        Files.copy(Fixtures.example(), copy);
        WorkflowDocument opened = WorkflowDocument.open(copy, registry, history);
        assertFalse(opened.isDirty());
        opened.save(copy);
        assertArrayEquals(Files.readAllBytes(Fixtures.example()), Files.readAllBytes(copy));
    }

    @Test
    void aWorkflowFileWithoutLayoutOpensLaidOutAndCleanAndAPlacedOneKeepsItsPlaces(@TempDir Path dir) throws Exception {
        // the shipped arbin-store example is written without positions, as hand-written workflows are
        Path unplaced = Fixtures.example().resolveSibling("arbin-store.workflow.json");
        org.nernst.core.workflow.Workflow raw = org.nernst.core.workflow.WorkflowJson.read(unplaced);
        assertTrue(raw.nodes().size() >= 2 && raw.nodes().stream().allMatch(n -> n.x() == 0 && n.y() == 0),
                "the fixture has no layout");
        WorkflowDocument opened = WorkflowDocument.open(unplaced, registry, history);
        assertEquals(raw.nodes().size(), opened.workflow().nodes().stream().map(n -> n.x() + "," + n.y()).distinct().count(),
                "every node in a place of its own");
        assertFalse(opened.isDirty(), "a layout computed at open is not an edit");
        assertEquals(0, history.getUndoHistory(opened.undoContext()).length);
        // each reader is left of what it feeds
        for (org.nernst.core.workflow.WorkflowNode n : opened.workflow().nodes()) {
            for (PortRef in : n.inputs().values()) {
                assertTrue(opened.workflow().node(in.node()).orElseThrow().x() < n.x(), in.node() + " left of " + n.id());
            }
        }
        // a workflow with positions opens exactly as saved
        assertEquals(org.nernst.core.workflow.WorkflowJson.read(Fixtures.example()).nodes(), doc.workflow().nodes());
    }

    @Test
    void undoingEveryEditRestoresTheIdenticalJsonAndRedoReplaysIt() throws Exception {
        String original = doc.text();
        List<String> after = new ArrayList<>();
        String lr = doc.addNode(registry.find("org.nernst.ml.smile.randomForest").orElseThrow(), 10, 500);
        after.add(doc.text());
        doc.setParameter(lr, "trees", "50");
        after.add(doc.text());
        doc.connect(lr, "estimator", "cv_rf", "estimator");
        after.add(doc.text());
        doc.move("plot_gpr", 900, 20);
        after.add(doc.text());
        doc.disconnect("plot_rf", "table");
        after.add(doc.text());
        doc.removeNode("gpr");
        after.add(doc.text());
        doc.autoLayout();
        after.add(doc.text());
        assertTrue(doc.isDirty());
        assertEquals(after.size(), history.getUndoHistory(doc.undoContext()).length);

        for (int i = after.size() - 1; i >= 0; i--) {
            assertEquals(after.get(i), doc.text(), "before undo #" + (after.size() - i));
            assertTrue(history.undo(doc.undoContext(), null, null).isOK());
        }
        assertEquals(original, doc.text());
        assertFalse(doc.isDirty(), "undoing every edit leaves nothing to save");
        for (String expected : after) {
            assertTrue(history.redo(doc.undoContext(), null, null).isOK());
            assertEquals(expected, doc.text());
        }
    }

    @Test
    void removingANodeAlsoRemovesTheConnectionsFromIt() {
        doc.removeNode("cv_gpr");
        assertTrue(doc.workflow().node("cv_gpr").isEmpty());
        assertTrue(doc.workflow().node("plot_gpr").orElseThrow().inputs().isEmpty());
        assertEquals(NodeState.NOT_CONFIGURED, doc.state("plot_gpr"));
        assertEquals(List.of("required input 'table' (table) is not connected"), doc.problems("plot_gpr"));
    }

    @Test
    void anIncompatibleConnectionIsRefusedWithTheReasonAndChangesNothing() {
        String before = doc.text();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> doc.connect("cv_gpr", "metrics", "plot_rf", "table"));
        assertEquals("input 'plot_rf.table' takes table but output 'cv_gpr.metrics' gives metrics", e.getMessage());
        assertEquals(before, doc.text());
        assertEquals(0, history.getUndoHistory(doc.undoContext()).length);
    }

    @Test
    void aConnectionThatWouldCloseACycleIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> doc.connect("cv_gpr", "predictions", "features", "cycles"));
        assertTrue(e.getMessage().contains("would make a cycle"), e.getMessage());
    }

    @Test
    void aParameterOutOfRangeIsRefusedWithTheBound() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> doc.setParameter("rf", "trees", "0"));
        assertEquals("parameter 'trees' = 0 is below the minimum 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> doc.setParameter("cv_gpr", "scheme", "random"));
        assertTrue(e.getMessage().contains("is not one of [kfold, leave-one-group-out, group-kfold]"), e.getMessage());
        assertEquals(300L, doc.workflow().node("rf").orElseThrow().parameters().get("trees"));
    }

    @Test
    void settingAParameterStoresTheTypedValueAndBlankRestoresTheDefault() {
        doc.setParameter("rf", "trees", "120");
        assertEquals(120L, doc.workflow().node("rf").orElseThrow().parameters().get("trees"));
        doc.setParameter("plot_gpr", "y", "capacity, capacity_predicted");
        assertEquals(List.of("capacity", "capacity_predicted"),
                doc.workflow().node("plot_gpr").orElseThrow().parameters().get("y"));
        doc.setParameter("rf", "trees", "");
        assertFalse(doc.workflow().node("rf").orElseThrow().parameters().containsKey("trees"));
    }

    @Test
    void aParameterChangeMarksTheNodeAndEverythingDownstreamStale() {
        RunState runs = doc.runState();
        for (var n : doc.workflow().nodes()) {
            runs.update(n.id(), runs.revision(n.id()), new RunState.Entry(NodeState.DONE, 1, "", Map.of()));
        }
        doc.setParameter("features", "voltageThreshold", "3.2");
        for (String id : List.of("features", "cv_gpr", "cv_rf", "plot_gpr", "plot_rf")) {
            assertEquals(NodeState.STALE, doc.state(id), id);
        }
        for (String id : List.of("cells", "gpr", "rf")) {
            assertEquals(NodeState.DONE, doc.state(id), id);
        }
        // a result that arrives for the old revision (a run started before the edit) is dropped
        runs.update("features", 0, new RunState.Entry(NodeState.DONE, 1, "", Map.of()));
        assertEquals(NodeState.STALE, doc.state("features"));
    }

    @Test
    void movingANodeDoesNotMakeItsResultStale() {
        RunState runs = doc.runState();
        runs.update("rf", 0, new RunState.Entry(NodeState.DONE, 1, "", Map.of()));
        doc.move("rf", 123, 456);
        assertEquals(NodeState.DONE, doc.state("rf"));
    }

    @Test
    void autoLayoutPlacesEachNodeOneColumnRightOfItsDeepestSource() {
        doc.autoLayout();
        Map<String, Integer> column = Map.of("cells", 0, "gpr", 0, "rf", 0, "features", 1, "cv_gpr", 2, "cv_rf", 2,
                "plot_gpr", 3, "plot_rf", 3);
        column.forEach((id, c) -> assertEquals(40 + 230 * c, doc.workflow().node(id).orElseThrow().x(), id));
        assertEquals(40, doc.workflow().node("cells").orElseThrow().y());
        assertEquals(170, doc.workflow().node("gpr").orElseThrow().y());
        assertEquals(300, doc.workflow().node("rf").orElseThrow().y());
    }

    @Test
    void aNewNodeGetsAReadableUniqueIdAndIsNotConfiguredUntilItsInputsAreConnected() {
        String a = doc.addNode(registry.find("org.nernst.core.crossValidate").orElseThrow(), 0, 0);
        String b = doc.addNode(registry.find("org.nernst.core.crossValidate").orElseThrow(), 0, 0);
        assertEquals("crossValidate", a);
        assertEquals("crossValidate_2", b);
        assertEquals(NodeState.NOT_CONFIGURED, doc.state(a));
        doc.connect("features", "features", a, "table");
        doc.connect("gpr", "estimator", a, "estimator");
        List<String> problems = doc.problems(a);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("'target'"), problems.get(0));
        doc.setParameter(a, "target", "capacity");
        assertEquals(List.of(), doc.problems(a));
        assertEquals(NodeState.READY, doc.state(a));
        assertEquals(new PortRef("gpr", "estimator"), doc.workflow().node(a).orElseThrow().inputs().get("estimator"));
    }
}

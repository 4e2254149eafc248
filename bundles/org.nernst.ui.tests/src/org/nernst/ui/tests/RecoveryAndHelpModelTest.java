package org.nernst.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.commands.operations.DefaultOperationHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.node.ParameterSpec;
import org.nernst.core.node.ParameterType;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.ui.internal.explorer.DatasetImport;
import org.nernst.ui.internal.help.NodeHelp;
import org.nernst.ui.internal.model.Recovery;
import org.nernst.ui.internal.model.WorkflowDocument;

/** Recovery copies, the Help view's parameter table and the import's connector choice, without widgets. */
class RecoveryAndHelpModelTest {
    private final NodeRegistry registry = NodeRegistry.platform();

    @Test
    void aRecoveryCopyFollowsUnsavedEditsAndGoesWhenTheDocumentIsSavedOrUndoneToTheFile(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("w.workflow.json");
        Files.copy(Fixtures.example(), file);
        Path folder = dir.resolve("recovery");
        WorkflowDocument doc = WorkflowDocument.open(file, registry, new DefaultOperationHistory());
        Recovery r = Recovery.attach(doc, folder, file);
        assertFalse(Files.exists(r.copy()), "no copy without edits");
        doc.setParameter("rf", "trees", "10");
        r.flush();
        assertEquals(doc.text(), Files.readString(r.copy(), StandardCharsets.UTF_8));
        assertEquals(List.of(file.toAbsolutePath().normalize()), Recovery.filesWithCopies(folder));
        doc.setParameter("rf", "trees", "20");
        r.flush();
        assertEquals(doc.text(), Files.readString(r.copy(), StandardCharsets.UTF_8), "the newest edit is in the copy");

        doc.history().undo(doc.undoContext(), null, null);
        doc.history().undo(doc.undoContext(), null, null);
        assertFalse(doc.isDirty());
        assertFalse(Files.exists(r.copy()), "undone back to the file: nothing to recover");

        doc.move("gpr", 1, 2);
        r.flush();
        assertTrue(Recovery.find(folder, file).isPresent());
        doc.save(file);
        assertFalse(Files.exists(r.copy()), "saved: nothing to recover");
        assertTrue(Recovery.find(folder, file).isEmpty());
        r.close();
    }

    @Test
    void aCopyEqualToTheFileOnDiskIsNotOffered(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("w.workflow.json");
        Files.copy(Fixtures.example(), file);
        Path folder = dir.resolve("recovery");
        WorkflowDocument doc = WorkflowDocument.open(file, registry, new DefaultOperationHistory());
        Recovery r = Recovery.attach(doc, folder, file);
        doc.rename("gpr", "GP");
        r.flush();
        // the user saved the same text some other way (or the save landed just before a crash)
        Files.copy(r.copy(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Recovery.find(folder, file).isEmpty());
        assertEquals(List.of(), Recovery.filesWithCopies(folder));
    }

    @Test
    void theParameterTableShowsRangesChoicesAndDefaultsAsAScientistReadsThem() {
        var rf = registry.find("org.nernst.ml.smile.randomForest").orElseThrow();
        assertEquals(List.of("trees", "integer", "1 … 5000", "300"),
                List.of(NodeHelp.parameterRows(rf).get(0)).subList(0, 4));
        assertEquals("auto | comma | semicolon | tab", NodeHelp.range(
                registry.find("org.nernst.data.csv").orElseThrow().parameter("delimiter").orElseThrow()));
        assertEquals("1e-08 … 10", NodeHelp.range(new ParameterSpec("noise", ParameterType.DOUBLE, "", "", null,
                1e-8, 10.0, List.of(), false)));
        assertEquals("≥ 0.05", NodeHelp.range(new ParameterSpec("x", ParameterType.DOUBLE, "", "", null, 0.05, null,
                List.of(), false)));
        String[] file = NodeHelp.parameterRows(registry.find("org.nernst.data.csv").orElseThrow()).get(0);
        assertEquals("(required)", file[3], "a required parameter without default says so");
    }

    @Test
    void theImportSuggestsTheConnectorsThatDeclareTheFilesExtension(@TempDir Path dir) throws Exception {
        Path mat = Files.createFile(dir.resolve("B0005.mat"));
        assertEquals(Set.of("org.nernst.data.nasaPcoe", "org.nernst.data.digatronMat", "org.nernst.data.seversonBatch",
                "org.nernst.data.matVariables"),
                Set.copyOf(DatasetImport.suggested(registry, mat).stream().map(d -> d.id()).toList()));
        Path target = dir.resolve("nasa.workflow.json");
        var wf = DatasetImport.createWorkflow(registry.find("org.nernst.data.nasaPcoe").orElseThrow(), mat, target);
        assertEquals(Map.of("folder", dir.toAbsolutePath().normalize().toString()), wf.nodes().get(0).parameters(),
                "a connector that reads folders gets the file's folder");
        assertThrows(IllegalArgumentException.class, () -> DatasetImport.createWorkflow(
                registry.find("org.nernst.data.csv").orElseThrow(), dir.resolve("missing.csv"), target));
    }
}

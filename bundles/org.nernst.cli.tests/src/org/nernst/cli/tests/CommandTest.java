package org.nernst.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.registry.NodeRegistry;

class CommandTest {

    @Test
    void listShowsEveryInstalledNodeWithKindPortsAndParameters() {
        Cli.Outcome o = Cli.run("list");
        assertEquals(0, o.code(), o.err());
        for (NodeDescriptor d : NodeRegistry.platform().nodes()) {
            assertTrue(o.out().contains(d.id() + "  [" + d.kind().label() + "]"), d.id() + " missing from:\n" + o.out());
        }
        assertTrue(o.out().contains("org.nernst.ml.smile.gaussianProcess  [estimator]"), o.out());
        assertTrue(o.out().contains("    par  folds: integer = 5 [2..1000]"), o.out());
        assertTrue(o.out().contains("    in   estimator: estimator"), o.out());
    }

    @Test
    void listFiltersByKind() {
        Cli.Outcome o = Cli.run("list", "--kind", "dataset");
        assertTrue(o.out().contains("org.nernst.data.csv"));
        assertFalse(o.out().contains("org.nernst.core.crossValidate"));
    }

    @Test
    void helpListsTheExitCodes() {
        Cli.Outcome o = Cli.run("--help");
        assertEquals(0, o.code());
        for (String s : new String[] { "2   bad command line", "3   the workflow file", "4   input data error",
                "5   a node failed", "6   cancelled" }) {
            assertTrue(o.out().contains(s), s + " missing from:\n" + o.out());
        }
    }

    @Test
    void exampleWorkflowIsValid() {
        Cli.Outcome o = Cli.run("validate", Cli.EXAMPLE.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("valid (8 nodes)"), o.out());
    }

    @Test
    void invalidWorkflowExitsWith3AndSaysWhy(@TempDir Path dir) throws Exception {
        Path wf = dir.resolve("bad.workflow.json");
        Files.writeString(wf, Files.readString(Cli.EXAMPLE).replace("\"org.nernst.ml.smile.randomForest\"",
                "\"org.nernst.ml.smile.noSuchForest\""));
        Cli.Outcome o = Cli.run("validate", wf.toString());
        assertEquals(3, o.code());
        assertTrue(o.err().contains("node 'rf': unknown node type 'org.nernst.ml.smile.noSuchForest'"), o.err());
        assertEquals(3, Cli.run("run", wf.toString(), "--out", dir.resolve("out").toString()).code());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void badOverrideIsAnInvalidWorkflow() {
        Cli.Outcome o = Cli.run("validate", Cli.EXAMPLE.toString(), "--set", "cv_gpr.folds=1");
        assertEquals(3, o.code());
        assertTrue(o.err().contains("parameter 'folds' = 1 is below the minimum 2"), o.err());
        Cli.Outcome missing = Cli.run("validate", Cli.EXAMPLE.toString(), "--set", "nosuchnode.x=1");
        assertEquals(3, missing.code());
        assertTrue(missing.err().contains("the workflow has no node 'nosuchnode'"), missing.err());
    }

    @Test
    void validateAndRunAgreeOnWhatANodeRefuses(@TempDir Path dir) {
        // the cross-validation node refuses a target that is also a feature: a workflow error, before anything runs
        String[] set = { "--set", "cv_gpr.features=capacity,cycle" };
        Cli.Outcome v = Cli.run("validate", Cli.EXAMPLE.toString(), set[0], set[1]);
        assertEquals(3, v.code(), v.err());
        assertTrue(v.err().contains("the target 'capacity' is also listed as a feature"), v.err());
        Cli.Outcome r = Cli.run("run", Cli.EXAMPLE.toString(), set[0], set[1], "--out", dir.resolve("o").toString());
        assertEquals(3, r.code(), r.err());
    }

    @Test
    void missingWorkflowFileAndUnknownCommand() {
        assertEquals(3, Cli.run("validate", "no/such.workflow.json").code());
        Cli.Outcome o = Cli.run("frobnicate");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("unknown command 'frobnicate'"));
        assertEquals(2, Cli.run("run").code());
    }
}

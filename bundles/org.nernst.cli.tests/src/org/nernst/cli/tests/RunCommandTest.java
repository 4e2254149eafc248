package org.nernst.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class RunCommandTest {

    private static JsonObject json(Path p) throws Exception {
        return JsonParser.parseString(Files.readString(p)).getAsJsonObject();
    }

    @Test
    void exampleWorkflowRunsEndToEndOnTheNasaCells(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("nasa-soh");
        Cli.Outcome o = Cli.run("run", Cli.EXAMPLE.toString(), "--set", "cells.folder=" + Cli.nasaData(), "--out",
                out.toString());
        assertEquals(0, o.code(), o.err());

        JsonObject gpr = json(out.resolve("cv_gpr.metrics.json"));
        JsonObject rf = json(out.resolve("cv_rf.metrics.json"));
        for (JsonObject m : List.of(gpr, rf)) {
            assertEquals("leave-one-group-out", m.get("scheme").getAsString());
            assertEquals(8, m.getAsJsonObject("groups").size(), "one entry per held-out cell");
            double rmse = m.getAsJsonObject("overall").get("rmse").getAsDouble();
            // capacities are 1.5-1.9 Ah; a model no better than the cell-independent mean has RMSE ~0.07 Ah
            assertTrue(rmse > 0.001 && rmse < 0.06, "test-cell RMSE out of the sane range: " + rmse);
            assertTrue(m.getAsJsonObject("overall").get("r2").getAsDouble() > 0.3, m.toString());
        }
        int kept = Files.readAllLines(out.resolve("features.features.csv")).size() - 1;
        assertEquals(4 * 28 + 4 * 40, kept + excluded(out), "every discharge cycle is kept or excluded");
        assertEquals(kept, gpr.getAsJsonObject("overall").get("n").getAsInt());
        for (String cell : List.of("B0025", "B0028", "B0032")) {
            assertTrue(gpr.getAsJsonObject("groups").getAsJsonObject(cell).get("mae").getAsDouble() < 0.1, cell);
        }

        byte[] png = Files.readAllBytes(out.resolve("plot_gpr.figure.png"));
        assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, Arrays.copyOf(png, 8));
        BufferedImage img = ImageIO.read(out.resolve("plot_gpr.figure.png").toFile());
        assertTrue(img.getWidth() >= 800 && img.getHeight() >= 400, img.getWidth() + "x" + img.getHeight());
        assertTrue(Files.readString(out.resolve("plot_gpr.figure.svg")).contains("<svg"));

        List<String> predictions = Files.readAllLines(out.resolve("cv_gpr.predictions.csv"));
        assertTrue(predictions.get(0).contains("capacity_predicted [Ah]") && predictions.get(0).contains("capacity_std [Ah]"),
                predictions.get(0));
        JsonObject prov = json(out.resolve("cv_gpr.predictions.provenance.json"));
        assertEquals("nasa-soh", prov.get("workflow").getAsString());
        assertEquals(42, prov.get("seed").getAsLong());
        assertTrue(prov.getAsJsonObject("bundles").has("org.nernst.core"));
        assertTrue(prov.getAsJsonObject("inputHashes").has("table"));
        assertTrue(o.err().contains("WARNING: excluded"), "invalid cycles are reported:\n" + o.err());
        assertTrue(o.out().contains("cv_gpr: Gaussian process regression leave-one-group-out  RMSE"), o.out());
    }

    /** A workflow file of one node, with the node's id the workflow name's first letter. */
    private static Path oneNodeWorkflow(Path dir, String name, String type) throws Exception {
        Path wf = dir.resolve(name + ".workflow.json");
        Files.writeString(wf, "{\"format\": \"nernst-workflow\", \"formatVersion\": 1, \"name\": \"" + name
                + "\", \"nodes\": [ {\"id\": \"" + name.charAt(0) + "\", \"type\": \"" + type + "\"} ]}\n");
        return wf;
    }

    private static int excluded(Path out) throws Exception {
        return Files.readAllLines(out.resolve("features.excluded.csv")).size() - 1;
    }

    @Test
    void inputDataErrorExitsWith4AndWritesNothing(@TempDir Path dir) {
        Path out = dir.resolve("out");
        Cli.Outcome o = Cli.run("run", Cli.EXAMPLE.toString(), "--set", "cells.folder=" + Cli.nasaData(), "--set",
                "cells.cells=B0025,B9999", "--out", out.toString());
        assertEquals(4, o.code(), o.err());
        assertTrue(o.err().contains("B9999.mat: file not found"), o.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void executionFailureExitsWith5AndKeepsThePreviousResults(@TempDir Path dir) throws Exception {
        Path wf = oneNodeWorkflow(dir, "fail", "test.cli.failing");
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve(".nernst-result"), "");
        Files.writeString(out.resolve("earlier.csv"), "x\n1\n");
        Cli.Outcome o = Cli.run("run", wf.toString(), "--out", out.toString());
        assertEquals(5, o.code(), o.err());
        assertTrue(o.err().contains("node 'f' (test.cli.failing) failed: deliberate failure"), o.err());
        assertTrue(Files.exists(out.resolve("earlier.csv")), "a failed run must not touch earlier results");
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "no partial folder left beside the output");
        }
    }

    @Test
    void anExistingFolderThatIsNotAResultFolderIsNeverReplaced(@TempDir Path dir) throws Exception {
        Path mine = dir.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        Cli.Outcome o = Cli.run("run", Cli.EXAMPLE.toString(), "--set", "cells.folder=" + Cli.nasaData(), "--out",
                mine.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("is not a Nernst result folder"), o.err());
        assertEquals("keep me", Files.readString(mine.resolve("notes.txt")));
    }

    @Test
    void aCancelFileThatAlreadyExistsIsRefused(@TempDir Path dir) throws Exception {
        Path cancel = dir.resolve("cancel");
        Files.writeString(cancel, "");
        Cli.Outcome o = Cli.run("run", Cli.EXAMPLE.toString(), "--cancel-file", cancel.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("already exists"), o.err());
    }

    @Test
    void overridesAreSavedWithTheirDeclaredTypes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Cli.Outcome o = Cli.run("run", Cli.EXAMPLE.toString(), "--set", "cells.folder=" + Cli.nasaData(), "--set",
                "cells.cells=B0025,B0026,B0027", "--set", "cv_rf.scheme=group-kfold", "--set", "cv_rf.folds=3",
                "--set", "rf.trees=20", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        JsonObject saved = json(out.resolve("workflow.json"));
        JsonObject rf = null, cells = null;
        for (var n : saved.getAsJsonArray("nodes")) {
            String id = n.getAsJsonObject().get("id").getAsString();
            if (id.equals("cv_rf")) {
                rf = n.getAsJsonObject().getAsJsonObject("parameters");
            } else if (id.equals("cells")) {
                cells = n.getAsJsonObject().getAsJsonObject("parameters");
            }
        }
        assertTrue(rf.get("folds").getAsJsonPrimitive().isNumber(), rf.toString());
        assertTrue(cells.get("cells").isJsonArray(), cells.toString());
        JsonObject m = json(out.resolve("cv_rf.metrics.json"));
        assertEquals("group-kfold", m.get("scheme").getAsString());
        assertEquals(3, m.get("folds").getAsInt());
    }

    @Test
    void cancelFileStopsTheRunWithinASecondAndWritesNothing(@TempDir Path dir) throws Exception {
        Path wf = oneNodeWorkflow(dir, "block", "test.cli.blocking");
        Path cancel = dir.resolve("cancel");
        Path out = dir.resolve("out");
        TestNodes.started = new CountDownLatch(1);
        AtomicReference<Cli.Outcome> result = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            result.set(Cli.run("run", wf.toString(), "--cancel-file", cancel.toString(), "--out", out.toString()));
            done.countDown();
        });
        t.start();
        assertTrue(TestNodes.started.await(20, TimeUnit.SECONDS), "the blocking node never started");
        Files.writeString(cancel, "");
        assertTrue(done.await(1, TimeUnit.SECONDS), "still running 1 s after the cancel file appeared");
        assertEquals(6, result.get().code(), result.get().err());
        assertTrue(result.get().err().contains("cancelled; no output written"));
        assertFalse(Files.exists(out));
    }
}

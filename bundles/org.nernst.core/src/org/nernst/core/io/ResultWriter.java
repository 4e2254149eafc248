package org.nernst.core.io;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.nernst.core.exec.Result;
import org.nernst.core.exec.RunResult;
import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.ml.TrainedModel;
import org.nernst.core.node.Figure;
import org.nernst.core.node.Metrics;
import org.nernst.core.table.Table;
import org.nernst.core.workflow.WorkflowJson;
import org.nernst.core.workflow.WorkflowNode;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * Writes the results of a run into a folder: tables as CSV, metrics as JSON, figures as PNG and
 * SVG, fitted models serialized, each with a {@code .provenance.json} beside it, plus the workflow
 * that ran. Written are the outputs no other node consumes and every output of nodes marked
 * {@code "save": true}. The folder appears only complete: everything is written to a temporary
 * sibling that replaces the target in one rename at the end.
 *
 * @since 0.1
 */
public final class ResultWriter {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls()
            .disableHtmlEscaping().create();

    private ResultWriter() {
    }

    /** Marks a folder as written by Nernst, so a later run may replace it and nothing else. */
    public static final String MARKER = ".nernst-result";

    /**
     * Checks, before anything runs, that results may be written to {@code outDir}: it must have a
     * parent folder, and if it exists it must be a result folder of an earlier run (holding
     * {@value #MARKER}), since it is replaced as a whole.
     *
     * @throws IOException saying why not
     */
    public static void checkTarget(Path outDir) throws IOException {
        Path target = outDir.toAbsolutePath().normalize();
        if (target.getParent() == null) {
            throw new IOException("cannot write results to " + target + ": it has no parent folder");
        }
        if (Files.exists(target) && !Files.exists(target.resolve(MARKER))) {
            throw new IOException("refusing to replace " + target + ": it exists and is not a Nernst result folder (no "
                    + MARKER + " file in it); choose another output folder");
        }
    }

    /** @return the files written, relative to {@code outDir} */
    public static List<String> write(RunResult run, Path outDir) throws IOException {
        checkTarget(outDir);
        Path target = outDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
        try {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions stay
        }
        List<String> written = new ArrayList<>();
        try {
            Set<String> consumed = new HashSet<>();
            for (WorkflowNode n : run.workflow().nodes()) {
                n.inputs().values().forEach(ref -> consumed.add(ref.toString()));
            }
            for (WorkflowNode n : run.workflow().nodes()) {
                Map<String, Result> outs = run.outputs().get(n.id());
                if (outs == null) {
                    continue;
                }
                for (Map.Entry<String, Result> e : outs.entrySet()) {
                    boolean leaf = !consumed.contains(n.id() + "." + e.getKey());
                    if (leaf || n.save()) {
                        String base = n.id() + "." + e.getKey();
                        if (writeValue(tmp, base, e.getValue().value(), written)) {
                            Files.writeString(tmp.resolve(base + ".provenance.json"),
                                    GSON.toJson(e.getValue().provenance()) + "\n", StandardCharsets.UTF_8);
                            written.add(base + ".provenance.json");
                        }
                    }
                }
            }
            Files.writeString(tmp.resolve("workflow.json"), WorkflowJson.write(run.workflow()), StandardCharsets.UTF_8);
            written.add("workflow.json");
            Files.writeString(tmp.resolve(MARKER), "results of workflow '" + run.workflow().name() + "'\n",
                    StandardCharsets.UTF_8);
            replace(tmp, target);
            return written;
        } finally {
            deleteTree(tmp);
        }
    }

    private static Object finite(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, finite(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(ResultWriter::finite).toList();
        }
        if (v instanceof Double d && !Double.isFinite(d)) {
            return null;
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static boolean writeValue(Path dir, String base, Object v, List<String> written) throws IOException {
        switch (v) {
            case Table t -> {
                try (Writer w = Files.newBufferedWriter(dir.resolve(base + ".csv"), StandardCharsets.UTF_8)) {
                    CsvWriter.write(t, w);
                }
                written.add(base + ".csv");
            }
            case Metrics m -> {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("title", m.title());
                doc.putAll(m.values());
                // strict JSON has no NaN: an undefined metric (R² of one row) is written as null
                doc = (Map<String, Object>) finite(doc);
                Files.writeString(dir.resolve(base + ".json"), GSON.toJson(doc) + "\n", StandardCharsets.UTF_8);
                written.add(base + ".json");
            }
            case Figure f -> {
                Files.write(dir.resolve(base + ".png"), f.png());
                Files.writeString(dir.resolve(base + ".svg"), f.svg(), StandardCharsets.UTF_8);
                written.add(base + ".png");
                written.add(base + ".svg");
            }
            case TrainedModel m -> {
                try (OutputStream os = Files.newOutputStream(dir.resolve(base + ".model"));
                        ObjectOutputStream oos = new ObjectOutputStream(os)) {
                    oos.writeObject(m);
                }
                written.add(base + ".model");
            }
            case ConfiguredEstimator e -> {
                return false;
            }
            default -> {
                Files.writeString(dir.resolve(base + ".txt"), String.valueOf(v) + "\n", StandardCharsets.UTF_8);
                written.add(base + ".txt");
            }
        }
        return true;
    }

    private static void replace(Path tmp, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}

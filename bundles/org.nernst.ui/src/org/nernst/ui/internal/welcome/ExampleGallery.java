package org.nernst.ui.internal.welcome;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.nernst.core.io.AtomicFiles;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowException;
import org.nernst.core.workflow.WorkflowJson;
import org.nernst.ui.internal.explorer.Workspace;
import org.osgi.framework.Bundle;

/**
 * The example workflows shipped in the bundle {@code org.nernst.examples} (its {@code workflows/}
 * folder, copied from the repository's {@code examples/workflows} at build time), and copying one
 * into the user's workspace so it can be edited without touching the installation.
 */
public final class ExampleGallery {
    public static final String BUNDLE = "org.nernst.examples";

    /** One example: its file name in the bundle, the parsed workflow and the raw text. */
    public record Example(String fileName, Workflow workflow, String text) {
        public String name() {
            return workflow.name();
        }

        public String description() {
            return workflow.description();
        }

        public int nodeCount() {
            return workflow.nodes().size();
        }
    }

    private ExampleGallery() {
    }

    /** Every example shipped, sorted by file name; an unreadable one is left out (and logged). */
    public static List<Example> examples() {
        Bundle b = Platform.getBundle(BUNDLE);
        List<Example> out = new ArrayList<>();
        if (b == null) {
            return out;
        }
        Enumeration<URL> urls = b.findEntries("workflows", "*.workflow.json", false);
        if (urls == null) {
            return out;
        }
        for (URL u : Collections.list(urls)) {
            String fileName = u.getPath().substring(u.getPath().lastIndexOf('/') + 1);
            try (InputStream in = u.openStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                out.add(new Example(fileName, WorkflowJson.parse(fileName, text), text));
            } catch (IOException | WorkflowException e) {
                org.eclipse.core.runtime.ILog.of(ExampleGallery.class).warn("Example " + u + " skipped: " + e.getMessage());
            }
        }
        out.sort((a, c) -> a.fileName().compareTo(c.fileName()));
        return out;
    }

    /**
     * Copies an example into {@code <workspace>/workflows} and returns the copy: the existing copy
     * when it is still unchanged, a new name ({@code nasa-soh-2.workflow.json}) when the user has
     * edited the earlier one, so opening an example never overwrites the user's work.
     */
    public static Path copyToWorkspace(Example e) throws IOException {
        Path folder = Workspace.workflows();
        Files.createDirectories(folder);
        Path same = folder.resolve(e.fileName());
        if (Files.isRegularFile(same) && Files.readString(same, StandardCharsets.UTF_8).equals(e.text())) {
            return same;
        }
        String base = e.fileName().replaceFirst("\\.workflow\\.json$", "");
        Path target = Workspace.freeFile(folder, base);
        AtomicFiles.write(target, e.text().getBytes(StandardCharsets.UTF_8));
        return target;
    }
}

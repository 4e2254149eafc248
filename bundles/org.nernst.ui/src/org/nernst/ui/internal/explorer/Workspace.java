package org.nernst.ui.internal.explorer;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.service.datalocation.Location;

/**
 * The user's workspace folder, where examples are copied, imports create workflows and the
 * project explorer looks: the Eclipse instance location ({@code -data}, which {@code nernst-ui}
 * sets to {@code $NERNST_WORKSPACE} or {@code ~/nernst-workspace}), otherwise
 * {@code $NERNST_WORKSPACE}, otherwise {@code ~/nernst-workspace} — the same rule as the store's.
 */
public final class Workspace {
    private Workspace() {
    }

    public static Path folder() {
        Location instance = Platform.getInstanceLocation();
        if (instance != null && instance.isSet()) {
            try {
                return Path.of(instance.getURL().toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                return Path.of(instance.getURL().getPath());
            }
        }
        String env = System.getenv("NERNST_WORKSPACE");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), "nernst-workspace");
    }

    /** Where new and copied workflows go: {@code <workspace>/workflows}. */
    public static Path workflows() {
        return folder().resolve("workflows");
    }

    /** Recovery copies of unsaved edits: beside the user's files, in the workspace's metadata. */
    public static Path recovery() {
        return folder().resolve(".metadata").resolve(".plugins").resolve("org.nernst.ui").resolve("recovery");
    }

    /** {@code name.workflow.json} in a folder, or {@code name-2.workflow.json} … if taken. */
    public static Path freeFile(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Path p = folder.resolve(name + ".workflow.json");
        for (int i = 2; Files.exists(p); i++) {
            p = folder.resolve(name + "-" + i + ".workflow.json");
        }
        return p;
    }
}

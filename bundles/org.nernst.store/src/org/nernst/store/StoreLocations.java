package org.nernst.store;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where the default store lives: {@code <workspace>/store/nernst.duckdb}. The workspace is the
 * Eclipse instance location when the workbench runs with one ({@code -data}, system property
 * {@code osgi.instance.area}); otherwise {@code $NERNST_WORKSPACE}, otherwise
 * {@code ~/nernst-workspace} — the same folder the {@code nernst-ui} launcher opens.
 *
 * @since 0.1
 */
public final class StoreLocations {
    /** The store's file name inside {@code <workspace>/store}. */
    public static final String FILE_NAME = "nernst.duckdb";

    private StoreLocations() {
    }

    public static Path workspace() {
        return workspace(System.getProperty("osgi.instance.area"), System.getenv("NERNST_WORKSPACE"),
                System.getProperty("user.home"));
    }

    /**
     * The default store: the file named by system property {@value #STORE_PROPERTY} if set (the
     * workbench sets it from Window → Preferences → Nernst), else {@code <workspace>/store/nernst.duckdb}.
     */
    public static Path defaultStore() {
        String chosen = System.getProperty(STORE_PROPERTY);
        return chosen != null && !chosen.isBlank() ? Path.of(chosen.trim()) : storeIn(workspace());
    }

    /**
     * System property naming the default store's file.
     *
     * @since 0.3
     */
    public static final String STORE_PROPERTY = "nernst.store";

    public static Path storeIn(Path workspace) {
        return workspace.resolve("store").resolve(FILE_NAME);
    }

    /**
     * The workspace from its three sources, first that is set wins.
     *
     * @param instanceArea the value of {@code osgi.instance.area} (a {@code file:} URL) or null
     * @param env the value of {@code NERNST_WORKSPACE} or null
     * @param home the user's home folder
     */
    public static Path workspace(String instanceArea, String env, String home) {
        Path fromEclipse = fileUrl(instanceArea);
        if (fromEclipse != null) {
            return fromEclipse;
        }
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(home, "nernst-workspace");
    }

    /** Eclipse writes instance areas as {@code file:} URLs, often with unescaped spaces. */
    private static Path fileUrl(String url) {
        if (url == null || !url.startsWith("file:")) {
            return null;
        }
        try {
            return Path.of(URI.create(url));
        } catch (IllegalArgumentException e) {
            return Path.of(url.substring("file:".length()));
        }
    }
}

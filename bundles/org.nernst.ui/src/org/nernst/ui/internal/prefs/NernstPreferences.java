package org.nernst.ui.internal.prefs;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * The workbench's settings (Window → Preferences → Nernst), kept in the instance scope of
 * {@code org.nernst.ui} and read where they take effect: threads by each new run, plot defaults by
 * the chart view's exports, the store location by whatever opens the default store. The heap is
 * not a preference of the running JVM; see {@link HeapSetting}.
 */
public final class NernstPreferences {
    public static final String THREADS = "executor.threads";
    public static final String STORE = "store.location";
    public static final String PLOT_WIDTH = "plot.width";
    public static final String PLOT_HEIGHT = "plot.height";
    public static final String PLOT_DPI = "plot.dpi";
    public static final String PLOT_THEME = "plot.theme";
    public static final String HEAP = "jvm.heap";

    private static ScopedPreferenceStore store;

    private NernstPreferences() {
    }

    /** The store, with its defaults set. */
    public static synchronized IPreferenceStore store() {
        if (store == null) {
            store = new ScopedPreferenceStore(InstanceScope.INSTANCE, "org.nernst.ui");
            store.setDefault(THREADS, Math.max(1, Runtime.getRuntime().availableProcessors()));
            store.setDefault(STORE, defaultStore().toString());
            store.setDefault(PLOT_WIDTH, 1400);
            store.setDefault(PLOT_HEIGHT, 840);
            store.setDefault(PLOT_DPI, 96);
            store.setDefault(PLOT_THEME, org.nernst.charts.PlotTheme.LIGHT.id());
        }
        return store;
    }

    /** Worker threads of a run (at least 1). */
    public static int threads() {
        return Math.max(1, store().getInt(THREADS));
    }

    /** The default store's file. */
    public static Path storeLocation() {
        String s = store().getString(STORE);
        return s.isBlank() ? defaultStore() : Path.of(s);
    }

    /**
     * Makes the preferred store the default of {@code org.nernst.store} (which reads system
     * property {@code nernst.store}, so the workbench needs no dependency on it). Called at start-up
     * and when the preference page is applied.
     */
    public static void applyStoreLocation() {
        System.setProperty("nernst.store", storeLocation().toString());
    }

    /** Size of exported figures in pixels at 96 dpi (PNG exports scale by {@link #plotDpi}). */
    public static int plotWidth() {
        return Math.clamp(store().getInt(PLOT_WIDTH), 200, 8000);
    }

    public static int plotHeight() {
        return Math.clamp(store().getInt(PLOT_HEIGHT), 150, 8000);
    }

    public static int plotDpi() {
        return Math.clamp(store().getInt(PLOT_DPI), 72, 600);
    }

    /**
     * The theme the chart view draws and exports a plot in when its node does not choose one;
     * light if the stored value is not a theme.
     */
    public static org.nernst.charts.PlotTheme plotTheme() {
        try {
            return org.nernst.charts.PlotTheme.parse(store().getString(PLOT_THEME));
        } catch (IllegalArgumentException e) {
            return org.nernst.charts.PlotTheme.LIGHT;
        }
    }

    /** {@code <workspace>/store/nernst.duckdb}, as org.nernst.store places it by default. */
    private static Path defaultStore() {
        Path ws;
        try {
            ws = Platform.getInstanceLocation() != null && Platform.getInstanceLocation().getURL() != null
                    ? Path.of(Platform.getInstanceLocation().getURL().toURI())
                    : Path.of(System.getProperty("user.home"), "nernst-workspace");
        } catch (URISyntaxException | IllegalArgumentException e) {
            ws = Path.of(System.getProperty("user.home"), "nernst-workspace");
        }
        return ws.resolve("store").resolve("nernst.duckdb");
    }

    /**
     * The product's {@code eclipse.ini}, where the heap of the next start is written; system
     * property {@code nernst.ini} points elsewhere (tests).
     */
    public static Path iniFile() {
        String override = System.getProperty("nernst.ini");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        try {
            return Path.of(Platform.getInstallLocation().getURL().toURI()).resolve("eclipse.ini");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of(Platform.getInstallLocation().getURL().getPath(), "eclipse.ini");
        }
    }
}

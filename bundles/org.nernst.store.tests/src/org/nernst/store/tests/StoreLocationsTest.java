package org.nernst.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.nernst.store.StoreLocations;

class StoreLocationsTest {

    @Test
    void eclipseInstanceAreaThenEnvironmentThenHome() {
        assertEquals(Path.of("/data/my ws"), StoreLocations.workspace("file:/data/my ws/", "/env/ws", "/home/u"));
        assertEquals(Path.of("/data/ws"), StoreLocations.workspace("file:///data/ws/", "/env/ws", "/home/u"));
        assertEquals(Path.of("/env/ws"), StoreLocations.workspace(null, "/env/ws", "/home/u"));
        assertEquals(Path.of("/home/u/nernst-workspace"), StoreLocations.workspace(null, "", "/home/u"));
        assertEquals(Path.of("/home/u/nernst-workspace/store/nernst.duckdb"),
                StoreLocations.storeIn(StoreLocations.workspace(null, null, "/home/u")));
    }

    @Test
    void theStorePropertyChosenInThePreferencesOverridesTheWorkspaceStore() {
        String before = System.getProperty(StoreLocations.STORE_PROPERTY);
        try {
            System.setProperty(StoreLocations.STORE_PROPERTY, "/lab/stores/cells.duckdb");
            assertEquals(Path.of("/lab/stores/cells.duckdb"), StoreLocations.defaultStore());
            System.setProperty(StoreLocations.STORE_PROPERTY, " ");
            assertEquals(StoreLocations.storeIn(StoreLocations.workspace()), StoreLocations.defaultStore());
        } finally {
            if (before == null) {
                System.clearProperty(StoreLocations.STORE_PROPERTY);
            } else {
                System.setProperty(StoreLocations.STORE_PROPERTY, before);
            }
        }
    }
}

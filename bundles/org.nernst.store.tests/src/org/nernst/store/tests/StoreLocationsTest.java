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
}

package org.nernst.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.node.DataException;
import org.nernst.core.table.Table;
import org.nernst.store.CellStore;
import org.nernst.store.ImportSource;
import org.osgi.framework.FrameworkUtil;

class LockTest {

    /** The DuckDB jar this runtime loaded, for a second JVM to open the store with. */
    private static Path duckdbJar() throws Exception {
        String location = FrameworkUtil.getBundle(DuckDBDriver.class).getLocation();
        Path jar = Path.of(location.substring(location.indexOf("file:") + "file:".length()));
        if (!jar.isAbsolute()) {
            jar = Path.of(new java.net.URL(System.getProperty("osgi.install.area")).getPath()).resolve(jar).normalize();
        }
        assertTrue(Files.isRegularFile(jar), "DuckDB bundle is a jar: " + location + " -> " + jar);
        return jar;
    }

    @Test
    void aStoreHeldByAnotherProcessIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("held.duckdb");
        Path holder = Files.writeString(dir.resolve("Holder.java"), """
                public class Holder {
                    public static void main(String[] a) throws Exception {
                        try (var c = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:" + a[0], new java.util.Properties())) {
                            System.out.println("holding");
                            System.out.flush();
                            System.in.read(); // until the test closes our stdin
                        }
                    }
                }
                """);
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", duckdbJar().toString(),
                holder.toString(), db.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("holding", out.readLine(), "the other process opened the store");
            DataException e = assertThrows(DataException.class, () -> CellStore.open(db));
            assertTrue(e.getMessage().startsWith(db + ": the store is in use by another program (process " + p.pid() + ", "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("DuckDB lets one process at a time open a store: close the other workflow or "
                    + "workbench, or give this one another store file"), e.getMessage());
        } finally {
            p.getOutputStream().close();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the holder exits when its stdin closes");
        }
        try (CellStore s = CellStore.open(db)) {
            assertEquals(List.of(), s.listImports(), "free again once the other process has gone");
        }
    }

    @Test
    void twoStoresInOneProcessShareTheFile(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("shared.duckdb");
        Table t = Tables.synthetic("cell", 500, 0);
        try (CellStore a = CellStore.open(db); CellStore b = CellStore.open(db)) {
            a.importTable("cell", t, ImportSource.ofTable(t));
            assertEquals(500, b.read("cell").rowCount());
            assertEquals(a.listImports(), b.listImports());
        }
    }
}

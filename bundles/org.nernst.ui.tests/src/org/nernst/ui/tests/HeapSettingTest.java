package org.nernst.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.ui.internal.prefs.HeapSetting;

/** The heap preference's edits of the product's eclipse.ini, headless. */
class HeapSettingTest {
    @TempDir
    Path dir;

    @Test
    void sizesAreCheckedAndNormalized() {
        assertEquals("6g", HeapSetting.parse(" 6G "));
        assertEquals("6144m", HeapSetting.parse("6144m"));
        assertEquals("heap '100m' is outside 256m to 1t",
                assertThrows(IllegalArgumentException.class, () -> HeapSetting.parse("100m")).getMessage());
        assertEquals("heap '4 GB' is not a size such as 4g or 6144m",
                assertThrows(IllegalArgumentException.class, () -> HeapSetting.parse("4 GB")).getMessage());
    }

    @Test
    void anExistingXmxIsReplacedAndEveryOtherLineKept() throws Exception {
        Path ini = dir.resolve("eclipse.ini");
        Files.writeString(ini, "-nosplash\n-vmargs\n--enable-native-access=ALL-UNNAMED\n-Xmx4g\n-Dx=y\n");
        assertEquals("4g", HeapSetting.read(ini));
        HeapSetting.write(ini, "8g");
        assertEquals("-nosplash\n-vmargs\n--enable-native-access=ALL-UNNAMED\n-Xmx8g\n-Dx=y\n", Files.readString(ini));
        assertEquals("8g", HeapSetting.read(ini));
    }

    @Test
    void anIniWithoutHeapOrVmargsGetsThem() throws Exception {
        Path withVmargs = dir.resolve("a.ini");
        Files.writeString(withVmargs, "-nosplash\n-vmargs\n--enable-native-access=ALL-UNNAMED\n");
        HeapSetting.write(withVmargs, "2g");
        assertEquals("-nosplash\n-vmargs\n--enable-native-access=ALL-UNNAMED\n-Xmx2g\n", Files.readString(withVmargs));
        Path bare = dir.resolve("b.ini");
        Files.writeString(bare, "-nosplash\n");
        HeapSetting.write(bare, "2g");
        assertEquals("-nosplash\n-vmargs\n-Xmx2g\n", Files.readString(bare));
        // a program argument before -vmargs that looks like a heap is not the JVM's
        Path tricky = dir.resolve("c.ini");
        Files.writeString(tricky, "-Xmx1g\n-vmargs\n-Xmx3g\n");
        assertEquals("3g", HeapSetting.read(tricky));
    }

    @Test
    void aRefusedSizeLeavesTheIniUntouched() throws Exception {
        Path ini = dir.resolve("eclipse.ini");
        Files.writeString(ini, "-vmargs\n-Xmx4g\n");
        assertThrows(IllegalArgumentException.class, () -> HeapSetting.write(ini, "lots"));
        assertEquals("-vmargs\n-Xmx4g\n", Files.readString(ini));
    }
}

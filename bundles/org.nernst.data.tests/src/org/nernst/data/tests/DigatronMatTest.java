package org.nernst.data.tests;

import org.nernst.conformance.TestData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.node.DataException;
import org.nernst.core.table.Table;
import org.nernst.data.mat.DigatronMatReader;

import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Struct;

/** The Digatron MAT connector on the Panasonic 18650PF files (Kollmeyer 2018). */
class DigatronMatTest {

    private static Path file(String temp, String name) {
        return TestData.folder("panasonic-18650pf/" + temp).resolve(name);
    }

    @Test
    void readsTheUs06CycleAt25DegreesWithCanonicalNamesUnitsAndSign() throws Exception {
        Table t = new DigatronMatReader().read(file("25degC", "03-20-17_01.43 25degC_US06_Pan18650PF.mat"));
        assertEquals(48061, t.rowCount());
        assertEquals(List.of("cell", "test_time", "current", "voltage", "temperature", "chamber_temperature", "ah", "wh",
                "power"), t.columnNames());
        assertEquals("s", t.column("test_time").unit());
        assertEquals("A", t.column("current").unit());
        assertEquals("°C", t.column("temperature").unit());
        assertEquals("03-20-17_01.43 25degC_US06_Pan18650PF", t.column("cell").format(0));
        double[] time = t.doubles("test_time");
        assertEquals(0.0, time[0], 1e-9);
        assertEquals(4818.9, time[time.length - 1], 0.05);
        double[] ah = t.doubles("ah");
        assertEquals(-2.5860, ah[ah.length - 1], 5e-4, "the cycle takes 2.586 Ah out: discharge counts negative");
        double min = 0;
        double max = 0;
        for (double i : t.doubles("current")) {
            min = Math.min(min, i);
            max = Math.max(max, i);
        }
        assertEquals(-20.82, min, 0.01, "peak discharge");
        assertEquals(7.57, max, 0.01, "peak regen, positive while charging");
        double[] v = t.doubles("voltage");
        assertTrue(v[0] > 4.1 && v[0] < 4.25, "starts full: " + v[0]);
    }

    @Test
    void readsTheC20TestAndTheHppcTestAt0Degrees() throws Exception {
        Table c20 = new DigatronMatReader().read(file("25degC", "05-08-17_13.26 C20 OCV Test_C20_25dC.mat"));
        assertEquals(2453, c20.rowCount());
        double lowest = 0;
        for (double a : c20.doubles("ah")) {
            lowest = Math.min(lowest, a);
        }
        assertEquals(-2.9677, lowest, 5e-4);
        Table hppc = new DigatronMatReader().read(file("0degC", "05-20-17_10.44 0degC_5pulse_HPPC_Pan18650PF.mat"));
        assertEquals(85260, hppc.rowCount());
        double[] ah = hppc.doubles("ah");
        assertEquals(-2.4757, ah[ah.length - 1], 5e-4);
    }

    @Test
    void aMissingFieldIsNamedWithTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.mat");
        Struct meas = Mat5.newStruct();
        meas.set("Time", Mat5.newMatrix(new int[] { 3, 1 }));
        meas.set("Voltage", Mat5.newMatrix(new int[] { 3, 1 }));
        Mat5.writeToFile(Mat5.newMatFile().addArray("meas", meas), f.toFile());
        DataException e = assertThrows(DataException.class, () -> new DigatronMatReader().read(f));
        assertTrue(e.getMessage().contains("broken.mat"), e.getMessage());
        assertTrue(e.getMessage().contains("meas.Current"), e.getMessage());
    }

    @Test
    void columnsOfDifferentLengthAreRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("ragged.mat");
        Struct meas = Mat5.newStruct();
        for (String n : new String[] { "Time", "Current", "Voltage", "Battery_Temp_degC", "Chamber_Temp_degC", "Ah", "Wh",
                "Power" }) {
            meas.set(n, Mat5.newMatrix(new int[] { n.equals("Ah") ? 4 : 3, 1 }));
        }
        Mat5.writeToFile(Mat5.newMatFile().addArray("meas", meas), f.toFile());
        DataException e = assertThrows(DataException.class, () -> new DigatronMatReader().read(f));
        assertTrue(e.getMessage().contains("Ah") && e.getMessage().contains("4 values") && e.getMessage().contains("ragged.mat"), e.getMessage());
        assertTrue(Files.exists(f));
    }

    @Test
    void aFileWithoutMeasIsRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("other.mat");
        Mat5.writeToFile(Mat5.newMatFile().addArray("x", Mat5.newScalar(1)), f.toFile());
        DataException e = assertThrows(DataException.class, () -> new DigatronMatReader().read(f));
        assertTrue(e.getMessage().contains("'meas'"), e.getMessage());
    }
}

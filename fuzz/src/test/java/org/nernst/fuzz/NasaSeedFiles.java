package org.nernst.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;

import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sinks;
import us.hebi.matlab.mat.types.Struct;

/**
 * Makes the committed seeds of {@link NasaCellReaderFuzzTest}: a cell {@code B0005} shaped like the
 * NASA PCoE files (struct with a 1×3 struct array {@code cycle}: charge, discharge, impedance) with
 * four samples per cycle, once uncompressed (the fuzzer can mutate its structure byte by byte) and
 * once zlib-compressed as MATLAB writes by default. Run once; the files are small and deterministic.
 * Usage: {@code NasaSeedFiles FOLDER}.
 */
public final class NasaSeedFiles {
    private NasaSeedFiles() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        write(out.resolve("nasa-tiny-uncompressed.mat"), Deflater.NO_COMPRESSION);
        write(out.resolve("nasa-tiny-compressed.mat"), Deflater.BEST_COMPRESSION);
    }

    private static void write(Path file, int level) throws Exception {
        Mat5File mat = Mat5.newMatFile();
        String[] types = { "charge", "discharge", "impedance" };
        Struct cycle = Mat5.newStruct(1, types.length);
        for (int i = 0; i < types.length; i++) {
            cycle.set("type", i, Mat5.newString(types[i]));
            cycle.set("ambient_temperature", i, Mat5.newScalar(24));
            cycle.set("time", i, row(2008, 4, 2 + i, 13, 8, 17.921));
            Struct data = Mat5.newStruct();
            if (i < 2) {
                double sign = i == 0 ? 1 : -1;
                data.set("Voltage_measured", row(3.87, 3.98, 4.05, 4.2 - 0.3 * i));
                data.set("Current_measured", row(0, 1.5 * sign, 1.5 * sign, 1.5 * sign));
                data.set("Temperature_measured", row(24.6, 24.7, 24.9, 25.3));
                data.set("Current_charge", row(0, 1.5, 1.5, 1.5));
                data.set("Voltage_charge", row(0, 4.6, 4.6, 4.6));
                data.set("Time", row(0, 2.5, 5.5, 8.5));
                if (i == 1) {
                    data.set("Capacity", Mat5.newScalar(1.856));
                }
            } else {
                data.set("Re", Mat5.newScalar(0.056));
                data.set("Rct", Mat5.newScalar(0.2));
            }
            cycle.set("data", i, data);
        }
        Struct cell = Mat5.newStruct();
        cell.set("cycle", cycle);
        mat.addArray("B0005", cell);
        try (var sink = Sinks.newStreamingFile(file.toFile())) {
            Mat5.newWriter(sink).setDeflateLevel(level).writeMat(mat);
        }
        System.out.println(file + ": " + Files.size(file) + " bytes");
    }

    private static Matrix row(double... v) {
        Matrix m = Mat5.newMatrix(1, v.length);
        for (int i = 0; i < v.length; i++) {
            m.setDouble(i, v[i]);
        }
        return m;
    }
}

package org.nernst.ml.smile.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.core.table.TableBuilder;

/**
 * Reads the per-discharge-cycle feature files of NASA cells B0005, B0006, B0007 and B0018 into one
 * table with a {@code cell} group column. A deliberately small reader (plain comma-separated
 * numbers, as these files are) so the tests do not depend on the data connectors.
 */
final class NasaPerCycle {
    static final List<String> CELLS = List.of("B0005", "B0006", "B0007", "B0018");
    static final String TARGET = "capacity";
    /**
     * Not features: the unnamed pandas index, the target, and remaining_cycles, which is counted
     * back from the cell's end of life and so leaks the future into a capacity model.
     */
    private static final Set<String> NOT_FEATURES = Set.of("", TARGET, "remaining_cycles");

    private NasaPerCycle() {
    }

    /** The folder of the per-cycle files under the data root of system property {@code nernst.data}. */
    static Path folder() {
        return Path.of(System.getProperty("nernst.data", "../shared/data"), "nasa-pcoe", "per-cycle");
    }

    static Table read(Path folder) throws IOException {
        List<String> header = null;
        List<String[]> rows = new ArrayList<>();
        List<String> cellOfRow = new ArrayList<>();
        for (String cell : CELLS) {
            Path file = folder.resolve(cell + "_per_cycle.csv");
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> h = Arrays.asList(lines.get(0).split(",", -1));
            if (header == null) {
                header = h;
            } else if (!header.equals(h)) {
                throw new IOException(file + ": header " + h + " differs from " + header);
            }
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String[] f = lines.get(i).split(",", -1);
                if (f.length != h.size()) {
                    throw new IOException(file + ": line " + (i + 1) + " has " + f.length + " fields, expected " + h.size());
                }
                rows.add(f);
                cellOfRow.add(cell);
            }
        }
        TableBuilder b = new TableBuilder("NASA per-cycle " + CELLS);
        List<Integer> used = new ArrayList<>();
        for (int j = 0; j < header.size(); j++) {
            String name = header.get(j);
            if (name.equals(TARGET)) {
                b.doubleColumn(name, "Ah", Role.TARGET);
            } else if (!NOT_FEATURES.contains(name)) {
                b.doubleColumn(name, "", Role.FEATURE);
            } else {
                continue;
            }
            used.add(j);
        }
        b.stringColumn("cell", Role.GROUP);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < used.size(); c++) {
                b.set(c, Double.parseDouble(rows.get(r)[used.get(c)]));
            }
            b.set(used.size(), cellOfRow.get(r));
            b.endRow();
        }
        return b.build();
    }

    static List<String> features(Table t) {
        return t.withRole(Role.FEATURE).stream().map(c -> c.name()).toList();
    }
}

package org.nernst.features.composition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.nernst.core.node.DataException;

/**
 * The common oxidation states of each element, read from Magpie's {@code OxidationStates.table}
 * (line N: the states of atomic number N separated by spaces, empty for none), in the folder the
 * user chooses for the other element tables.
 *
 * @since 0.3
 */
public final class OxidationStates {
    private static final int[] NONE = new int[0];
    private final int[][] byElement;

    private OxidationStates(int[][] byElement) {
        this.byElement = byElement;
    }

    public static OxidationStates load(Path folder) throws DataException, IOException {
        Path file = folder.resolve("OxidationStates.table");
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DataException(file, "", "no oxidation-state table in " + folder
                    + " (Magpie's OxidationStates.table: one line per atomic number, states separated by spaces)");
        }
        int[][] states = new int[Math.min(lines.size(), Formula.SYMBOLS.size() - 1) + 1][];
        states[0] = NONE;
        for (int z = 1; z < states.length; z++) {
            String s = lines.get(z - 1).trim();
            if (s.isEmpty() || s.equalsIgnoreCase("Missing")) {
                states[z] = NONE;
                continue;
            }
            String[] parts = s.split("\\s+");
            states[z] = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    states[z][i] = Integer.parseInt(parts[i]);
                } catch (NumberFormatException e) {
                    throw new DataException(file, "line " + z + " (" + Formula.SYMBOLS.get(z) + ")", "'" + parts[i]
                            + "' is not an integer oxidation state");
                }
            }
        }
        return new OxidationStates(states);
    }

    /** The states of element {@code z}; empty when the table lists none. */
    public int[] of(int z) {
        return z < byElement.length ? byElement[z].clone() : NONE.clone();
    }

    /** Whether two elements share at least one common oxidation state. */
    public boolean share(int a, int b) {
        for (int x : of(a)) {
            for (int y : of(b)) {
                if (x == y) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the composition can be charge balanced when each element's average oxidation state may
     * lie anywhere between its lowest and highest common state (mixed valence allowed): true when
     * zero lies between the sums of amount × lowest and amount × highest state. Elements without a
     * listed state make it false.
     */
    public boolean chargeBalancePossible(java.util.Map<Integer, Double> amounts) {
        double low = 0;
        double high = 0;
        for (var e : amounts.entrySet()) {
            int[] s = of(e.getKey());
            if (s.length == 0) {
                return false;
            }
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int v : s) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            low += e.getValue() * min;
            high += e.getValue() * max;
        }
        return low <= 1e-9 && high >= -1e-9;
    }
}

package org.nernst.features.composition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nernst.core.node.DataException;

/**
 * Element property tables in the Magpie format (Ward et al., npj Comput. Mater. 2, 16028 (2016)):
 * one file {@code <Property>.table} per property, line N holding the value for atomic number N, or
 * {@code Missing}. Read from a folder the user chooses; nothing is typed into the code. Names
 * starting with {@code cdk_} ({@code cdk_Period, cdk_Group, cdk_CovalentRadius, cdk_VdwRadius,
 * cdk_Electronegativity, cdk_NaturalMass}) come from the Chemistry Development Kit instead.
 *
 * @since 0.1
 */
public final class ElementProperties {
    /** Magpie's default property set for composition descriptors (the scalar ones). */
    public static final List<String> MAGPIE_DEFAULT = List.of("Number", "MendeleevNumber", "AtomicWeight", "MeltingT",
            "Column", "Row", "CovalentRadius", "Electronegativity", "NsValence", "NpValence", "NdValence", "NfValence",
            "NValence", "NsUnfilled", "NpUnfilled", "NdUnfilled", "NfUnfilled", "NUnfilled", "GSvolume_pa", "GSbandgap",
            "GSmagmom", "SpaceGroupNumber");

    private final Map<String, double[]> byProperty;

    private ElementProperties(Map<String, double[]> byProperty) {
        this.byProperty = byProperty;
    }

    public static ElementProperties load(Path folder, List<String> properties) throws DataException, IOException {
        if (!properties.stream().allMatch(p -> p.startsWith(CdkElements.PREFIX)) && !Files.isDirectory(folder)) {
            throw new DataException(folder, "", "folder of Magpie element tables not found (files such as "
                    + "Electronegativity.table, one value per line by atomic number)");
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String property : properties) {
            if (property.startsWith(CdkElements.PREFIX)) {
                try {
                    out.put(property, CdkElements.values(property, Formula.SYMBOLS.size() - 1));
                } catch (IllegalArgumentException e) {
                    throw new DataException("parameters", "properties", e.getMessage());
                }
                continue;
            }
            Path file = folder.resolve(property + ".table");
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new DataException(file, "", "no table for property '" + property + "' in " + folder);
            }
            double[] v = new double[Math.min(lines.size(), Formula.SYMBOLS.size() - 1) + 1];
            v[0] = Double.NaN;
            for (int z = 1; z < v.length; z++) {
                String s = lines.get(z - 1).trim();
                if (s.equalsIgnoreCase("Missing") || s.isEmpty()) {
                    v[z] = Double.NaN;
                    continue;
                }
                try {
                    v[z] = Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new DataException(file, "line " + z + " (" + Formula.SYMBOLS.get(z) + ")", "'" + s
                            + "' is not one number; only scalar properties can be averaged");
                }
            }
            out.put(property, v);
        }
        return new ElementProperties(out);
    }

    public List<String> properties() {
        return List.copyOf(byProperty.keySet());
    }

    /** The value for element {@code z}, NaN where the table has none. */
    public double value(String property, int z) {
        double[] v = byProperty.get(property);
        return z < v.length ? v[z] : Double.NaN;
    }
}

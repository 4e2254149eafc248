package org.nernst.data.cycler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Column;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.data.internal.text.ColumnKind;
import org.nernst.data.internal.text.DelimitedTextReader;

/**
 * Reads a cycler export into the canonical layout of {@link CyclerColumns}: detects the vendor
 * layout from the file's first lines (or takes the one given), maps and converts its columns, and
 * infers steps and cycles where the file has none.
 *
 * @since 0.1
 */
public final class CyclerReader {
    /** Lookup keys (see {@link Header}) that feed each canonical column, in order of preference. */
    static final Map<String, List<String>> ALIASES = new LinkedHashMap<>();
    static {
        ALIASES.put(CyclerColumns.CYCLE, List.of("cycle_index", "cycle"));
        ALIASES.put(CyclerColumns.STEP, List.of("step_index", "step"));
        ALIASES.put(CyclerColumns.TEST_TIME, List.of("test_time"));
        ALIASES.put(CyclerColumns.DATE_TIME, List.of("date_time", "datetime"));
        ALIASES.put(CyclerColumns.CURRENT, List.of("current"));
        ALIASES.put(CyclerColumns.VOLTAGE, List.of("voltage"));
        ALIASES.put(CyclerColumns.CHARGE_CAPACITY, List.of("charge_capacity"));
        ALIASES.put(CyclerColumns.DISCHARGE_CAPACITY, List.of("discharge_capacity"));
        ALIASES.put(CyclerColumns.CHARGE_ENERGY, List.of("charge_energy"));
        ALIASES.put(CyclerColumns.DISCHARGE_ENERGY, List.of("discharge_energy"));
        ALIASES.put(CyclerColumns.TEMPERATURE, List.of("cell_temperature", "temperature", "aux_temperature_1",
                "environment_temperature"));
        ALIASES.put(CyclerColumns.INTERNAL_RESISTANCE, List.of("internal_resistance"));
    }

    private final double restCurrent;
    private final Consumer<String> warnings;

    /**
     * @param restCurrent |current| (A) at or below which a sample counts as rest when steps are
     *        inferred; 0 chooses {@link Segmentation#autoThreshold}
     */
    public CyclerReader(double restCurrent, Consumer<String> warnings) {
        this.restCurrent = restCurrent;
        this.warnings = warnings;
    }

    /** The layout of the file, or an error saying which layouts were expected. */
    public static CyclerFormat detect(Path file) throws DataException, IOException {
        List<String> lines = firstLines(file, 3);
        if (!lines.isEmpty() && lines.get(0).startsWith("<?xml") && String.join("", lines).contains("Maccor")) {
            throw new DataException(file, "line 1", "is a Maccor procedure (test protocol) file, not test data; "
                    + "export the test's data file instead");
        }
        CyclerFormat f = CyclerFormat.detect(file.getFileName().toString(), lines);
        if (f == null) {
            StringBuilder b = new StringBuilder("is not a cycler export Nernst recognises; expected one of:");
            for (CyclerFormat x : CyclerFormat.values()) {
                b.append(" ").append(x.label()).append(" (").append(x.expected()).append(");");
            }
            b.append(" for other layouts use the 'Delimited text with column mapping' connector");
            throw new DataException(file, "line 1", b.toString());
        }
        return f;
    }

    public Table read(Path file, CyclerFormat format, ProgressMonitor monitor) throws DataException, IOException {
        CyclerFormat f = format != null ? format : detect(file);
        Table t = switch (f) {
            case ARBIN, BATTERY_ARCHIVE -> readMapped(file, f, monitor);
            case BATTERY_ARCHIVE_CYCLES -> BatteryArchiveCycles.read(file, warnings, monitor);
            case MACCOR -> new MaccorReader(warnings).read(file, monitor);
            case NEWARE -> new NewareReader(warnings).read(file, monitor);
        };
        return f == CyclerFormat.BATTERY_ARCHIVE_CYCLES ? t : segment(t);
    }

    private Table readMapped(Path file, CyclerFormat f, ProgressMonitor monitor) throws DataException, IOException {
        Map<String, MappedColumn> found = new LinkedHashMap<>();
        List<DataException> unitProblems = new ArrayList<>();
        DelimitedTextReader.Result r = new DelimitedTextReader(file,
                DelimitedTextReader.Layout.csv().withDelimiter(',').droppingTruncatedLastLine(), warnings)
                .read((i, h) -> map(file, i, h, found, unitProblems), monitor);
        if (!unitProblems.isEmpty()) {
            throw unitProblems.get(0);
        }
        for (String required : List.of(CyclerColumns.TEST_TIME, CyclerColumns.CURRENT, CyclerColumns.VOLTAGE)) {
            if (!found.containsKey(required)) {
                throw new DataException(file, "line 1", "has no column for " + required + "; " + f.label() + " expected: "
                        + f.expected());
            }
        }
        return assemble(file, found.values(), r.numbers(), r.rows());
    }

    /** Decides a column's kind and remembers where each canonical column is. */
    private static ColumnKind map(Path file, int index, String header, Map<String, MappedColumn> found,
            List<DataException> problems) {
        Header h = Header.parse(header);
        for (Map.Entry<String, List<String>> e : ALIASES.entrySet()) {
            String canonical = e.getKey();
            int rank = e.getValue().indexOf(h.key());
            if (rank < 0) {
                continue;
            }
            MappedColumn prior = found.get(canonical);
            if (prior != null && ALIASES.get(canonical).indexOf(Header.parse(prior.header()).key()) <= rank) {
                return ColumnKind.SKIP;
            }
            Units u = Units.to(CyclerColumns.unit(canonical), canonical.equals(CyclerColumns.DATE_TIME) ? "" : h.unit());
            if (u == null) {
                problems.add(new DataException(file, "line 1, column '" + header + "'", "unit '" + h.unit()
                        + "' cannot be converted to " + CyclerColumns.unit(canonical) + " for " + canonical));
                return ColumnKind.SKIP;
            }
            ColumnKind kind = canonical.equals(CyclerColumns.DATE_TIME) ? ColumnKind.TIMESTAMP : ColumnKind.NUMBER;
            found.put(canonical, new MappedColumn(canonical, index, header, kind, u));
            return kind;
        }
        return ColumnKind.SKIP;
    }

    /** Builds the canonical table from parsed columns, converting units in place. */
    static Table assemble(Path file, java.util.Collection<MappedColumn> mapped, double[][] numbers, int rows) {
        Map<String, double[]> byName = new LinkedHashMap<>();
        for (MappedColumn m : mapped) {
            double[] v = numbers[m.index()];
            if (m.units() != Units.SAME) {
                for (int i = 0; i < v.length; i++) {
                    v[i] = m.units().apply(v[i]);
                }
            }
            byName.put(m.canonical(), v);
        }
        return table(file, byName);
    }

    /** A canonical table from named arrays, in canonical column order. */
    static Table table(Path file, Map<String, double[]> byName) {
        Map<String, Column> cols = new LinkedHashMap<>();
        byName.forEach((name, v) -> cols.put(name, new DoubleColumn(name, CyclerColumns.unit(name), Role.NONE, v)));
        return ordered(stem(file), cols);
    }

    /** The columns given, in canonical order (columns that are not canonical are dropped). */
    static Table ordered(String name, Map<String, Column> byName) {
        List<Column> cols = new ArrayList<>();
        for (String[] c : CyclerColumns.ALL) {
            Column v = byName.get(c[0]);
            if (v != null) {
                cols.add(v);
            }
        }
        return new Table(name, cols);
    }

    /** Adds inferred step and cycle columns where the file has none (or has them empty). */
    Table segment(Table t) {
        boolean hasStep = usable(t, CyclerColumns.STEP);
        boolean hasCycle = usable(t, CyclerColumns.CYCLE);
        if (hasStep && hasCycle) {
            return t;
        }
        double[] current = t.doubles(CyclerColumns.CURRENT);
        double threshold = restCurrent > 0 ? restCurrent : Segmentation.autoThreshold(current);
        double[] step = hasStep ? t.doubles(CyclerColumns.STEP) : Segmentation.steps(current, threshold);
        Map<String, Column> byName = new LinkedHashMap<>();
        for (Column c : t.columns()) {
            byName.put(c.name(), c);
        }
        byName.put(CyclerColumns.STEP, new DoubleColumn(CyclerColumns.STEP, "", Role.NONE, step));
        if (!hasCycle) {
            byName.put(CyclerColumns.CYCLE, new DoubleColumn(CyclerColumns.CYCLE, "", Role.NONE,
                    Segmentation.cycles(current, step, threshold)));
        }
        warnings.accept(t.name() + ": " + (hasStep ? "" : "steps ") + (!hasStep && !hasCycle ? "and " : "")
                + (hasCycle ? "" : "cycles ") + "inferred from the sign of the current (rest at |I| ≤ "
                + String.format(java.util.Locale.ROOT, "%.3g", threshold) + " A)");
        return ordered(t.name(), byName);
    }

    private static boolean usable(Table t, String column) {
        if (t.find(column).isEmpty()) {
            return false;
        }
        Column c = t.column(column);
        for (int i = 0; i < c.size(); i++) {
            if (!Double.isNaN(c.asDouble(i))) {
                return true;
            }
        }
        return false;
    }

    static List<String> firstLines(Path file, int n) throws DataException, IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.ISO_8859_1), 1 << 16)) {
            char[] buf = new char[1 << 16];
            StringBuilder cur = new StringBuilder();
            int got;
            outer: while ((got = r.read(buf)) > 0) {
                for (int i = 0; i < got; i++) {
                    char ch = buf[i];
                    if (ch == '\n') {
                        lines.add(strip(cur));
                        cur.setLength(0);
                        if (lines.size() == n) {
                            break outer;
                        }
                    } else if (cur.length() < (1 << 16)) {
                        cur.append(ch);
                    }
                }
            }
            if (lines.size() < n && cur.length() > 0) {
                lines.add(strip(cur));
            }
        } catch (NoSuchFileException e) {
            throw new DataException(file, "", "file not found");
        }
        return lines;
    }

    private static String strip(StringBuilder b) {
        int end = b.length();
        return end > 0 && b.charAt(end - 1) == '\r' ? b.substring(0, end - 1) : b.toString();
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

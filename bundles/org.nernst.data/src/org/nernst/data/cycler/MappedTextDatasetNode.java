package org.nernst.data.cycler;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nernst.core.node.DataException;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Column;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.data.internal.text.ColumnKind;
import org.nernst.data.internal.text.DelimitedTextReader;

/**
 * Any lab's delimited export, read through a column mapping saved with the workflow: which column
 * is time, current, voltage, temperature (and optionally cycle, step, capacities, energies,
 * resistance) and in which units. The result has the canonical layout of {@link CyclerColumns},
 * with steps and cycles inferred from the current when not mapped.
 *
 * @since 0.1
 */
public final class MappedTextDatasetNode implements Node {
    private record Target(String canonical, String column, String unit) {
    }

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Parameters p = c.parameters();
        Path file = p.path("file");
        List<Target> targets = new ArrayList<>();
        String timeUnit = p.string("timeUnit");
        targets.add(new Target(CyclerColumns.TEST_TIME, p.string("time"), timeUnit));
        targets.add(new Target(CyclerColumns.CURRENT, p.string("current"), p.string("currentUnit")));
        targets.add(new Target(CyclerColumns.VOLTAGE, p.string("voltage"), p.string("voltageUnit")));
        optional(targets, p, CyclerColumns.TEMPERATURE, "temperature", p.string("temperatureUnit"));
        optional(targets, p, CyclerColumns.CYCLE, "cycle", "");
        optional(targets, p, CyclerColumns.STEP, "step", "");
        optional(targets, p, CyclerColumns.CHARGE_CAPACITY, "chargeCapacity", p.string("capacityUnit"));
        optional(targets, p, CyclerColumns.DISCHARGE_CAPACITY, "dischargeCapacity", p.string("capacityUnit"));
        optional(targets, p, CyclerColumns.CHARGE_ENERGY, "chargeEnergy", p.string("energyUnit"));
        optional(targets, p, CyclerColumns.DISCHARGE_ENERGY, "dischargeEnergy", p.string("energyUnit"));
        optional(targets, p, CyclerColumns.INTERNAL_RESISTANCE, "resistance", p.string("resistanceUnit"));

        char sep = switch (p.string("delimiter")) {
            case "comma" -> ',';
            case "semicolon" -> ';';
            case "tab" -> '\t';
            default -> 0;
        };
        Charset cs = "iso-8859-1".equals(p.string("encoding")) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
        DelimitedTextReader.Layout layout = DelimitedTextReader.Layout.csv().withDelimiter(sep).withCharset(cs)
                .withHeaderLine((int) p.integer("headerLine"));
        Map<String, MappedColumn> found = new LinkedHashMap<>();
        List<String> headers = new ArrayList<>();
        DelimitedTextReader.Result r = new DelimitedTextReader(file, layout, c::warn).read((i, h) -> {
            headers.add(h);
            for (Target t : targets) {
                if (t.column().equals(h) && !found.containsKey(t.canonical())) {
                    ColumnKind kind = t.canonical().equals(CyclerColumns.TEST_TIME) && timeUnit.equals("timestamp")
                            ? ColumnKind.TIMESTAMP
                            : t.canonical().equals(CyclerColumns.TEST_TIME) && timeUnit.equals("duration") ? ColumnKind.DURATION
                                    : ColumnKind.NUMBER;
                    String unit = kind == ColumnKind.NUMBER ? t.unit() : "";
                    Units u = unit.isEmpty() ? Units.SAME : Units.to(CyclerColumns.unit(t.canonical()), unit);
                    if (u == null) {
                        throw new IllegalArgumentException("unit '" + unit + "' cannot be converted to "
                                + CyclerColumns.unit(t.canonical()) + " for " + t.canonical());
                    }
                    found.put(t.canonical(), new MappedColumn(t.canonical(), i, h, kind, u));
                    return kind;
                }
            }
            return ColumnKind.SKIP;
        }, c.monitor());
        for (Target t : targets) {
            if (!found.containsKey(t.canonical())) {
                throw new DataException(file, "line " + layout.headerLine(), "has no column '" + t.column() + "' (mapped to "
                        + t.canonical() + "); its columns are " + headers);
            }
        }
        Table table = CyclerReader.assemble(file, found.values(), r.numbers(), r.rows());
        if (timeUnit.equals("timestamp")) {
            double[] clock = table.doubles(CyclerColumns.TEST_TIME);
            double t0 = Double.NaN;
            for (double v : clock) {
                if (!Double.isNaN(v)) {
                    t0 = v;
                    break;
                }
            }
            double[] elapsed = new double[clock.length];
            for (int i = 0; i < clock.length; i++) {
                elapsed[i] = clock[i] - t0;
            }
            Map<String, Column> byName = new LinkedHashMap<>();
            table.columns().forEach(col -> byName.put(col.name(), col));
            byName.put(CyclerColumns.TEST_TIME, new DoubleColumn(CyclerColumns.TEST_TIME, "s", Role.NONE, elapsed));
            byName.put(CyclerColumns.DATE_TIME, new DoubleColumn(CyclerColumns.DATE_TIME, "s", Role.NONE, clock));
            table = CyclerReader.ordered(table.name(), byName);
        }
        if (p.string("currentSign").equals("dischargePositive")) {
            double[] i = table.doubles(CyclerColumns.CURRENT);
            for (int k = 0; k < i.length; k++) {
                i[k] = -i[k];
            }
            table = table.with(new DoubleColumn(CyclerColumns.CURRENT, "A", Role.NONE, i));
        }
        table = new CyclerReader(p.number("restCurrent"), c::warn).segment(table);
        c.info(file.getFileName() + ": " + table.rowCount() + " rows mapped to " + table.columnNames());
        return Map.of("table", table);
    }

    private static void optional(List<Target> targets, Parameters p, String canonical, String param, String unit) {
        String col = p.has(param) ? p.string(param) : "";
        if (!col.isBlank()) {
            targets.add(new Target(canonical, col, unit));
        }
    }
}

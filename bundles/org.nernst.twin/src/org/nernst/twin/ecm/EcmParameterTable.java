package org.nernst.twin.ecm;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.nernst.core.node.DataException;
import org.nernst.core.table.Column;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.core.table.TableBuilder;

/**
 * An identified ECM as a table, so it flows between nodes and saves as CSV: one row per parameter
 * and breakpoint with columns {@code name, soc, temperature, value, ci_low, ci_high, unit}. Names:
 * {@code capacity}, {@code min_voltage}, {@code max_voltage} (no SOC), {@code ocv} (one row per
 * SOC point), {@code r0}, {@code r1}…{@code r3}, {@code tau1}…{@code tau3} (one row per SOC
 * breakpoint). Several temperatures stack; {@link #fromTable} rebuilds SOC × temperature tables.
 */
public final class EcmParameterTable {
    private static final String[] COLUMNS = { "name", "soc", "temperature", "value", "ci_low", "ci_high", "unit" };

    private EcmParameterTable() {
    }

    /** Rows of one temperature; {@code fits} (may be empty) give the intervals of R0 and the pairs. */
    public static Table toTable(String name, double temperature, EcmParameters p, List<EcmIdentification.Fit> fits) {
        TableBuilder b = builder(name);
        row(b, "capacity", Double.NaN, temperature, p.capacityAh(), Double.NaN, Double.NaN, "Ah");
        row(b, "min_voltage", Double.NaN, temperature, p.minVoltage(), Double.NaN, Double.NaN, "V");
        row(b, "max_voltage", Double.NaN, temperature, p.maxVoltage(), Double.NaN, Double.NaN, "V");
        double[] grid = p.ocv().socPoints();
        for (double s : grid) {
            row(b, "ocv", s, temperature, p.ocv().voltage(s, temperature), Double.NaN, Double.NaN, "V");
        }
        if (!fits.isEmpty()) {
            List<EcmIdentification.Fit> sorted = new ArrayList<>(fits);
            sorted.sort((x, y) -> Double.compare(x.soc(), y.soc()));
            double last = Double.NEGATIVE_INFINITY;
            for (EcmIdentification.Fit f : sorted) {
                if (!(f.soc() > last + 1e-9)) {
                    continue;
                }
                last = f.soc();
                est(b, "r0", f.soc(), temperature, f.r0(), "Ω");
                for (int q = 0; q < f.r().length; q++) {
                    est(b, "r" + (q + 1), f.soc(), temperature, f.r()[q], "Ω");
                    est(b, "tau" + (q + 1), f.soc(), temperature, f.tau()[q], "s");
                }
            }
        } else {
            for (double s : new double[] { 0.5 }) {
                row(b, "r0", s, temperature, p.r0().value(s, temperature), Double.NaN, Double.NaN, "Ω");
                for (int q = 0; q < p.pairs(); q++) {
                    row(b, "r" + (q + 1), s, temperature, p.r()[q].value(s, temperature), Double.NaN, Double.NaN, "Ω");
                    row(b, "tau" + (q + 1), s, temperature, p.tau()[q].value(s, temperature), Double.NaN, Double.NaN, "s");
                }
            }
        }
        return b.build();
    }

    private static TableBuilder builder(String name) {
        return new TableBuilder(name).stringColumn("name", Role.NONE).doubleColumn("soc", "", Role.NONE)
                .doubleColumn("temperature", "°C", Role.NONE).doubleColumn("value", "", Role.NONE)
                .doubleColumn("ci_low", "", Role.NONE).doubleColumn("ci_high", "", Role.NONE)
                .stringColumn("unit", Role.NONE);
    }

    private static void est(TableBuilder b, String n, double soc, double t, EcmIdentification.Estimate e, String unit) {
        row(b, n, soc, t, e.value(), e.low(), e.high(), unit);
    }

    private static void row(TableBuilder b, String n, double soc, double t, double v, double lo, double hi, String u) {
        b.set(0, n).set(1, soc).set(2, t).set(3, v).set(4, lo).set(5, hi).set(6, u).endRow();
    }

    /**
     * The parameter set at {@code temperature}: resistances, time constants and OCV as tables over
     * SOC × the table's temperatures (each temperature's series resampled onto the SOC breakpoints
     * of the lowest one), capacity interpolated in temperature.
     */
    public static EcmParameters fromTable(Table t, double temperature) throws DataException {
        for (String c : COLUMNS) {
            if (t.find(c).isEmpty()) {
                throw new DataException(t.name(), "column '" + c + "'", "missing; an ECM parameter table has the columns "
                        + List.of(COLUMNS));
            }
        }
        Column names = t.column("name");
        double[] soc = t.doubles("soc");
        double[] temp = t.doubles("temperature");
        double[] value = t.doubles("value");
        // name → temperature → (soc → value)
        TreeMap<String, TreeMap<Double, TreeMap<Double, Double>>> all = new TreeMap<>();
        for (int k = 0; k < t.rowCount(); k++) {
            String n = names.format(k);
            double s = Double.isNaN(soc[k]) ? 0 : soc[k];
            all.computeIfAbsent(n, x -> new TreeMap<>()).computeIfAbsent(temp[k], x -> new TreeMap<>()).put(s, value[k]);
        }
        for (String need : new String[] { "capacity", "ocv", "r0" }) {
            if (!all.containsKey(need)) {
                throw new DataException(t.name(), "rows named '" + need + "'", "missing; an ECM parameter table needs "
                        + "capacity, ocv, r0 and optionally r1/tau1 … r3/tau3");
            }
        }
        int pairs = 0;
        while (all.containsKey("r" + (pairs + 1)) && all.containsKey("tau" + (pairs + 1))) {
            pairs++;
        }
        double capacity = interpolateIn(scalars(all.get("capacity")), temperature);
        double minV = all.containsKey("min_voltage") ? interpolateIn(scalars(all.get("min_voltage")), temperature) : 2.5;
        double maxV = all.containsKey("max_voltage") ? interpolateIn(scalars(all.get("max_voltage")), temperature) : 4.2;
        double[] temps = all.get("ocv").keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] ocvSoc = all.get("ocv").firstEntry().getValue().keySet().stream().mapToDouble(Double::doubleValue)
                .toArray();
        OcvCurve ocv = new OcvCurve(ocvSoc, temps, resample(all.get("ocv"), temps, ocvSoc));
        Lookup r0 = lookup(all.get("r0"));
        Lookup[] r = new Lookup[pairs];
        Lookup[] tau = new Lookup[pairs];
        for (int q = 0; q < pairs; q++) {
            r[q] = lookup(all.get("r" + (q + 1)));
            tau[q] = lookup(all.get("tau" + (q + 1)));
        }
        try {
            return new EcmParameters(capacity, ocv, r0, r, tau, 1.0, 0, 0, 0, 0, minV, maxV);
        } catch (IllegalArgumentException e) {
            throw new DataException(t.name(), "", "is not a usable ECM parameter set: " + e.getMessage(), e);
        }
    }

    private static TreeMap<Double, Double> scalars(TreeMap<Double, TreeMap<Double, Double>> byT) {
        TreeMap<Double, Double> out = new TreeMap<>();
        byT.forEach((t, m) -> out.put(t, m.firstEntry().getValue()));
        return out;
    }

    private static Lookup lookup(TreeMap<Double, TreeMap<Double, Double>> byT) {
        double[] temps = byT.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] socs = byT.firstEntry().getValue().keySet().stream().mapToDouble(Double::doubleValue).toArray();
        if (socs.length == 1 && temps.length == 1) {
            return Lookup.constant(byT.firstEntry().getValue().firstEntry().getValue());
        }
        double[][] v = resample(byT, temps, socs);
        return temps.length == 1 ? Lookup.ofSoc(socs, v[0]) : Lookup.ofSocAndTemperature(socs, temps, v);
    }

    private static double[][] resample(TreeMap<Double, TreeMap<Double, Double>> byT, double[] temps, double[] socs) {
        double[][] v = new double[temps.length][socs.length];
        for (int i = 0; i < temps.length; i++) {
            TreeMap<Double, Double> m = byT.get(temps[i]);
            for (int s = 0; s < socs.length; s++) {
                v[i][s] = interpolateIn(m, socs[s]);
            }
        }
        return v;
    }

    /** Linear interpolation in a sorted map, held beyond its ends. */
    static double interpolateIn(TreeMap<Double, Double> m, double x) {
        var lo = m.floorEntry(x);
        var hi = m.ceilingEntry(x);
        if (lo == null) {
            return hi.getValue();
        }
        if (hi == null || hi.getKey().equals(lo.getKey())) {
            return lo.getValue();
        }
        double w = (x - lo.getKey()) / (hi.getKey() - lo.getKey());
        return lo.getValue() + w * (hi.getValue() - lo.getValue());
    }
}

package org.nernst.twin.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nernst.core.node.DataException;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.core.table.TableBuilder;
import org.nernst.twin.ecm.EcmIdentification;
import org.nernst.twin.ecm.EcmParameterTable;
import org.nernst.twin.ecm.EcmParameters;
import org.nernst.twin.ecm.OcvExtraction;

/**
 * Operation {@code org.nernst.twin.ecmIdentify}: an ECM from an HPPC test (pulse sets separated by
 * gaps in the log, as the Panasonic 18650PF files have them) or from a drive cycle, with the OCV
 * from the rests before the pulse sets, optionally shaped by a slow (C/20) discharge.
 */
public final class EcmIdentifyNode implements Node {

    @Override
    public void configure(Parameters p) {
        long pairs = p.integer("pairs");
        if (pairs < 1 || pairs > 3) {
            throw new IllegalArgumentException("parameter 'pairs' must be 1, 2 or 3");
        }
        if (!(p.number("rMax") > p.number("rMin"))) {
            throw new IllegalArgumentException("parameter 'rMax' must exceed 'rMin'");
        }
    }

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Parameters p = c.parameters();
        configure(p);
        Table pulses = c.input("pulses", Table.class);
        double[] t = need(pulses, p.string("time"));
        double[] i = need(pulses, p.string("current"));
        double[] v = need(pulses, p.string("voltage"));
        double[] ah = need(pulses, p.string("ah"));
        double temperature = p.number("temperature");
        if (temperature < -273.15 && pulses.find("temperature").isPresent()) {
            double[] tc = pulses.doubles("temperature");
            double sum = 0;
            for (double x : tc) {
                sum += x;
            }
            temperature = Math.round(sum / tc.length);
        }
        if (temperature < -273.15) {
            temperature = 25;
        }
        double capacity = p.number("capacity");
        if (!(capacity > 0)) {
            capacity = ah[0] - min(ah);
            c.info(String.format(java.util.Locale.ROOT, "capacity %.4f Ah: the charge the test takes out of the full cell", capacity));
        }
        boolean drive = p.string("mode").equals("driveCycle");
        OcvExtraction.OcvPoints ocv;
        OcvExtraction.OcvPoints rests = drive ? null : OcvExtraction.restedPoints(t, i, v, ah, p.number("gap"));
        var slow = c.optionalInput("ocv", Table.class);
        if (slow.isPresent()) {
            Table s = slow.get();
            OcvExtraction.OcvPoints base = OcvExtraction.fromSlowDischarge(need(s, p.string("current")),
                    need(s, p.string("voltage")), need(s, p.string("ah")), p.number("ocvResistance"), 0.02);
            ocv = rests == null ? base : OcvExtraction.shiftedTo(base, rests);
        } else if (rests != null) {
            ocv = rests;
        } else {
            throw new DataException(pulses.name(), "input 'ocv'", "a drive-cycle fit needs the slow (C/20) test for the OCV");
        }
        var bounds = new EcmIdentification.Bounds(p.number("rMin"), p.number("rMax"),
                EcmIdentification.Bounds.defaults().tauMin(), new double[] { p.number("tau1Max"), p.number("tau2Max"),
                        p.number("tau3Max") });
        var id = new EcmIdentification((int) p.integer("pairs"), bounds, drive);
        List<EcmIdentification.Segment> segments = drive
                ? List.of(EcmIdentification.wholeTest(pulses.name(), t, i, v, ah, ocv))
                : EcmIdentification.pulseSets(pulses.name(), t, i, v, ah, ocv, capacity, p.number("gap"));
        if (segments.isEmpty()) {
            throw new DataException(pulses.name(), "", "holds no pulse sets (rests followed by current, separated by gaps of "
                    + p.number("gap") + " s or more)");
        }
        List<EcmIdentification.Fit> fits = new ArrayList<>();
        TableBuilder fit = new TableBuilder("ECM fit").stringColumn("segment", Role.GROUP)
                .doubleColumn("soc", "", Role.NONE).longColumn("samples", "", Role.NONE)
                .doubleColumn("rmse", "V", Role.NONE).longColumn("iterations", "", Role.NONE);
        c.monitor().begin("fitting ECM", segments.size());
        for (EcmIdentification.Segment s : segments) {
            c.monitor().checkCanceled();
            EcmIdentification.Fit f = id.fit(s);
            fit.set(0, f.name()).set(1, f.soc()).set(2, (long) f.samples()).set(3, f.rmse())
                    .set(4, (long) f.iterations()).endRow();
            if (f.soc() > p.number("minSoc")) {
                fits.add(f);
            }
            c.monitor().worked(1);
        }
        List<String> bp = p.list("socBreakpoints");
        if (!bp.isEmpty() && !drive) {
            fits = resample(fits, bp.stream().mapToDouble(Double::parseDouble).toArray());
        }
        EcmParameters params = EcmIdentification.parameters(fits, ocv, capacity, p.number("minVoltage"),
                p.number("maxVoltage"));
        return Map.of("parameters", EcmParameterTable.toTable("ECM parameters", temperature, params, fits),
                "fit", fit.build());
    }

    /** Fits interpolated (values and interval ends) onto the breakpoints asked for. */
    private static List<EcmIdentification.Fit> resample(List<EcmIdentification.Fit> fits, double[] socs) {
        List<EcmIdentification.Fit> sorted = new ArrayList<>(fits);
        sorted.sort((a, b) -> Double.compare(a.soc(), b.soc()));
        List<EcmIdentification.Fit> out = new ArrayList<>();
        for (double s : socs) {
            int k = 0;
            while (k < sorted.size() - 2 && sorted.get(k + 1).soc() < s) {
                k++;
            }
            var a = sorted.get(k);
            var b = sorted.get(Math.min(k + 1, sorted.size() - 1));
            double w = b.soc() == a.soc() ? 0 : Math.max(0, Math.min(1, (s - a.soc()) / (b.soc() - a.soc())));
            int pairs = a.r().length;
            var r = new EcmIdentification.Estimate[pairs];
            var tau = new EcmIdentification.Estimate[pairs];
            for (int q = 0; q < pairs; q++) {
                r[q] = mix(a.r()[q], b.r()[q], w);
                tau[q] = mix(a.tau()[q], b.tau()[q], w);
            }
            out.add(new EcmIdentification.Fit("soc " + s, s, mix(a.r0(), b.r0(), w), r, tau,
                    (1 - w) * a.rmse() + w * b.rmse(), a.samples() + b.samples(), 0));
        }
        return out;
    }

    private static EcmIdentification.Estimate mix(EcmIdentification.Estimate a, EcmIdentification.Estimate b, double w) {
        return new EcmIdentification.Estimate((1 - w) * a.value() + w * b.value(), (1 - w) * a.low() + w * b.low(),
                (1 - w) * a.high() + w * b.high());
    }

    private static double[] need(Table t, String column) throws DataException {
        if (t.find(column).isEmpty()) {
            throw new DataException(t.name(), "column '" + column + "'", "missing; the table has " + t.columnNames());
        }
        return t.doubles(column);
    }

    private static double min(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : x) {
            m = Math.min(m, v);
        }
        return m;
    }
}

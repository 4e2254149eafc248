package org.nernst.estimation.health;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resistance from the voltage step at current steps: at every pair of consecutive samples whose
 * current changes by at least {@code minStep} within {@code maxDt}, R = ΔV/ΔI (in the table sign
 * convention, current positive while charging, a step of either sign gives a positive R). The
 * value of a cycle is the median over its steps, robust to a step caught mid-transition. With a
 * sampling interval Δt it is the resistance at Δt: R0 plus whatever polarization builds up in Δt.
 */
public final class StepResistance {
    private StepResistance() {
    }

    /** Median step resistance and number of steps of one cycle. */
    public record CycleResistance(long cycle, double ohm, int steps) {
    }

    public static List<CycleResistance> perCycle(double[] time, double[] current, double[] voltage, double[] cycle,
            double minStep, double maxDt) {
        Map<Long, List<Double>> byCycle = new LinkedHashMap<>();
        for (int i = 1; i < time.length; i++) {
            if (cycle[i] != cycle[i - 1]) {
                continue;
            }
            double di = current[i] - current[i - 1];
            double dt = time[i] - time[i - 1];
            double dv = voltage[i] - voltage[i - 1];
            if (Math.abs(di) >= minStep && dt > 0 && dt <= maxDt && Double.isFinite(dv)) {
                byCycle.computeIfAbsent((long) cycle[i], k -> new ArrayList<>()).add(dv / di);
            }
        }
        List<CycleResistance> out = new ArrayList<>();
        for (Map.Entry<Long, List<Double>> e : byCycle.entrySet()) {
            double[] r = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(r);
            int m = r.length;
            double median = m % 2 == 1 ? r[m / 2] : 0.5 * (r[m / 2 - 1] + r[m / 2]);
            out.add(new CycleResistance(e.getKey(), median, m));
        }
        return out;
    }
}

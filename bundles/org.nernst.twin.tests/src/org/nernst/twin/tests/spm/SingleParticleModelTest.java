package org.nernst.twin.tests.spm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nernst.core.node.Parameters;
import org.nernst.twin.spm.ParameterSet;
import org.nernst.twin.spm.ParameterSets;
import org.nernst.twin.spm.SingleParticleModel;

class SingleParticleModelTest {
    private static final ParameterSet CHEN = ParameterSets.chen2020();
    private static final double ONE_C = 5.0;

    @Test
    void stateNamesAreTheShellsOfBothParticlesThenTemperature() {
        SingleParticleModel m = new SingleParticleModel(CHEN, 20);
        List<String> names = m.stateNames();
        assertEquals(41, names.size());
        assertEquals("c_n_0", names.get(0));
        assertEquals("c_n_19", names.get(19));
        assertEquals("c_p_0", names.get(20));
        assertEquals("c_p_19", names.get(39));
        assertEquals("temperature", names.get(40));
    }

    @Test
    void initialStateSitsOnTheStoichiometryLimitsOfChen2020() {
        SingleParticleModel m = new SingleParticleModel(CHEN, 20);
        double[] full = m.initialState(1.0, 25);
        assertEquals(0.9014 * 33133, full[0], 1e-9);
        assertEquals(0.2661 * 63104, full[39], 1e-9);
        assertEquals(1.0, m.soc(full), 1e-12);
        double[] empty = m.initialState(0.0, 25);
        assertEquals(0.0279, m.negativeStoichiometry(empty), 1e-12);
        assertEquals(0.9084, m.positiveStoichiometry(empty), 1e-12);
        assertEquals(0.0, m.soc(empty), 1e-12);
        assertEquals(0.37, m.soc(m.initialState(0.37, 25)), 1e-12);
    }

    @Test
    void oneCDischargeConservesLithiumToRoundOff() {
        SingleParticleModel m = new SingleParticleModel(CHEN, 20);
        double[] s = m.initialState(1.0, 25);
        double lithium = m.lithiumInParticles(s);
        for (int k = 0; k < 340; k++) {
            m.advance(s, ONE_C, 25, 10);
        }
        // The implicit step conserves exactly up to floating point: relative 1e-12 is round-off.
        assertEquals(lithium, m.lithiumInParticles(s), 1e-12 * lithium);
        // It did move lithium: 3400 s at 5 A is 0.176 mol from the negative to the positive particle.
        assertEquals(0.9014 - 5.0 * 3400 / ParameterSet.FARADAY / (0.75 * 85.2e-6 * 0.1027 * 33133),
                m.negativeStoichiometry(s), 1e-9);
    }

    @Test
    void referenceIntegratorConservesLithiumToItsTolerance() {
        SingleParticleModel m = new SingleParticleModel(CHEN, 20);
        double[] s = m.initialState(1.0, 25);
        double lithium = m.lithiumInParticles(s);
        for (int k = 0; k < 34; k++) {
            m.integrate(s, ONE_C, 25, 100);
        }
        // Dormand–Prince with absolute tolerance 1e-6 mol/m³ and relative 1e-10 per shell
        assertEquals(lithium, m.lithiumInParticles(s), 1e-8 * lithium);
    }

    @Test
    void capacityAtC20MatchesTheNominalFiveAmpereHoursWithinTwoPercent() {
        SingleParticleModel m = new SingleParticleModel(CHEN, 20);
        double q = Discharges.capacityAh(m, 1.0, ONE_C / 20, 10);
        assertEquals(5.0, q, 0.02 * 5.0, "C/20 capacity " + q + " Ah");
        // The stoichiometry window itself holds 5.09 Ah (negative: 0.9014 → 0.0279); C/20 reaches it
        // to within the last few per mille, where the graphite OCP rises steeply to the cut-off.
        double window = 0.75 * 85.2e-6 * 0.1027 * 33133 * (0.9014 - 0.0279) * ParameterSet.FARADAY / 3600;
        assertEquals(window, q, 0.01 * window);
    }

    @Test
    void voltageFallsMonotonicallyAndStaysInsideTheOcpWindowDuringAOneCDischarge() {
        SingleParticleModel m = new SingleParticleModel(CHEN, 20);
        double[] s = m.initialState(1.0, 25);
        double ocvFull = m.voltage(s, 0);
        double previous = m.voltage(s, ONE_C);
        int steps = 0;
        while (true) {
            m.advance(s, ONE_C, 25, 5);
            double v = m.voltage(s, ONE_C);
            if (v < m.minVoltage()) {
                break;
            }
            assertTrue(v < previous, "voltage rose at step " + steps + ": " + previous + " → " + v);
            assertTrue(v <= ocvFull && v < m.openCircuitVoltage(s), "above the OCV at step " + steps);
            previous = v;
            steps++;
        }
        // 1C reaches the cut-off after about 59 minutes (4.94 Ah)
        assertTrue(steps * 5 > 3400 && steps * 5 < 3600, "1C discharge lasted " + steps * 5 + " s");
    }

    @Test
    void atZeroCurrentTheVoltageIsTheOpenCircuitVoltage() {
        SingleParticleModel m = new SingleParticleModel(CHEN, 20);
        double[] s = m.initialState(0.6, 25);
        double ocv = CHEN.positive().ocp().at(m.positiveStoichiometry(s), 298.15)
                - CHEN.negative().ocp().at(m.negativeStoichiometry(s), 298.15);
        assertEquals(ocv, m.voltage(s, 0), 1e-12);
        // After a discharge pulse and a long rest, the particles relax and V(0) returns to the OCV
        m.advance(s, 2 * ONE_C, 25, 300);
        assertTrue(m.openCircuitVoltage(s) - m.voltage(s, 0) > 1e-3, "surface depleted right after the pulse");
        m.advance(s, 0, 25, 6 * 3600);
        assertEquals(m.openCircuitVoltage(s), m.voltage(s, 0), 1e-6);
    }

    @Test
    void implicitStepAgreesWithTheHipparchusReferenceWithinOneMillivoltOverAOneCDischarge() {
        double worst = Discharges.worstDifferenceFromReference(new SingleParticleModel(CHEN, 20), ONE_C, 340, 10);
        // measured 0.16 mV with 10 s steps (0.002 mV with 1 s steps)
        assertTrue(worst < 1e-3, "largest difference " + worst * 1e3 + " mV");
    }

    @Test
    void chargeAfterDischargeRaisesTheVoltageAboveTheOcv() {
        SingleParticleModel m = new SingleParticleModel(CHEN, 20);
        double[] s = m.initialState(0.5, 25);
        assertTrue(m.voltage(s, -ONE_C) > m.voltage(s, 0));
        m.advance(s, -ONE_C, 25, 600);
        assertEquals(0.5 + 600.0 / 3600 * ONE_C / 5.09, m.soc(s), 0.01);
        assertTrue(m.voltage(s, -ONE_C) > m.openCircuitVoltage(s));
    }

    @Test
    void fromParametersReadsTheSetShellsAndTemperature() throws Exception {
        SingleParticleModel m = SingleParticleModel.fromParameters(
                Parameters.of(Map.of("parameterSet", "chen2020", "bpxFile", "", "shells", 12L, "temperature", 10.0)));
        assertEquals(12, m.shells());
        assertEquals(10.0, m.ambientC(), 0);
        assertEquals(5.0, m.capacityAh(), 0);
        assertEquals(2.5, m.minVoltage(), 0);
        assertEquals(4.2, m.maxVoltage(), 0);
        assertEquals(25, m.stateNames().size());
    }

    @Test
    void colderCellDischargesAtALowerVoltage() {
        SingleParticleModel m = new SingleParticleModel(CHEN, 20);
        double[] warm = m.initialState(0.5, 25);
        double[] cold = m.initialState(0.5, 0);
        m.advance(warm, ONE_C, 25, 60);
        m.advance(cold, ONE_C, 0, 60);
        assertEquals(0.0, cold[cold.length - 1], 0);
        // Arrhenius on the exchange currents (35 and 17.8 kJ/mol) raises the overpotentials
        assertTrue(m.voltage(cold, ONE_C) < m.voltage(warm, ONE_C) - 1e-3);
    }

    @Test
    void moreShellsConvergeTheVoltage() {
        List<Double> atMid = new ArrayList<>();
        for (int shells : new int[] {10, 20, 80}) {
            SingleParticleModel m = new SingleParticleModel(CHEN, shells);
            double[] s = m.initialState(1.0, 25);
            m.advance(s, ONE_C, 25, 1800);
            atMid.add(m.voltage(s, ONE_C));
        }
        double coarse = Math.abs(atMid.get(0) - atMid.get(2));
        double medium = Math.abs(atMid.get(1) - atMid.get(2));
        assertTrue(medium < coarse, "20 shells closer to 80 than 10 are: " + atMid);
        assertTrue(medium < 5e-3, "20 shells within 5 mV of 80: " + atMid);
    }
}

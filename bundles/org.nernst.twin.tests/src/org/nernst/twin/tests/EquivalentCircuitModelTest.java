package org.nernst.twin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nernst.twin.ecm.EcmParameters;
import org.nernst.twin.ecm.EquivalentCircuitModel;
import org.nernst.twin.ecm.Lookup;
import org.nernst.twin.ecm.OcvCurve;

class EquivalentCircuitModelTest {
    static final OcvCurve LINEAR_OCV = new OcvCurve(new double[] {0, 1}, new double[] {3.0, 4.2});

    static EquivalentCircuitModel twoRc() {
        return new EquivalentCircuitModel(EcmParameters.simple(2.0, LINEAR_OCV, 0.02,
                new double[] {0.01, 0.03}, new double[] {10, 200}, 2.5, 4.2));
    }

    @Test
    void oneStepOfAnyLengthIsTheExactSolution() {
        EquivalentCircuitModel m = twoRc();
        double[] y = m.initialState(0.9, 25);
        m.advance(y, 2.0, 25, 100);
        assertEquals(0.9 - 2.0 * 100 / 7200.0, y[0], 1e-15);
        assertEquals(0.01 * 2 * (1 - Math.exp(-10)), y[1], 1e-15);
        assertEquals(0.03 * 2 * (1 - Math.exp(-0.5)), y[2], 1e-15);
        double[] z = m.initialState(0.9, 25);
        for (int k = 0; k < 1000; k++) {
            m.advance(z, 2.0, 25, 0.1);
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(y[i], z[i], 1e-12, "state " + i + " must not depend on how the time is split");
        }
    }

    @Test
    void voltageIsOcvMinusOverpotentials() {
        EquivalentCircuitModel m = twoRc();
        double[] y = {0.5, 0.01, 0.02};
        assertEquals(3.6 - 0.03 - 1.0 * 0.02, m.voltage(y, 1.0), 1e-12);
        assertEquals(3.6 - 0.03 + 0.5 * 0.02, m.voltage(y, -0.5), 1e-12);
    }

    @Test
    void closedFormCurrentForVoltageAndPower() {
        EquivalentCircuitModel m = twoRc();
        double[] y = {0.5, 0.01, 0.02};
        double i = m.currentForVoltage(y, 3.4);
        assertEquals(3.4, m.voltage(y, i), 1e-12);
        double ip = m.currentForPower(y, 10.0);
        assertEquals(10.0, ip * m.voltage(y, ip), 1e-9);
        assertThrows(ArithmeticException.class, () -> m.currentForPower(y, 1e6));
    }

    @Test
    void socAndTemperatureTablesAreInterpolated() {
        Lookup r0 = Lookup.ofSocAndTemperature(new double[] {0, 1}, new double[] {0, 25},
                new double[][] {{0.10, 0.06}, {0.04, 0.02}});
        assertEquals(0.03, r0.value(0.5, 25), 1e-15);
        assertEquals(0.08, r0.value(0.5, 0), 1e-15);
        assertEquals(0.055, r0.value(0.5, 12.5), 1e-15);
        assertEquals(0.02, r0.value(2.0, 40), 1e-15, "held constant beyond the table");
        EcmParameters p = EcmParameters.simple(2, LINEAR_OCV, 0, new double[0], new double[0], 2.5, 4.2)
                .withResistances(r0, new Lookup[0], new Lookup[0]);
        EquivalentCircuitModel cold = new EquivalentCircuitModel(p, 0);
        assertEquals(3.6 - 0.08, cold.voltage(cold.initialState(0.5, 0), 1.0), 1e-12);
    }

    @Test
    void hysteresisConvergesToMinusOneOnDischargeAndPlusOneOnCharge() {
        EquivalentCircuitModel m = new EquivalentCircuitModel(EcmParameters.simple(2.0, LINEAR_OCV, 0.02,
                new double[] {0.01}, new double[] {10}, 2.5, 4.2).withHysteresis(0.01, 50));
        double[] y = m.initialState(0.5, 25);
        assertEquals(3, y.length);
        m.advance(y, 2.0, 25, 360); // 10 % of SOC at γ = 50 → exp(-5)
        assertEquals(-1 + Math.exp(-5), y[2], 1e-12);
        m.advance(y, -2.0, 25, 3600);
        assertTrue(y[2] > 0.99);
        assertEquals(m.parameters().ocv().voltage(y[0], 25) + 0.01 * y[2], m.openCircuitVoltage(y), 1e-15);
    }

    @Test
    void lumpedThermalModelReachesItsSteadyState() {
        EquivalentCircuitModel m = new EquivalentCircuitModel(EcmParameters.simple(2.0, LINEAR_OCV, 0.05,
                new double[0], new double[0], 2.5, 4.2).withThermal(40, 0.1));
        double[] y = m.initialState(1.0, 25);
        for (int k = 0; k < 3000; k++) {
            m.advance(y, 1.0, 25, 1); // 0.05 W of heat into 0.1 W/K → +0.5 K, τ = 400 s
        }
        assertEquals(25.5, m.temperature(y, 25), 1e-3);
    }
}

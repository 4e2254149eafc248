package org.nernst.twin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nernst.core.node.DataException;
import org.nernst.twin.experiment.Experiment;
import org.nernst.twin.experiment.ExperimentParser;
import org.nernst.twin.experiment.Step;
import org.nernst.twin.experiment.Step.Direction;
import org.nernst.twin.experiment.Step.Limit;
import org.nernst.twin.experiment.Step.Mode;

class ExperimentParserTest {

    static Step one(String text) throws DataException {
        List<Step> s = ExperimentParser.parse(text).unrolled();
        assertEquals(1, s.size());
        return s.get(0);
    }

    @Test
    void constantCurrentChargeToAVoltage() throws DataException {
        Step s = one("Charge at 1C until 4.2 V");
        assertEquals(Mode.C_RATE, s.mode());
        assertEquals(1.0, s.value());
        assertEquals(Direction.CHARGE, s.direction());
        assertEquals(List.of(new Limit(Limit.Kind.VOLTAGE, 4.2)), s.limits());
        assertTrue(Double.isNaN(s.duration()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Discharge at 2 A until 2.5 V|CURRENT|2.0",
        "discharge at 500 mA until 2500 mV|CURRENT|0.5",
        "Discharge at C/20 until 2.5 V|C_RATE|0.05",
        "Discharge at 0.5C until 2.5V|C_RATE|0.5",
        "Discharge at 10 W until 2.5 V|POWER|10.0",
        "Discharge at 2.5 kW until 2.5 V|POWER|2500.0" })
    void unitsAreConverted(String text, Mode mode, double value) throws DataException {
        Step s = one(text);
        assertEquals(mode, s.mode());
        assertEquals(value, s.value(), 1e-12);
        assertEquals(2.5, s.limits().get(0).value(), 1e-12);
    }

    @Test
    void holdsRestsDurationsAndSocLimits() throws DataException {
        Step hold = one("Hold at 4.2 V until C/50");
        assertEquals(Mode.VOLTAGE, hold.mode());
        assertEquals(new Limit(Limit.Kind.C_RATE, 0.02), hold.limits().get(0));
        assertEquals(new Limit(Limit.Kind.CURRENT, 0.05), one("Hold at 4200 mV until 50 mA").limits().get(0));
        assertEquals(5400.0, one("Rest for 1.5 hours").duration());
        assertEquals(600.0, one("Rest for 10 min").duration());
        Step both = one("Discharge at 1C for 90 seconds or until 3.0 V");
        assertEquals(90.0, both.duration());
        assertEquals(3.0, both.limits().get(0).value());
        assertEquals(new Limit(Limit.Kind.SOC, 0.8), one("Charge at 4C until 80 % SOC").limits().get(0));
        assertEquals(new Limit(Limit.Kind.SOC, 0.2), one("Charge at 4C until SOC 20%").limits().get(0));
        Step two = one("Discharge at 1C until 3.0 V or 10 % SOC");
        assertEquals(2, two.limits().size());
        Step drive = one("Run drive cycle \"US06 profile.csv\" until 2.5 V");
        assertEquals(Mode.DRIVE_CYCLE, drive.mode());
        assertEquals("US06 profile.csv", drive.driveCycle());
        assertEquals("udds.csv", one("Run udds.csv").driveCycle());
    }

    @Test
    void repeatedBlocksByIndentationOrAfterTheColon() throws DataException {
        Experiment e = ExperimentParser.parse("""
                # a comment line
                Rest for 1 hour
                Repeat 3 times:
                    Charge at 1C until 4.2 V   # trailing comment
                    Hold at 4.2 V until C/20
                    Repeat 2 times: Discharge at 1C for 6 minutes; Rest for 10 minutes
                Discharge at 1C until 2.5 V
                """);
        assertEquals(3, e.items().size());
        Experiment.Repeat r = assertInstanceOf(Experiment.Repeat.class, e.items().get(1));
        assertEquals(3, r.times());
        assertEquals(3, r.body().size());
        assertEquals(1 + 3 * (2 + 2 * 2) + 1, e.unrolled().size());
        assertEquals(e.unrolled().size(), e.stepCount());
        assertEquals(4, e.unrolled().get(1).line());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Charge at 1C until 4.2 V|Charge at fast until 4.2 V|line 2, column 1|a current",
        "Rest for 1 hour|Rest|line 2, column 1|a duration for the rest",
        "Rest for 1 hour|Hold at 4.2 V|line 2|an end for the hold",
        "Rest for 1 hour|Discharge at 1C until 50 mA|line 2|a current limit ends only",
        "Rest for 1 hour|Discharge at 0 A until 2.5 V|line 2|positive",
        "Rest for 1 hour|Discharge at 1C until 120 % SOC|line 2|between 0 and 100",
        "Rest for 1 hour|Discharge at 1C until 2.5 V and 3 V|line 2|'or' between",
        "Rest for 1 hour|Jump at 1C|line 2, column 1|Charge, Discharge, Hold, Rest, Run or Repeat",
        "Rest for 1 hour|Repeat 0 times: Rest for 1 s|line 2|at least 1",
        "Rest for 1 hour|'    Rest for 1 s'|line 2, column 1|indented more" })
    void errorsNameTheLineAndWhatWasExpected(String first, String second, String location, String expected) {
        DataException e = assertThrows(DataException.class, () -> ExperimentParser.parse(first + "\n" + second));
        assertTrue(e.location().startsWith(location), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void columnsPointAtTheFailingInstructionOfAnInlineList() {
        DataException e = assertThrows(DataException.class,
                () -> ExperimentParser.parse("Repeat 2 times: Rest for 1 s; Fly away"));
        assertEquals("line 1, column 31", e.location());
    }

    @Test
    void emptyExperimentIsRefused() {
        assertThrows(DataException.class, () -> ExperimentParser.parse("  \n # nothing\n"));
    }
}

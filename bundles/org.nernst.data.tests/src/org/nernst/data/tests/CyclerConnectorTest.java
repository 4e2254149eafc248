package org.nernst.data.tests;

import org.nernst.conformance.TestData;
import org.nernst.conformance.Workflows;
import org.nernst.core.workflow.PortRef;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.exec.NodeExecutionException;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.core.workflow.WorkflowNode;
import org.nernst.data.cycler.CyclerFormat;
import org.nernst.data.cycler.CyclerReader;

/**
 * The cycler connectors on the real vendor samples in {@code cycler-samples} (copied from BEEP's
 * test files, see its PROVENANCE.md) and, for layouts without a public sample there (Neware,
 * BatteryArchive), on files these tests write following the documented layout. Expected values
 * were read from the files independently (Python's csv module) and are written out here.
 */
class CyclerConnectorTest {
    @TempDir
    Path tmp;

    private static Path sample(String name) {
        return TestData.folder("cycler-samples").resolve(name);
    }

    private static Table read(Path file) throws Exception {
        return Workflows.node("org.nernst.data.cycler", Map.of("file", file.toString())).value("n", "table", Table.class);
    }

    private static DataException error(Path file) {
        NodeExecutionException e = assertThrows(NodeExecutionException.class,
                () -> Workflows.node("org.nernst.data.cycler", Map.of("file", file.toString())));
        return assertInstanceOf(DataException.class, e.getCause());
    }

    @Test
    void arbinFastChargeSampleIsReadWithUnitsAndItsOwnCycles() throws Exception {
        Path f = sample("arbin/FastCharge_000025_CH8.csv");
        assertEquals(CyclerFormat.ARBIN, CyclerReader.detect(f));
        Table t = read(f);
        assertEquals(248, t.rowCount());
        assertEquals(List.of("cell", "cycle", "step", "test_time", "date_time", "current", "voltage", "charge_capacity",
                "discharge_capacity", "charge_energy", "discharge_energy", "temperature", "internal_resistance"),
                t.columnNames());
        assertEquals(Role.GROUP, t.column("cell").role());
        assertEquals("FastCharge_000025_CH8", t.column("cell").format(0));
        assertEquals("s", t.column("test_time").unit());
        assertEquals("A", t.column("current").unit());
        assertEquals("°C", t.column("temperature").unit());
        assertEquals(10.0024, t.doubles("test_time")[0]);
        assertEquals(1800.0104, t.doubles("test_time")[247]);
        assertEquals(1494645243.4715, t.doubles("date_time")[0]);
        assertEquals(3.3011441, t.doubles("voltage")[0]);
        assertEquals(3.3009677, t.doubles("voltage")[247]);
        assertEquals(30.109268, t.doubles("temperature")[0]);
        assertTrue(Arrays.stream(t.doubles("cycle")).allMatch(c -> c == 0), "the file's own cycle index is kept");
    }

    @Test
    void arbinFileWithEmptyStepAndCycleColumnsGetsThemInferredWithAWarning() throws Exception {
        List<String> messages = new ArrayList<>();
        Table t = Workflows.nodes(List.of(new WorkflowNode("n", "org.nernst.data.cycler",
                Map.of("file", sample("arbin/2017-05-09_test-TC-contact_CH33.csv").toString()), Map.of())), messages)
                .value("n", "table", Table.class);
        assertEquals(287, t.rowCount());
        assertEquals(6.600444793701172, t.doubles("current")[0]);
        assertEquals(3.4119858741760254, t.doubles("voltage")[286]);
        // the current is positive throughout (0.000155 A to 6.6 A): one cycle; the auto rest threshold
        // (0.1 % of 6.6 A) makes samples at or below 6.6 mA rest steps
        assertTrue(Arrays.stream(t.doubles("cycle")).allMatch(c -> c == 1));
        assertTrue(messages.stream().anyMatch(m -> m.contains("steps and cycles inferred from the sign of the current")),
                messages.toString());
    }

    @Test
    void maccorExportIsSignedByStateAndAccumulatesStepCapacitiesPerCycle() throws Exception {
        Path f = sample("maccor/xTESLADIAG_000019_CH70.070");
        assertEquals(CyclerFormat.MACCOR, CyclerReader.detect(f));
        Table t = read(f);
        assertEquals(11669, t.rowCount());
        assertEquals(3.45845731, t.doubles("voltage")[0]);
        assertEquals(136344.95, t.doubles("test_time")[11668], 1e-9);
        // record 3 is the first discharge sample: Amps -9.0750743877, State D
        assertEquals(-9.0750743877, t.doubles("current")[2]);
        // 07/11/2019 14:02:33 as written (no zone in the file: read as UTC)
        assertEquals(Instant.parse("2019-07-11T14:02:33Z").getEpochSecond(), t.doubles("date_time")[0]);
        assertArrayEquals(new double[] { 0, 1, 2 }, Arrays.stream(t.doubles("cycle")).distinct().toArray());
        // cycle 1: the last Amp-hr of each C step summed (Python, independently) = 88.607903112 Ah
        double[] qc = t.doubles("charge_capacity"), cycle = t.doubles("cycle");
        double maxQc = 0;
        for (int i = 0; i < qc.length; i++) {
            if (cycle[i] == 1) {
                maxQc = Math.max(maxQc, qc[i]);
            }
        }
        assertEquals(88.607903112, maxQc, 1e-9);
    }

    @Test
    void maccorExportWithDurationTestTimes() throws Exception {
        Table t = read(sample("maccor/maccor_test_file_4267-66-6519.041"));
        assertEquals(74, t.rowCount());
        assertEquals(0.0, t.doubles("test_time")[0]);
        assertEquals(10.0, t.doubles("test_time")[73], "'  0d 00:00:10.0000' style times are parsed");
        // an impedance (FRA) step is a state of its own: neither charge nor discharge
        assertEquals(0.0, t.doubles("current")[11]);
        assertEquals(3.91157397, t.doubles("voltage")[11]);
    }

    @Test
    void maccorProcedureFileIsRefusedAsNotData() {
        DataException e = error(sample("maccor/EXP.000"));
        assertTrue(e.getMessage().contains("procedure"), e.getMessage());
    }

    @Test
    void cycleSummariesOfTheMaccorCellMatchTheCyclerAndTheIntegratedCurrent() throws Exception {
        Path f = sample("maccor/xTESLADIAG_000019_CH70.070");
        Table cycles = Workflows.nodes(List.of(new WorkflowNode("read", "org.nernst.data.cycler", Map.of("file", f.toString()),
                Map.of()), new WorkflowNode("sum", "org.nernst.features.cycleSummaries", Map.of(),
                        Map.of("timeseries", PortRef.parse("read.table")))), new ArrayList<>()).value("sum", "cycles", Table.class);
        assertEquals(3, cycles.rowCount());
        assertArrayEquals(new double[] { 109, 11413, 147 }, cycles.doubles("samples"));
        assertEquals(88.607903112, cycles.doubles("charge_capacity")[1], 1e-9);
        assertEquals(88.538870558, cycles.doubles("discharge_capacity")[1], 1e-9);
        assertEquals(0.124731217, cycles.doubles("discharge_capacity")[0], 1e-9);
        assertEquals(cycles.doubles("discharge_capacity")[1] / cycles.doubles("charge_capacity")[1],
                cycles.doubles("coulombic_efficiency")[1], 1e-15);

        // without the cycler's capacity columns the current is integrated: trapezoids give
        // 88.611743 / 88.538138 Ah (Python), within 0.005 % of what the cycler counted
        Table ts = Workflows.node("org.nernst.data.cycler", Map.of("file", f.toString())).value("n", "table", Table.class);
        List<org.nernst.core.table.Column> keep = new ArrayList<>();
        for (org.nernst.core.table.Column c : ts.columns()) {
            if (!c.name().endsWith("_capacity") && !c.name().endsWith("_energy")) {
                keep.add(c);
            }
        }
        Table integrated = new org.nernst.features.cycling.CycleSummaries("cell", "test_time")
                .compute(new Table("x", keep), ProgressMonitor.none());
        assertEquals(88.611743, integrated.doubles("charge_capacity")[1], 1e-6);
        assertEquals(88.538138, integrated.doubles("discharge_capacity")[1], 1e-6);
    }

    /** A BatteryArchive time series written from the Arbin sample of the same campaign, in BatteryArchive's layout. */
    @Test
    void batteryArchiveTimeSeriesMatchesTheArbinFileItWasWrittenFrom() throws Exception {
        Path arbin = sample("arbin/FastCharge_000025_CH8.csv");
        List<String> src = Files.readAllLines(arbin);
        List<String> out = new ArrayList<>();
        out.add("Date_Time,Test_Time (s),Cycle_Index,Current (A),Voltage (V),Charge_Capacity (Ah),Discharge_Capacity (Ah),"
                + "Charge_Energy (Wh),Discharge_Energy (Wh),Environment_Temperature (C),Cell_Temperature (C)");
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
        for (String line : src.subList(1, src.size())) {
            String[] a = line.split(",");
            long millis = Math.round(Double.parseDouble(a[2]) * 1000);
            out.add(String.join(",", fmt.format(Instant.ofEpochMilli(millis)), a[1], "1", a[6], a[7], a[8], a[9], a[10], a[11],
                    "30.0", a[14]));
        }
        Path ba = tmp.resolve("FastCharge_000025_CH8_timeseries.csv");
        Files.write(ba, out);
        assertEquals(CyclerFormat.BATTERY_ARCHIVE, CyclerReader.detect(ba));
        Table t = read(ba);
        Table a = read(arbin);
        assertEquals(a.rowCount(), t.rowCount());
        assertArrayEquals(a.doubles("test_time"), t.doubles("test_time"));
        assertArrayEquals(a.doubles("voltage"), t.doubles("voltage"));
        assertArrayEquals(a.doubles("temperature"), t.doubles("temperature"), "cell, not environment, temperature");
        assertArrayEquals(a.doubles("date_time"), t.doubles("date_time"), 0.0006);
        assertFalse(t.columnNames().contains("internal_resistance"));
        assertTrue(t.columnNames().contains("step"), "steps inferred: BatteryArchive files have none");
    }

    @Test
    void batteryArchiveCycleSummaryFile() throws Exception {
        Path f = tmp.resolve("CALCE_CX2-16_prism_LCO_25C_0-100_0.5-0.5C_a_cycle_data.csv");
        Files.writeString(f, """
                Cycle_Index,Start_Time,End_Time,Test_Time (s),Min_Current (A),Max_Current (A),Min_Voltage (V),Max_Voltage (V),Charge_Capacity (Ah),Discharge_Capacity (Ah),Charge_Energy (Wh),Discharge_Energy (Wh)
                1,2010-07-21 15:00:35,2010-07-21 20:50:15,21000.5,-0.675,0.675,2.7,4.2,1.32,1.30,5.2,4.9
                2,2010-07-21 20:50:15,2010-07-22 02:40:00,42000.0,-0.675,0.675,2.7,4.2,1.31,1.28,5.1,4.8
                """);
        assertEquals(CyclerFormat.BATTERY_ARCHIVE_CYCLES, CyclerReader.detect(f));
        Table t = read(f);
        assertEquals(2, t.rowCount());
        assertArrayEquals(new double[] { 1, 2 }, t.doubles("cycle"));
        assertEquals(1.30 / 1.32, t.doubles("coulombic_efficiency")[0], 1e-15);
        assertEquals(Instant.parse("2010-07-21T15:00:35Z").getEpochSecond(), t.doubles("start_time")[0]);
        assertEquals("Ah", t.column("discharge_capacity").unit());
    }

    /** Neware's hierarchical CSV, written here following the layout BEEP documents (no public sample). */
    @Test
    void newareExportConvertsMilliUnitsAccumulatesTimeAndTakesResistanceFromSteps() throws Exception {
        Path f = tmp.resolve("neware_cell.csv");
        String rec = ",,Record ID,Time(h:min:s.ms),Voltage(V),Current(mA),Temperature(C),Capacity(mAh),Capacity Density(mAh/g),"
                + "Energy(mWh),CmpEng(mWh/g),Realtime,Min-T(C),Max-T(C),Avg-T(C),Power(mW),Capacitance_Chg(mAh),"
                + "Capacitance_DChg(mAh),Engy_Chg(mWh),Engy_DChg(mWh),dQ/dV(mAh/V),dQm/dV(mAh/V.g),";
        List<String> lines = new ArrayList<>(List.of(
                "Cycle ID,Cap_Chg(mAh),Cap_DChg(mAh),Charge/Discharge Efficiency(%),Chg Time,DChg Time",
                ",Step ID,Step Name,Step Time(h:min:s.ms),Capacity(mAh),Capacity Density(mAh/g),Energy(mWh),\"DCIR(O)\"",
                rec,
                "1,1000,990,99.0,1:00:00,1:00:00",
                ",1,CC_Chg,0:00:20.000,1000,0,3700,0.025",
                row(1, "0:00:00.000", 3.60, 1000, 25.0, "2020-03-01 12:00:00", 0, 0),
                row(2, "0:00:10.000", 3.70, 1000, 25.5, "2020-03-01 12:00:10", 2.778, 0),
                row(3, "0:00:20.000", 3.80, 1000, 26.0, "2020-03-01 12:00:20", 5.556, 0),
                ",2,CC_DChg,0:00:10.000,990,0,3600,\t-",
                row(4, "0:00:05.000", 3.70, -2000, 26.5, "2020-03-01 12:00:25", 0, 2.778),
                row(5, "0:00:10.000", 3.60, -2000, 27.0, "2020-03-01 12:00:30", 0, 5.556),
                "2,1000,990,99.0,1:00:00,1:00:00",
                ",3,CC_Chg,0:00:10.000,1000,0,3700,0.030",
                row(6, "0:00:10.000", 3.65, 1500, 26.0, "2020-03-01 12:00:45", 4.167, 0)));
        Files.write(f, lines, StandardCharsets.ISO_8859_1);
        assertEquals(CyclerFormat.NEWARE, CyclerReader.detect(f));
        Table t = read(f);
        assertEquals(6, t.rowCount());
        assertArrayEquals(new double[] { 1, 1, 1, 1, 1, 2 }, t.doubles("cycle"));
        assertArrayEquals(new double[] { 1, 1, 1, 2, 2, 3 }, t.doubles("step"));
        assertArrayEquals(new double[] { 1.0, 1.0, 1.0, -2.0, -2.0, 1.5 }, t.doubles("current"));
        // step time accumulated: 0, 10, 20, then 5 s into step 2 → 25, 30, then 10 s into step 3 → 40
        assertArrayEquals(new double[] { 0, 10, 20, 25, 30, 40 }, t.doubles("test_time"));
        assertEquals(0.005556, t.doubles("charge_capacity")[2], 1e-12);
        assertEquals(0.025, t.doubles("internal_resistance")[0]);
        assertTrue(Double.isNaN(t.doubles("internal_resistance")[3]), "'-' means not measured");
        assertEquals(0.030, t.doubles("internal_resistance")[5]);
        assertEquals(Instant.parse("2020-03-01T12:00:45Z").getEpochSecond(), t.doubles("date_time")[5]);
    }

    private static String row(int id, String time, double v, double mA, double temp, String real, double qc, double qd) {
        return ",," + id + "," + time + "," + v + "," + mA + "," + temp + ",0,0,0,0,\t" + real + "\t,0,0,0,0," + qc + "," + qd
                + ",0,0,0,0,";
    }

    @Test
    void newareRecordBeforeAnyCycleRowIsAnError() throws Exception {
        Path f = tmp.resolve("neware_bad.csv");
        Files.write(f, List.of("Cycle ID,Cap_Chg(mAh)", ",Step ID,Step Name,\"DCIR(O)\"",
                ",,Record ID,Time(h:min:s.ms),Voltage(V),Current(mA)", ",,1,0:00:00.000,3.6,1000"));
        DataException e = error(f);
        assertEquals("line 4", e.location());
        assertTrue(e.getMessage().contains("before any cycle and step row"), e.getMessage());
    }

    /** BioLogic's EC-Lab export (real sample) through the generic mapping: ';'-separated, date-time clock, mA and mA.h. */
    @Test
    void mappedTextReadsTheBiologicSample() throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("file", sample("biologic/test_loopsnewoutput_MB_CE1_short10k.csv").toString());
        p.put("time", "time/s");
        p.put("timeUnit", "timestamp");
        p.put("current", "I/mA");
        p.put("currentUnit", "mA");
        p.put("voltage", "Ecell/V");
        p.put("cycle", "cycle number");
        p.put("chargeCapacity", "Q charge/mA.h");
        p.put("dischargeCapacity", "Q discharge/mA.h");
        p.put("capacityUnit", "mAh");
        Table t = Workflows.node("org.nernst.data.mappedText", p).value("n", "table", Table.class);
        assertEquals(9999, t.rowCount());
        assertEquals(0.0, t.doubles("test_time")[0]);
        // 05/05/2021 15:36:22.757 → 05/06/2021 19:57:03.527
        assertEquals(102040.77, t.doubles("test_time")[9998], 1e-6);
        assertEquals(2.49326220703125, t.doubles("current")[1], 1e-15);
        assertEquals(2.32441200101645, t.doubles("charge_capacity")[9998], 1e-14);
        assertEquals(3.81503248214722, t.doubles("voltage")[0]);
        assertArrayEquals(new double[] { 0, 1, 2 }, Arrays.stream(t.doubles("cycle")).distinct().toArray());
        assertTrue(t.columnNames().contains("step"), "steps inferred from the current");
    }

    @Test
    void mappedTextNamesAMissingColumnAndListsTheOnesThere() throws Exception {
        Path f = tmp.resolve("lab.csv");
        Files.writeString(f, "t,I,U\n0,1,3.5\n");
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> Workflows.node("org.nernst.data.mappedText",
                Map.of("file", f.toString(), "time", "t", "current", "I", "voltage", "V")));
        DataException d = assertInstanceOf(DataException.class, e.getCause());
        assertTrue(d.getMessage().contains("no column 'V'") && d.getMessage().contains("[t, I, U]"), d.getMessage());
    }

    @Test
    void unknownLayoutIsRefusedWithTheLayoutsExpected() throws Exception {
        Path f = tmp.resolve("other.csv");
        Files.writeString(f, "a,b,c\n1,2,3\n");
        DataException e = error(f);
        assertTrue(e.getMessage().contains("Arbin") && e.getMessage().contains("Maccor") && e.getMessage().contains("Neware")
                && e.getMessage().contains("BatteryArchive") && e.getMessage().contains("column mapping"), e.getMessage());
    }

    @Test
    void arbinWithoutVoltageSaysWhatTheLayoutNeeds() throws Exception {
        Path f = tmp.resolve("arbin.csv");
        Files.writeString(f, "Data_Point,Test_Time,Current,Voltage_Aux\n0,1.0,0.5,3.3\n");
        // detection needs current and voltage: this one is not recognised at all
        assertThrows(DataException.class, () -> CyclerReader.detect(f));
        DataException e = assertThrows(DataException.class,
                () -> new CyclerReader(0, s -> {
                }).read(f, CyclerFormat.ARBIN, ProgressMonitor.none()));
        assertTrue(e.getMessage().contains("no column for voltage") && e.getMessage().contains("Data_Point"), e.getMessage());
    }

    @Test
    void unitThatCannotBeConvertedIsNamed() throws Exception {
        Path f = tmp.resolve("arbin_units.csv");
        Files.writeString(f, "Data_Point,Test_Time(s),Current(kA),Voltage(V)\n0,1.0,0.5,3.3\n");
        DataException e = error(f);
        assertTrue(e.getMessage().contains("Current(kA)") && e.getMessage().contains("'kA'"), e.getMessage());
    }

    @Test
    void arbinMilliUnitsInHeadersAreConverted() throws Exception {
        Path f = tmp.resolve("arbin_mA.csv");
        Files.writeString(f, "Data_Point,Test_Time(min),Cycle_Index,Step_Index,Current(mA),Voltage(mV),Charge_Capacity(mAh)\n"
                + "0,1.5,1,1,500,3300,12\n");
        Table t = read(f);
        assertEquals(90.0, t.doubles("test_time")[0]);
        assertEquals(0.5, t.doubles("current")[0]);
        assertEquals(3.3, t.doubles("voltage")[0], 1e-15);
        assertEquals(0.012, t.doubles("charge_capacity")[0], 1e-15);
    }

    @Test
    void badNumberInACyclerFileNamesLineAndColumn() throws Exception {
        Path f = tmp.resolve("arbin_bad.csv");
        Files.writeString(f, "Data_Point,Test_Time,Cycle_Index,Step_Index,Current,Voltage\n0,1,1,1,0.5,3.3\n1,2,1,1,0.5,3.x\n");
        DataException e = error(f);
        assertEquals("line 3, column 'Voltage'", e.location());
        assertTrue(e.getMessage().contains("'3.x' is not a number"), e.getMessage());
    }

    @Test
    void truncatedLastLineOfACyclerFileIsDroppedWithAWarning() throws Exception {
        Path f = tmp.resolve("arbin_cut.csv");
        Files.writeString(f, "Data_Point,Test_Time,Cycle_Index,Step_Index,Current,Voltage\n0,1,1,1,0.5,3.3\n1,2,1,1,0.5,3.4\n2,3,1");
        List<String> messages = new ArrayList<>();
        Table t = Workflows.nodes(List.of(new WorkflowNode("n", "org.nernst.data.cycler", Map.of("file", f.toString()), Map.of())),
                messages).value("n", "table", Table.class);
        assertEquals(2, t.rowCount());
        assertTrue(messages.stream().anyMatch(m -> m.contains("truncated")), messages.toString());
    }

    @Test
    void maccorUnknownStateIsAnError() throws Exception {
        Path f = tmp.resolve("m.001");
        Files.writeString(f, "Today's Date 01/01/2020  Date of Test:\t01/01/2020\n"
                + "Rec#\tCyc#\tStep\tTest (Sec)\tStep (Sec)\tAmp-hr\tWatt-hr\tAmps\tVolts\tState\n"
                + "1\t0\t1\t0.0\t0.0\t0\t0\t0\t3.4\tR\n2\t0\t2\t1.0\t0.0\t0\t0\t1\t3.5\t1.5\n", StandardCharsets.ISO_8859_1);
        DataException e = error(f);
        assertEquals("line 4, column 'State'", e.location());
    }
}

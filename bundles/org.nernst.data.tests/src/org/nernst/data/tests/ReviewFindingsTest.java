package org.nernst.data.tests;

import org.nernst.conformance.Workflows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.exec.NodeExecutionException;
import org.nernst.core.node.DataException;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.data.csv.CsvReader;
import org.nernst.data.internal.text.NumberScanner;
import org.nernst.data.internal.text.TimeScanner;
import org.nernst.features.cycling.CycleSummaries;

/** One regression test per bug a review of the data connectors found (each reproduced before the fix). */
class ReviewFindingsTest {
    @TempDir
    Path tmp;

    private static Table csv(Path f) throws Exception {
        return new CsvReader((char) 0, Set.of(), s -> {
        }).read(f, ProgressMonitor.none());
    }

    @Test
    void delimitersInsideQuotedHeadersDoNotDecideTheSeparator() throws Exception {
        Path f = tmp.resolve("q.csv");
        Files.writeString(f, "\"U, V\";\"I, A\";\"t, s\"\n3.1;0.5;1\n");
        Table t = csv(f);
        assertEquals(List.of("U, V", "I, A", "t, s"), t.columnNames());
        assertEquals(0.5, t.doubles("I, A")[0]);
    }

    @Test
    void carriageReturnOnlyLineEndingsAreRefusedNotReadAsOneLine() throws Exception {
        Path f = tmp.resolve("cr.csv");
        Files.writeString(f, "a,b\r1,2\r3,4\r");
        DataException e = assertThrows(DataException.class, () -> csv(f));
        assertTrue(e.getMessage().contains("carriage return"), e.getMessage());
    }

    @Test
    void firstProblemWinsEvenWhenTheNextSliceFailsFirst() throws Exception {
        // two slices of ~300k rows; the later slice's problem is near its start, the earlier one's near its end
        Path f = tmp.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            w.write("a,b\n");
            for (int i = 0; i < 600_000; i++) {
                w.write(i == 290_000 ? "1,early\n" : i == 310_000 ? "1,late\n" : i + ",1\n");
            }
        }
        assertTrue(Files.size(f) > 4 << 20);
        DataException e = assertThrows(DataException.class, () -> csv(f));
        assertEquals("line " + (290_000 + 2) + ", column 'b'", e.location());
    }

    @Test
    void completeLastLineWithTooFewFieldsIsAnErrorNotATruncation() throws Exception {
        Path f = tmp.resolve("arbin.csv");
        Files.writeString(f, "Data_Point,Test_Time,Cycle_Index,Step_Index,Current,Voltage\n0,1,1,1,0.5,3.3\n1,2,1\n");
        NodeExecutionException e = assertThrows(NodeExecutionException.class,
                () -> Workflows.node("org.nernst.data.cycler", Map.of("file", f.toString())));
        assertEquals("line 3", assertInstanceOf(DataException.class, e.getCause()).location());
    }

    @Test
    void maccorStateErrorNamesTheRealLineDespiteBlankLines() throws Exception {
        Path f = tmp.resolve("m.001");
        Files.writeString(f, "Today's Date 01/01/2020  Date of Test:\t01/01/2020\r\n"
                + "Rec#\tCyc#\tStep\tTest (Sec)\tStep (Sec)\tAmp-hr\tWatt-hr\tAmps\tVolts\tState\r\n"
                + "1\t0\t1\t0.0\t0.0\t0\t0\t0\t3.4\tR\r\n\r\n\r\n\r\n"
                + "2\t0\t1\t1.0\t1.0\t0\t0\t0\t3.4\tR\r\n3\t0\t2\t2.0\t0.0\t0\t0\t1\t3.5\t7\r\n", StandardCharsets.ISO_8859_1);
        NodeExecutionException e = assertThrows(NodeExecutionException.class,
                () -> Workflows.node("org.nernst.data.cycler", Map.of("file", f.toString())));
        assertEquals("line 8, column 'State'", assertInstanceOf(DataException.class, e.getCause()).location());
    }

    @Test
    void newareUtf8UnitsInTheHeaderAreUnderstood() throws Exception {
        Path f = tmp.resolve("neware.csv");
        Files.writeString(f, "Cycle ID,Cap_Chg(mAh)\n,Step ID,Step Name,\"DCIR(mΩ)\"\n"
                + ",,Record ID,Time(h:min:s.ms),Voltage(V),Current(mA),Temperature(°C)\n1,10\n,1,CC_Chg,25\n"
                + ",,1,0:00:01.000,3.6,1000,25.5\n", StandardCharsets.UTF_8);
        Table t = Workflows.node("org.nernst.data.cycler", Map.of("file", f.toString())).value("n", "table", Table.class);
        assertEquals(25.5, t.doubles("temperature")[0]);
        assertEquals(0.025, t.doubles("internal_resistance")[0], 1e-15);
    }

    @Test
    void twoDigitYearsAndOverflowingNumbersAreNotValues() {
        TimeScanner time = new TimeScanner();
        byte[] b = "19-07-11 10:00:00".getBytes(StandardCharsets.ISO_8859_1);
        time.timestamp(b, 0, b.length);
        assertEquals(NumberScanner.INVALID, time.status);
        NumberScanner num = new NumberScanner();
        byte[] big = "1e400".getBytes(StandardCharsets.ISO_8859_1);
        num.parse(big, 0, big.length);
        assertEquals(NumberScanner.INVALID, num.status);
    }

    @Test
    void cycleSummariesDoNotIntegrateAClockThatGoesBack() throws Exception {
        Table ts = new Table("t", List.of(new DoubleColumn("cycle", "", Role.NONE, new double[] { 1, 1, 1, 1, 1, 1 }),
                new DoubleColumn("test_time", "s", Role.NONE, new double[] { 0, 1800, 3600, 0, 1800, 3600 }),
                new DoubleColumn("current", "A", Role.NONE, new double[] { 1, 1, 1, 1, 1, 1 }),
                new DoubleColumn("voltage", "V", Role.NONE, new double[] { 4, 4, 4, 4, 4, 4 })));
        CycleSummaries s = new CycleSummaries("cell", "test_time");
        Table c = s.compute(ts, ProgressMonitor.none());
        assertEquals(2.0, c.doubles("charge_capacity")[0], 1e-12, "two hours at 1 A");
        assertEquals(7200.0, c.doubles("duration")[0]);
        assertEquals(1, s.backwardSteps());
    }
}

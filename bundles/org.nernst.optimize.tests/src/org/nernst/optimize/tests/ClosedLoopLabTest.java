package org.nernst.optimize.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.exec.CancelToken;
import org.nernst.core.exec.ExecutionListener;
import org.nernst.core.exec.RunResult;
import org.nernst.core.exec.WorkflowExecutor;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.Table;
import org.nernst.core.workflow.WorkflowJson;
import org.nernst.optimize.FastChargeTwin;
import org.nernst.optimize.Objective;

/**
 * The closed loop with the lab in it: proposals go out as a pending table, come back measured,
 * and the loop resumes from its history file. The "lab" here is the twin itself, run outside the
 * node on the pending protocols, so a loop through the lab must take exactly the path of the loop
 * that asks the twin directly: same proposals, same objective values.
 */
class ClosedLoopLabTest {
    private static final String SETTINGS = "\"budget\": 12, \"batch\": 3, \"minutes\": 40, \"ambient\": 25, \"maxC\": 4, \"cycles\": 200";

    private static RunResult run(String nodes) throws Exception {
        String wf = "{\"format\": \"nernst-workflow\", \"formatVersion\": 1, \"name\": \"loop\", \"seed\": 11, \"nodes\": ["
                + nodes + "]}";
        return new WorkflowExecutor(NodeRegistry.platform()).run(WorkflowJson.parse("test", wf), new ExecutionListener() {
        }, new CancelToken());
    }

    private static String json(Path p) {
        return p.toAbsolutePath().toString().replace("\\", "/");
    }

    @Test
    void aLoopThroughTheLabFollowsTheTwinLoopExactly(@TempDir Path dir) throws Exception {
        Table direct = run("{\"id\": \"loop\", \"type\": \"org.nernst.optimize.fastCharge\", \"parameters\": {" + SETTINGS
                + "}}").value("loop", "history", Table.class);

        Path history = dir.resolve("history.csv");
        Path measured = dir.resolve("measured.csv");
        StringBuilder lab = new StringBuilder("CC1,CC2,CC3,fade\n");
        FastChargeTwin twin = new FastChargeTwin(40, 0.5, 4, 200, 0.05, 60, 25);
        int rounds = 0;
        int sentToLab = 0;
        Table last;
        while (true) {
            String loop = "{\"id\": \"loop\", \"type\": \"org.nernst.optimize.fastCharge\", \"parameters\": {" + SETTINGS
                    + ", \"evaluator\": \"lab\", \"history\": \"" + json(history) + "\"}"
                    + (rounds == 0 ? "" : ", \"inputs\": {\"measurements\": \"lab.table\"}") + "}";
            String nodes = rounds == 0 ? loop
                    : "{\"id\": \"lab\", \"type\": \"org.nernst.data.csv\", \"parameters\": {\"file\": \"" + json(measured)
                            + "\"}}, " + loop;
            RunResult r = run(nodes);
            last = r.value("loop", "history", Table.class);
            Table pending = r.value("loop", "pending", Table.class);
            if (pending.rowCount() == 0) {
                break;
            }
            rounds++;
            assertTrue(rounds < 10, "the loop must end within the budget");
            assertEquals(java.util.List.of("iteration", "CC1", "CC2", "CC3", "CC4", "experiment", "fade"),
                    pending.columnNames());
            for (int i = 0; i < pending.rowCount(); i++) {
                Map<String, Object> point = new LinkedHashMap<>();
                for (String v : new String[] {"CC1", "CC2", "CC3"}) {
                    point.put(v, pending.column(v).asDouble(i));
                }
                Objective.Evaluation e = twin.evaluate(point, ProgressMonitor.none());
                assertTrue(e.feasible(), "the node sent a protocol the twin rejects: " + point + " " + e.note());
                assertTrue(Double.isNaN(pending.column("fade").asDouble(i)), "the measured column is left to the lab");
                assertTrue(pending.column("experiment").format(i).startsWith("Charge at "), "experiment for the cycler");
                lab.append(point.get("CC1")).append(',').append(point.get("CC2")).append(',').append(point.get("CC3"))
                        .append(',').append(FastChargeTwin.fade(e.value())).append('\n');
                sentToLab++;
            }
            Files.writeString(measured, lab);
        }
        StringBuilder notes = new StringBuilder();
        for (int i = 0; i < last.rowCount(); i++) {
            notes.append(last.column("iteration").format(i)).append(' ').append(last.column("objective").format(i))
                    .append(' ').append(last.column("note").format(i)).append('\n');
        }
        assertTrue(rounds >= 2, "several rounds of lab work, got " + rounds + ":\n" + notes);
        assertEquals(direct.rowCount(), last.rowCount());
        int rejected = 0;
        for (int i = 0; i < direct.rowCount(); i++) {
            for (String v : new String[] {"CC1", "CC2", "CC3", "objective"}) {
                assertEquals(direct.column(v).asDouble(i), last.column(v).asDouble(i), 1e-9,
                        v + " of evaluation " + (i + 1));
            }
            assertEquals(direct.column("feasible").format(i), last.column("feasible").format(i));
            if (last.column("note").format(i).startsWith("rejected by the twin")) {
                rejected++;
            }
        }
        assertEquals(direct.rowCount(), sentToLab + rejected, "every evaluation was measured or rejected by the twin");
        assertTrue(rejected > 0, "some proposals never reached the lab");
    }

    @Test
    void labModeWithoutAHistoryFileIsRefused() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> run(
                "{\"id\": \"loop\", \"type\": \"org.nernst.optimize.fastCharge\", \"parameters\": {\"evaluator\": \"lab\"}}"));
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage());
        }
        assertTrue(all.toString().contains("needs a history file"), all.toString());
        assertFalse(all.toString().isEmpty());
    }
}

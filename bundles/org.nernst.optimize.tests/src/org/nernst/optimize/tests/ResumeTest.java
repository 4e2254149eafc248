package org.nernst.optimize.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nernst.core.node.CancelledException;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.optimize.Optimizer;
import org.nernst.optimize.BayesianOptimizer;
import org.nernst.optimize.Objective;
import org.nernst.optimize.OptimizationRun;
import org.nernst.optimize.RandomSearch;
import org.nernst.optimize.Space;

class ResumeTest {
    private static final Space SPACE = Space.parse("x1:double:-5:10; x2:double:0:15; n:integer:0:3");

    /** Counts evaluations; "crashes" (throws) at evaluation number {@code crashAt}. */
    private static final class Counting implements Objective {
        final List<Map<String, Object>> seen = new ArrayList<>();
        final int crashAt;

        Counting(int crashAt) {
            this.crashAt = crashAt;
        }

        @Override
        public Evaluation evaluate(Map<String, Object> point, ProgressMonitor monitor) {
            if (seen.size() + 1 == crashAt) {
                throw new IllegalStateException("simulated crash");
            }
            seen.add(point);
            return Evaluation.of(BayesianOptimizerTest.branin(point) + (Long) point.get("n"));
        }
    }

    private static OptimizationRun run(Optimizer o, Path history, int batch) {
        return new OptimizationRun("bo", o, SPACE.variables(), Parameters.of(Map.of()), 9).budget(24).batch(batch)
                .history(history);
    }

    @Test
    void aCrashedRunResumesWithoutRepeatingEvaluationsAndEndsLikeAnUninterruptedOne(@TempDir Path dir) throws Exception {
        for (int batch : new int[] {1, 3}) {
            Counting whole = new Counting(-1);
            OptimizationRun.Result uninterrupted = run(new BayesianOptimizer(), dir.resolve("whole" + batch + ".csv"), batch)
                    .run(whole, ProgressMonitor.none());
            Path h = dir.resolve("crash" + batch + ".csv");
            Counting first = new Counting(14); // crashes in the middle of a q=3 batch (evaluations 13..15)
            assertThrows(IllegalStateException.class, () -> run(new BayesianOptimizer(), h, batch).run(first,
                    ProgressMonitor.none()));
            assertEquals(13, first.seen.size());
            assertTrue(Files.readString(h).lines().count() >= 2 + 13, "history holds the finished evaluations");
            Counting second = new Counting(-1);
            OptimizationRun.Result resumed = run(new BayesianOptimizer(), h, batch).run(second, ProgressMonitor.none());
            assertEquals(24 - 13, second.seen.size(), "evaluations after the resume");
            assertEquals(13, resumed.resumed());
            assertEquals(24, resumed.evaluated());
            assertEquals(uninterrupted.history().toString(), resumed.history().toString());
            assertEquals(uninterrupted.bestValue(), resumed.bestValue());
            List<Map<String, Object>> all = new ArrayList<>(first.seen);
            all.addAll(second.seen);
            assertEquals(whole.seen, all, "the same points in the same order, none twice");
            // the file of the resumed run equals the uninterrupted run's file
            assertEquals(Files.readString(dir.resolve("whole" + batch + ".csv")), Files.readString(h));
        }
    }

    @Test
    void aCancelledRunResumesFromItsHistory(@TempDir Path dir) throws Exception {
        Path h = dir.resolve("h.csv");
        AtomicInteger calls = new AtomicInteger();
        ProgressMonitor cancelAfter5 = new ProgressMonitor() {
            @Override
            public void begin(String task, int totalWork) {
            }

            @Override
            public void worked(int work) {
                calls.addAndGet(work);
            }

            @Override
            public void subTask(String message) {
            }

            @Override
            public boolean isCanceled() {
                return calls.get() >= 5;
            }
        };
        Counting first = new Counting(-1);
        assertThrows(CancelledException.class, () -> run(new RandomSearch(), h, 1).run(first, cancelAfter5));
        assertEquals(5, first.seen.size());
        Counting second = new Counting(-1);
        OptimizationRun.Result r = run(new RandomSearch(), h, 1).run(second, ProgressMonitor.none());
        assertEquals(19, second.seen.size());
        OptimizationRun.Result fresh = run(new RandomSearch(), dir.resolve("fresh.csv"), 1).run(new Counting(-1),
                ProgressMonitor.none());
        assertEquals(fresh.history().toString(), r.history().toString());
    }

    @Test
    void aHistoryOfAnotherRunIsRefusedNamingTheLine(@TempDir Path dir) throws Exception {
        Path h = dir.resolve("h.csv");
        run(new RandomSearch(), h, 1).run(new Counting(-1), ProgressMonitor.none());
        DataException e = assertThrows(DataException.class, () -> new OptimizationRun("bo", new RandomSearch(),
                SPACE.variables(), Parameters.of(Map.of()), 10).budget(30).history(h).run(new Counting(-1),
                        ProgressMonitor.none()));
        assertEquals("line 1", e.location());
        Files.writeString(h, Files.readString(h).replace("\n3,3,", "\n3,3,abc"));
        DataException bad = assertThrows(DataException.class, () -> run(new RandomSearch(), h, 1).run(new Counting(-1),
                ProgressMonitor.none()));
        assertEquals("line 5", bad.location());
    }
}

package org.nernst.spark.bench;

import java.util.Locale;

import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * Benchmark aid ({@code --metrics true}): where a Spark stage's time goes, summed over its tasks from
 * Spark's own task metrics (deserializing the task on the executor, running it, serializing the result,
 * result size, GC) plus, on the driver's clock, the time from stage submission to the first task start.
 * Printed to standard error when the stage completes.
 */
final class StageMetrics extends SparkListener {
    private long submitted;
    private long firstStart;
    private int tasks;
    private long deserializeMs;
    private long deserializeCpuNs;
    private long runMs;
    private long runCpuNs;
    private long resultSerializeMs;
    private long resultBytes;
    private long gcMs;
    private long gettingResultMs;
    private final StringBuilder timeline = new StringBuilder();

    @Override
    public synchronized void onStageSubmitted(SparkListenerStageSubmitted event) {
        submitted = System.currentTimeMillis();
        firstStart = 0;
        tasks = 0;
        deserializeMs = deserializeCpuNs = runMs = runCpuNs = resultSerializeMs = resultBytes = gcMs = 0;
        gettingResultMs = 0;
        timeline.setLength(0);
    }

    @Override
    public synchronized void onTaskStart(SparkListenerTaskStart event) {
        if (firstStart == 0) {
            firstStart = event.taskInfo().launchTime();
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd event) {
        TaskMetrics m = event.taskMetrics();
        if (m == null) {
            return;
        }
        tasks++;
        deserializeMs += m.executorDeserializeTime();
        deserializeCpuNs += m.executorDeserializeCpuTime();
        runMs += m.executorRunTime();
        runCpuNs += m.executorCpuTime();
        resultSerializeMs += m.resultSerializationTime();
        resultBytes += m.resultSize();
        gcMs += m.jvmGCTime();
        timeline.append(String.format(Locale.ROOT, " [%d: %d-%d ms, deser %d run %d]", event.taskInfo().index(),
                event.taskInfo().launchTime() - submitted, event.taskInfo().finishTime() - submitted,
                m.executorDeserializeTime(), m.executorRunTime()));
        if (event.taskInfo().gettingResult()) {
            gettingResultMs += event.taskInfo().finishTime() - event.taskInfo().gettingResultTime();
        }
    }

    @Override
    public synchronized void onStageCompleted(SparkListenerStageCompleted event) {
        long end = System.currentTimeMillis();
        System.err.printf(Locale.ROOT,
                "stage %d: %d tasks, %d ms submitted-to-first-task, %d ms wall; summed over tasks: deserialize %d ms"
                        + " (cpu %d ms), run %d ms (cpu %d ms), result serialize %d ms, result %,d bytes,"
                        + " getting result %d ms, GC %d ms%n",
                event.stageInfo().stageId(), tasks, firstStart - submitted, end - submitted, deserializeMs,
                deserializeCpuNs / 1_000_000, runMs, runCpuNs / 1_000_000, resultSerializeMs, resultBytes,
                gettingResultMs, gcMs);
        System.err.println("  tasks:" + timeline);
    }
}

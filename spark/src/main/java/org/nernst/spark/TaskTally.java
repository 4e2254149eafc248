package org.nernst.spark;

import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.TaskKilled;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * Where the tasks of a run went: how many succeeded on each executor ({@code driver} in local mode,
 * the executor's id on a cluster) and how many the executors reported killed (a cancelled run). Fed by
 * Spark's listener bus, which delivers events asynchronously; {@link #settle} waits until every job and
 * task it saw start has also ended.
 */
final class TaskTally extends SparkListener {
    private final Map<String, Integer> succeeded = new TreeMap<>();
    private int jobsStarted;
    private int jobsEnded;
    private int tasksStarted;
    private int tasksEnded;
    private int killed;
    private final java.util.Set<Integer> announcedStages = new java.util.HashSet<>();

    @Override
    public synchronized void onJobStart(SparkListenerJobStart event) {
        jobsStarted++;
    }

    @Override
    public synchronized void onJobEnd(SparkListenerJobEnd event) {
        jobsEnded++;
        notifyAll();
    }

    @Override
    public synchronized void onTaskStart(SparkListenerTaskStart event) {
        tasksStarted++;
        // one progress line per stage, when its first task runs: from then on Ctrl-C has Spark work to cancel
        if (announcedStages.add(event.stageId())) {
            System.err.println("nernst-spark: Spark stage " + event.stageId() + " running (first task on executor "
                    + event.taskInfo().executorId() + ")");
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd event) {
        tasksEnded++;
        if (event.taskInfo().successful()) {
            String where = event.taskInfo().executorId() + " (" + event.taskInfo().host() + ")";
            succeeded.merge(where, 1, Integer::sum);
        } else if (event.reason() instanceof TaskKilled) {
            killed++;
        }
        notifyAll();
    }

    /** Waits (at most {@code millis}) until every job and task seen to start has ended. */
    synchronized void settle(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        for (long left = millis; (jobsStarted > jobsEnded || tasksStarted > tasksEnded) && left > 0;
                left = end - System.currentTimeMillis()) {
            wait(left);
        }
    }

    /** E.g. {@code 4 Spark tasks succeeded: 4 on executor 0 (10.0.0.7)}. */
    synchronized String summary() {
        int total = succeeded.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder s = new StringBuilder().append(total).append(" Spark task(s) succeeded");
        String sep = ": ";
        for (Map.Entry<String, Integer> e : succeeded.entrySet()) {
            s.append(sep).append(e.getValue()).append(" on executor ").append(e.getKey());
            sep = ", ";
        }
        return s.toString();
    }

    synchronized int killed() {
        return killed;
    }
}

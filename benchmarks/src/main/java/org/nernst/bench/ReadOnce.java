package org.nernst.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import org.nernst.core.table.Column;
import org.nernst.core.table.ColumnType;
import org.nernst.core.table.Table;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * One measurement in a fresh JVM (started by {@link Benchmark}): reads the case's files {@code RUNS}
 * times and prints one {@code RESULT} line: wall times, rows, numeric bytes (numeric cells × 8),
 * peak live heap (the largest heap occupancy left after any collection during a read, the
 * tables themselves included), peak used heap (pool peaks, garbage included: an upper bound) and the
 * process's peak resident memory. Usage: {@code ReadOnce CASE RUNS FILE...}.
 */
public final class ReadOnce {
    private static final AtomicLong PEAK_LIVE = new AtomicLong();

    private ReadOnce() {
    }

    public static void main(String[] args) throws Exception {
        BenchCase c = BenchCase.valueOf(args[0]);
        int runs = Integer.parseInt(args[1]);
        List<Path> files = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        watchCollections();
        List<Double> seconds = new ArrayList<>();
        long rows = 0;
        long numeric = 0;
        long peakUsed = 0;
        long peakLive = 0;
        for (int r = 0; r < runs; r++) {
            System.gc();
            long base = heapUsed();
            PEAK_LIVE.set(0);
            resetPeaks();
            long t0 = System.nanoTime();
            List<Table> tables = c.read(files);
            seconds.add((System.nanoTime() - t0) / 1e9);
            System.gc(); // the tables are still referenced here: this counts them into PEAK_LIVE
            peakUsed = Math.max(peakUsed, poolPeaks() - base);
            peakLive = Math.max(peakLive, PEAK_LIVE.get() - base);
            rows = 0;
            numeric = 0;
            for (Table t : tables) {
                rows += t.rowCount();
                for (Column col : t.columns()) {
                    if (col.type() != ColumnType.STRING) {
                        numeric += 8L * t.rowCount();
                    }
                }
            }
            tables = null;
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        System.out.println("RESULT case=" + c + " bytes=" + bytes + " rows=" + rows + " numericBytes=" + numeric
                + " peakLiveHeap=" + peakLive + " peakUsedHeap=" + peakUsed + " peakRss=" + vmHwm() + " seconds="
                + seconds.toString().replace(" ", ""));
    }

    private static void watchCollections() {
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long after = 0;
                    for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                        after += u.getUsed();
                    }
                    // non-heap pools (metaspace, code cache) are in the map too; they are small and steady
                    PEAK_LIVE.accumulateAndGet(after, Math::max);
                }
            }, null, null);
        }
    }

    private static long heapUsed() {
        long used = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            used += p.getUsage().getUsed();
        }
        return used;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    private static long poolPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            } else {
                sum += p.getUsage().getUsed();
            }
        }
        return sum;
    }

    private static long vmHwm() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (java.io.IOException e) {
            // not Linux: no RSS figure
        }
        return -1;
    }
}

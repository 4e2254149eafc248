package org.nernst.core.tests.nodes;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.nernst.core.node.DataException;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;

/** Small nodes contributed by this test bundle to exercise the registry and the executor. */
public final class TestNodes {
    /** Both {@link Rendezvous} nodes of a run meet here; they only pass if they run at the same time. */
    public static volatile CyclicBarrier barrier = new CyclicBarrier(2);
    /** Counted down when a {@link Blocking} node starts. */
    public static volatile CountDownLatch blockingStarted = new CountDownLatch(1);

    private TestNodes() {
    }

    /** Outputs a table x = 0..rows-1, y = factor·x. */
    public static final class Source implements Node {
        @Override
        public void configure(org.nernst.core.node.Parameters p) {
            if (p.number("factor") == 0) {
                throw new IllegalArgumentException("factor 0 makes y constant; give a non-zero slope");
            }
        }

        @Override
        public Map<String, Object> execute(NodeContext c) {
            int n = (int) c.parameters().integer("rows");
            double f = c.parameters().number("factor");
            double[] x = new double[n], y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = i;
                y[i] = f * i;
            }
            c.info("made " + n + " rows");
            return Map.of("table", new Table("source", java.util.List.of(new DoubleColumn("x", "s", Role.FEATURE, x),
                    new DoubleColumn("y", "V", Role.TARGET, y))));
        }
    }

    /** Adds the y columns of two tables. */
    public static final class Add implements Node {
        @Override
        public Map<String, Object> execute(NodeContext c) {
            Table a = c.input("a", Table.class), b = c.input("b", Table.class);
            double[] ya = a.doubles("y"), yb = b.doubles("y");
            double[] s = new double[ya.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = ya[i] + yb[i];
            }
            return Map.of("table", a.with(new DoubleColumn("y", "V", Role.TARGET, s)));
        }
    }

    /** Waits for the other rendezvous node; fails if they do not run concurrently within 5 s. */
    public static final class Rendezvous implements Node {
        @Override
        public Map<String, Object> execute(NodeContext c) throws Exception {
            barrier.await(5, TimeUnit.SECONDS);
            return Map.of("table", c.input("table", Table.class));
        }
    }

    /** Runs until cancelled, checking the monitor as long loops must. */
    public static final class Blocking implements Node {
        @Override
        public Map<String, Object> execute(NodeContext c) {
            blockingStarted.countDown();
            c.monitor().begin("waiting to be cancelled", -1);
            long spins = 0;
            try {
                while (true) {
                    c.monitor().checkCanceled();
                    spins++;
                    if (spins % 1_000_000 == 0) {
                        Thread.onSpinWait();
                    }
                }
            } finally {
                blockingStopped.countDown();
            }
        }
    }

    /** Counted down when a {@link Blocking} node stops. */
    public static volatile CountDownLatch blockingStopped = new CountDownLatch(1);

    /** Released by tests so an abandoned {@link Stubborn} thread ends. */
    public static volatile boolean releaseStubborn;
    /** Counted down when a {@link Stubborn} node starts. */
    public static volatile CountDownLatch stubbornStarted = new CountDownLatch(1);

    /** Ignores the monitor and interrupts, as a long native or library call does. */
    public static final class Stubborn implements Node {
        @Override
        public Map<String, Object> execute(NodeContext c) {
            stubbornStarted.countDown();
            while (!releaseStubborn) {
                Thread.onSpinWait();
            }
            return Map.of("table", new Table("none", java.util.List.of()));
        }
    }

    /** Its class initializer records that it was loaded, so tests can see when loading happens. */
    public static final class Probe implements Node {
        static {
            System.setProperty("nernst.test.probeLoaded", "true");
        }

        @Override
        public Map<String, Object> execute(NodeContext c) {
            return Map.of("table", new Table("none", java.util.List.of()));
        }
    }

    /** Fails as its parameter says: with a DataException or a plain error. */
    public static final class Failing implements Node {
        @Override
        public Map<String, Object> execute(NodeContext c) throws Exception {
            if (c.parameters().string("how").equals("data")) {
                throw new DataException("cells.csv", "line 7, column 'voltage [V]'", "'abc' is not a number");
            }
            throw new IllegalStateException("deliberate failure");
        }
    }
}

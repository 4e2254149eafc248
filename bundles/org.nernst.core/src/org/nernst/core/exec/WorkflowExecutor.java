package org.nernst.core.exec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.nernst.core.node.CancelledException;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.PortSpec;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.ContributionException;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.workflow.PortRef;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowException;
import org.nernst.core.workflow.WorkflowJson;
import org.nernst.core.workflow.WorkflowNode;
import org.nernst.core.workflow.WorkflowValidator;

/**
 * Runs a workflow in the current process: validates it, then runs each node as soon as the nodes
 * feeding it are done, independent nodes in parallel. Stops at the first failure or on
 * cancellation, interrupting the nodes still running. Every output carries its {@link Provenance}.
 *
 * @since 0.1
 */
public final class WorkflowExecutor {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final NodeRegistry registry;
    private final int parallelism;
    private final DataParallel dataParallel;

    public WorkflowExecutor(NodeRegistry registry) {
        this(registry, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public WorkflowExecutor(NodeRegistry registry, int parallelism) {
        this(registry, parallelism, DataParallel.inProcess());
    }

    /**
     * @param dataParallel what nodes get from {@link NodeContext#dataParallel()}: the backend of their
     *        data-parallel loops (e.g. Spark), an option of the run that leaves the workflow unchanged
     * @since 0.3
     */
    public WorkflowExecutor(NodeRegistry registry, int parallelism, DataParallel dataParallel) {
        this.registry = registry;
        this.parallelism = Math.max(1, parallelism);
        this.dataParallel = java.util.Objects.requireNonNull(dataParallel, "dataParallel");
    }

    /** The nodes of a workflow, created and configured, before anything runs. */
    private record Prepared(Map<String, Node> nodes, Map<String, Parameters> parameters) {
    }

    /**
     * Everything that can be checked before data flows: the metadata checks of
     * {@link WorkflowValidator}, then each node is created and its {@link Node#configure} run.
     *
     * @throws WorkflowException if the workflow or a node's parameters are invalid
     * @throws NodeExecutionException if a contributed node cannot be created (missing class ...)
     */
    public void check(Workflow wf) throws WorkflowException, NodeExecutionException {
        prepare(wf);
    }

    private Prepared prepare(Workflow wf) throws WorkflowException, NodeExecutionException {
        new WorkflowValidator(registry).check(wf.name(), wf);
        Map<String, Node> nodes = new HashMap<>();
        Map<String, Parameters> params = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (WorkflowNode n : wf.nodes()) {
            NodeDescriptor d = registry.find(n.type()).orElseThrow();
            Parameters p = Parameters.resolve(d.parameters(), n.parameters());
            Node node;
            try {
                node = registry.create(n.type());
            } catch (ContributionException | RuntimeException | LinkageError e) {
                throw new NodeExecutionException(n.id(), n.type(), e);
            }
            try {
                node.configure(p);
            } catch (IllegalArgumentException e) {
                problems.add("node '" + n.id() + "' (" + n.type() + "): " + e.getMessage());
            }
            nodes.put(n.id(), node);
            params.put(n.id(), p);
        }
        if (!problems.isEmpty()) {
            throw new WorkflowException(wf.name(), problems);
        }
        return new Prepared(nodes, params);
    }

    /**
     * Runs the workflow.
     *
     * @throws WorkflowException if the workflow is invalid (nothing ran)
     * @throws NodeExecutionException if a node failed
     * @throws CancelledException if {@code cancel} was set
     */
    public RunResult run(Workflow wf, ExecutionListener listener, CancelToken cancel)
            throws WorkflowException, NodeExecutionException {
        Prepared prepared;
        try {
            prepared = prepare(wf);
        } catch (NodeExecutionException e) {
            // a contribution that cannot even be created (e.g. its bundle's activator threw) fails
            // at its node, like a failure while running: the listener draws or prints it there
            listener.nodeFailed(e.nodeId(), e.getCause());
            throw e;
        }
        String wfHash = Hashing.sha256(WorkflowJson.write(wf).getBytes(StandardCharsets.UTF_8));
        // set when the run stops for any reason, so nodes still running are told to stop too
        CancelToken stop = new CancelToken();
        Run run = new Run(wf, wfHash, prepared, listener, cancel, stop);

        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<WorkflowNode>> dependents = new HashMap<>();
        for (WorkflowNode n : wf.nodes()) {
            List<String> sources = n.inputs().values().stream().map(PortRef::node).distinct().toList();
            waiting.put(n.id(), sources.size());
            sources.forEach(s -> dependents.computeIfAbsent(s, k -> new ArrayList<>()).add(n));
        }

        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, wf.nodes().size())), r -> {
            Thread t = new Thread(r, "nernst-node-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        CompletionService<String> done = new ExecutorCompletionService<>(pool);
        List<Future<String>> running = new ArrayList<>();
        try {
            int finished = 0;
            // a node that stopped because a sibling failed: the sibling's failure is the outcome, and follows
            CancelledException stoppedBySibling = null;
            long stoppedAt = 0;
            for (WorkflowNode n : wf.nodes()) {
                if (waiting.get(n.id()) == 0) {
                    running.add(done.submit(() -> run.node(n)));
                }
            }
            while (finished < wf.nodes().size()) {
                if (cancel.isCancelled()) {
                    throw new CancelledException();
                }
                Future<String> f = done.poll(50, TimeUnit.MILLISECONDS);
                if (f == null) {
                    if (stoppedBySibling != null && System.nanoTime() - stoppedAt > 5_000_000_000L) {
                        throw stoppedBySibling;
                    }
                    continue;
                }
                String id;
                try {
                    id = f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof CancelledException ce) {
                        if (cancel.isCancelled() || !stop.isCancelled()) {
                            throw ce;
                        }
                        if (stoppedBySibling == null) {
                            stoppedBySibling = ce;
                            stoppedAt = System.nanoTime();
                        }
                        continue;
                    }
                    if (cause instanceof NodeExecutionException ne) {
                        throw ne;
                    }
                    throw new NodeExecutionException("(executor)", "internal", cause);
                }
                finished++;
                for (WorkflowNode d : dependents.getOrDefault(id, List.of())) {
                    if (waiting.merge(d.id(), -1, Integer::sum) == 0) {
                        running.add(done.submit(() -> run.node(d)));
                    }
                }
            }
            Map<String, Map<String, Result>> ordered = new LinkedHashMap<>();
            for (WorkflowNode n : wf.nodes()) {
                ordered.put(n.id(), run.outputs.get(n.id()));
            }
            return new RunResult(wf, ordered);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            stop.cancel();
            running.forEach(f -> f.cancel(true));
            pool.shutdownNow();
            // A node that ignores both the monitor and interrupts cannot be stopped from outside;
            // its daemon thread is abandoned rather than holding up the caller.
            try {
                pool.awaitTermination(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The state of one run shared by its node tasks. */
    private final class Run {
        final Workflow wf;
        final String wfHash;
        final Prepared prepared;
        final ExecutionListener listener;
        final CancelToken cancel;
        final CancelToken stop;
        final Map<String, Map<String, Result>> outputs = new ConcurrentHashMap<>();

        Run(Workflow wf, String wfHash, Prepared prepared, ExecutionListener listener, CancelToken cancel,
                CancelToken stop) {
            this.wf = wf;
            this.wfHash = wfHash;
            this.prepared = prepared;
            this.listener = listener;
            this.cancel = cancel;
            this.stop = stop;
        }

        boolean stopping() {
            return cancel.isCancelled() || stop.isCancelled();
        }

        /** Runs one node; every failure, wherever it happens, is reported against the node. */
        String node(WorkflowNode n) throws NodeExecutionException {
            try {
                NodeDescriptor d = registry.find(n.type()).orElseThrow();
                Parameters p = prepared.parameters().get(n.id());
                Map<String, Result> inputs = new LinkedHashMap<>();
                n.inputs().forEach((port, ref) -> inputs.put(port, outputs.get(ref.node()).get(ref.port())));
                Context ctx = new Context(n.id(), d, p, wf.seed(), inputs, listener, this::stopping);
                Instant started = Instant.now();
                long t0 = System.nanoTime();
                listener.nodeStarted(n.id());
                checkStop();
                Map<String, Object> produced = prepared.nodes().get(n.id()).execute(ctx);
                checkStop();
                checkOutputs(d, produced);
                long millis = (System.nanoTime() - t0) / 1_000_000;
                Map<String, String> inputHashes = new TreeMap<>();
                inputs.forEach((port, r) -> inputHashes.put(port, r.provenance().outputHash()));
                Map<String, String> bundles = new TreeMap<>();
                bundles.put(d.contributor(), registry.bundleVersion(d.contributor()));
                bundles.put("org.nernst.core", registry.bundleVersion("org.nernst.core"));
                Map<String, Result> results = new LinkedHashMap<>();
                for (PortSpec out : d.outputs()) {
                    Object v = produced.get(out.name());
                    Provenance prov = new Provenance(wf.name(), wfHash, n.id(), n.type(), out.name(), p.asMap(),
                            inputHashes, Hashing.of(v), wf.seed(), bundles, started.toString(), millis);
                    results.put(out.name(), new Result(v, prov));
                }
                outputs.put(n.id(), results);
                listener.nodeOutputs(n.id(), java.util.Collections.unmodifiableMap(results));
                listener.nodeFinished(n.id(), millis);
                return n.id();
            } catch (CancelledException e) {
                throw e;
            } catch (Throwable e) {
                if (stopping()) {
                    // interrupted because the run is stopping: not a failure of this node
                    throw new CancelledException();
                }
                stop.cancel();
                listener.nodeFailed(n.id(), e);
                throw new NodeExecutionException(n.id(), n.type(), e);
            }
        }

        private void checkStop() {
            if (stopping() || Thread.currentThread().isInterrupted()) {
                throw new CancelledException();
            }
        }
    }

    private static void checkOutputs(NodeDescriptor d, Map<String, Object> produced) {
        if (produced == null) {
            throw new IllegalStateException(d.className() + " returned no outputs");
        }
        for (PortSpec out : d.outputs()) {
            if (produced.get(out.name()) == null) {
                throw new IllegalStateException(d.className() + " gave no value for output '" + out.name() + "'");
            }
        }
        for (String k : produced.keySet()) {
            if (d.output(k).isEmpty()) {
                throw new IllegalStateException(d.className() + " gave a value for undeclared output '" + k + "'");
            }
        }
    }

    private final class Context implements NodeContext {
        private final String nodeId;
        private final NodeDescriptor descriptor;
        private final Parameters parameters;
        private final long seed;
        private final Map<String, Result> inputs;
        private final ExecutionListener listener;
        private final java.util.function.BooleanSupplier cancel;
        private final ProgressMonitor monitor;

        Context(String nodeId, NodeDescriptor descriptor, Parameters parameters, long seed, Map<String, Result> inputs,
                ExecutionListener listener, java.util.function.BooleanSupplier cancel) {
            this.nodeId = nodeId;
            this.descriptor = descriptor;
            this.parameters = parameters;
            this.seed = seed;
            this.inputs = inputs;
            this.listener = listener;
            this.cancel = cancel;
            this.monitor = new Monitor();
        }

        @Override
        public String nodeId() {
            return nodeId;
        }

        @Override
        public NodeDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public Parameters parameters() {
            return parameters;
        }

        @Override
        public long seed() {
            return seed;
        }

        @Override
        public ProgressMonitor monitor() {
            return monitor;
        }

        @Override
        public <T> T input(String port, Class<T> type) {
            return optionalInput(port, type).orElseThrow(() -> new IllegalArgumentException(
                    "input '" + port + "' of node '" + nodeId + "' is not connected"));
        }

        @Override
        public <T> Optional<T> optionalInput(String port, Class<T> type) {
            Result r = inputs.get(port);
            if (r == null) {
                return Optional.empty();
            }
            if (!type.isInstance(r.value())) {
                throw new IllegalArgumentException("input '" + port + "' of node '" + nodeId + "' holds a "
                        + r.value().getClass().getSimpleName() + ", expected " + type.getSimpleName());
            }
            return Optional.of(type.cast(r.value()));
        }

        @Override
        public void info(String message) {
            listener.message(nodeId, false, message);
        }

        @Override
        public DataParallel dataParallel() {
            return dataParallel;
        }

        @Override
        public void warn(String message) {
            listener.message(nodeId, true, message);
        }

        private final class Monitor implements ProgressMonitor {
            private volatile int total;
            private final AtomicInteger work = new AtomicInteger();
            private volatile String task = "";

            @Override
            public void begin(String name, int totalWork) {
                task = name;
                total = totalWork;
                work.set(0);
                listener.progress(nodeId, totalWork > 0 ? 0 : -1, name);
            }

            @Override
            public void worked(int w) {
                int now = work.addAndGet(w);
                listener.progress(nodeId, total > 0 ? Math.min(1.0, now / (double) total) : -1, task);
            }

            @Override
            public void subTask(String message) {
                int t = total;
                listener.progress(nodeId, t > 0 ? Math.min(1.0, work.get() / (double) t) : -1, message);
            }

            @Override
            public boolean isCanceled() {
                return cancel.getAsBoolean();
            }
        }
    }
}

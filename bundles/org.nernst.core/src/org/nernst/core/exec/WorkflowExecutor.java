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

    public WorkflowExecutor(NodeRegistry registry) {
        this(registry, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public WorkflowExecutor(NodeRegistry registry, int parallelism) {
        this.registry = registry;
        this.parallelism = Math.max(1, parallelism);
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
        new WorkflowValidator(registry).check(wf.name(), wf);
        String wfHash = Hashing.sha256(WorkflowJson.write(wf).getBytes(StandardCharsets.UTF_8));

        Map<String, Node> nodes = new HashMap<>();
        Map<String, Parameters> params = new HashMap<>();
        for (WorkflowNode n : wf.nodes()) {
            NodeDescriptor d = registry.find(n.type()).orElseThrow();
            try {
                Node node = registry.create(n.type());
                Parameters p = Parameters.resolve(d.parameters(), n.parameters());
                node.configure(p);
                nodes.put(n.id(), node);
                params.put(n.id(), p);
            } catch (ContributionException | RuntimeException e) {
                listener.nodeFailed(n.id(), e);
                throw new NodeExecutionException(n.id(), n.type(), e);
            }
        }

        Map<String, Map<String, Result>> outputs = new ConcurrentHashMap<>();
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
            int submitted = 0, finished = 0;
            for (WorkflowNode n : wf.nodes()) {
                if (waiting.get(n.id()) == 0) {
                    running.add(done.submit(task(wf, wfHash, n, nodes.get(n.id()), params.get(n.id()), outputs, listener, cancel)));
                    submitted++;
                }
            }
            while (finished < wf.nodes().size()) {
                if (cancel.isCancelled()) {
                    throw new CancelledException();
                }
                Future<String> f = done.poll(50, TimeUnit.MILLISECONDS);
                if (f == null) {
                    continue;
                }
                String id;
                try {
                    id = f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof CancelledException ce) {
                        throw ce;
                    }
                    throw (NodeExecutionException) cause;
                }
                finished++;
                for (WorkflowNode d : dependents.getOrDefault(id, List.of())) {
                    if (waiting.merge(d.id(), -1, Integer::sum) == 0) {
                        running.add(done.submit(task(wf, wfHash, d, nodes.get(d.id()), params.get(d.id()), outputs, listener, cancel)));
                        submitted++;
                    }
                }
            }
            Map<String, Map<String, Result>> ordered = new LinkedHashMap<>();
            for (WorkflowNode n : wf.nodes()) {
                ordered.put(n.id(), outputs.get(n.id()));
            }
            return new RunResult(wf, ordered);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            running.forEach(f -> f.cancel(true));
            pool.shutdownNow();
            try {
                pool.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private java.util.concurrent.Callable<String> task(Workflow wf, String wfHash, WorkflowNode n, Node node,
            Parameters p, Map<String, Map<String, Result>> outputs, ExecutionListener listener, CancelToken cancel) {
        return () -> {
            NodeDescriptor d = registry.find(n.type()).orElseThrow();
            Map<String, Result> inputs = new LinkedHashMap<>();
            n.inputs().forEach((port, ref) -> inputs.put(port, outputs.get(ref.node()).get(ref.port())));
            Context ctx = new Context(n.id(), d, p, wf.seed(), inputs, listener, cancel);
            Instant started = Instant.now();
            long t0 = System.nanoTime();
            listener.nodeStarted(n.id());
            Map<String, Object> produced;
            try {
                cancel(cancel);
                produced = node.execute(ctx);
                cancel(cancel);
                checkOutputs(d, produced);
            } catch (CancelledException e) {
                throw e;
            } catch (Throwable e) {
                if (cancel.isCancelled()) {
                    throw new CancelledException();
                }
                listener.nodeFailed(n.id(), e);
                throw new NodeExecutionException(n.id(), n.type(), e);
            }
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
            listener.nodeFinished(n.id(), millis);
            return n.id();
        };
    }

    private static void cancel(CancelToken cancel) {
        if (cancel.isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancelledException();
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

    private static final class Context implements NodeContext {
        private final String nodeId;
        private final NodeDescriptor descriptor;
        private final Parameters parameters;
        private final long seed;
        private final Map<String, Result> inputs;
        private final ExecutionListener listener;
        private final CancelToken cancel;
        private final ProgressMonitor monitor;

        Context(String nodeId, NodeDescriptor descriptor, Parameters parameters, long seed, Map<String, Result> inputs,
                ExecutionListener listener, CancelToken cancel) {
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
                return cancel.isCancelled();
            }
        }
    }
}

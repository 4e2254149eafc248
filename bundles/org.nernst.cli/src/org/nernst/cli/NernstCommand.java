package org.nernst.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.nernst.core.exec.ConsoleListener;
import org.nernst.core.exec.CancelToken;
import org.nernst.core.exec.NodeExecutionException;
import org.nernst.core.exec.Result;
import org.nernst.core.exec.RunResult;
import org.nernst.core.exec.WorkflowExecutor;
import org.nernst.core.io.ResultWriter;
import org.nernst.core.node.CancelledException;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Metrics;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.ParameterSpec;
import org.nernst.core.node.PortSpec;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowException;
import org.nernst.core.workflow.WorkflowJson;

/**
 * The {@code nernst} command: {@code list}, {@code validate} and {@code run}. Independent of
 * the Equinox application so tests call it in-process.
 *
 * @since 0.1
 */
public final class NernstCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final NodeRegistry registry;
    private volatile CancelToken externalCancel;

    public NernstCommand(PrintStream out, PrintStream err) {
        this(out, err, NodeRegistry.platform());
    }

    public NernstCommand(PrintStream out, PrintStream err, NodeRegistry registry) {
        this.out = out;
        this.err = err;
        this.registry = registry;
    }

    /** Lets an embedding program (or a test) cancel the run this command performs. */
    public NernstCommand cancelWith(CancelToken token) {
        this.externalCancel = token;
        return this;
    }

    public int run(String[] args) {
        List<String> a = new ArrayList<>(List.of(args));
        if (a.isEmpty() || a.contains("--help") || a.contains("-h") || a.get(0).equals("help")) {
            out.print(usage());
            return a.isEmpty() ? ExitCode.USAGE.code() : ExitCode.OK.code();
        }
        String cmd = a.remove(0);
        try {
            return switch (cmd) {
                case "list" -> list(a);
                case "validate" -> validate(a);
                case "run" -> runWorkflow(a);
                default -> usageError("unknown command '" + cmd + "'");
            };
        } catch (UsageException e) {
            return usageError(e.getMessage());
        } catch (RuntimeException | Error e) {
            // a bug, not the user's doing: say so, never exit 0
            err.println("nernst: internal error: " + e);
            e.printStackTrace(err);
            return ExitCode.EXECUTION_FAILED.code();
        }
    }

    static String usage() {
        StringBuilder sb = new StringBuilder();
        sb.append("""
                Usage: nernst <command> [options]

                Commands:
                  list [--kind KIND]            every installed node: id, kind, ports, parameters
                  validate WORKFLOW [--set node.param=value ...]
                                                check a workflow without running it
                  run WORKFLOW [--set node.param=value ...] [--out DIR] [--cancel-file FILE] [--threads N]
                                                run a workflow; results go to DIR (default
                                                nernst-out/<workflow name>), written only on success

                Options:
                  --set node.param=value        override a parameter (repeatable)
                  --out DIR                     output folder; replaced as a whole when the run succeeds
                  --cancel-file FILE            cancel the run when FILE appears (Ctrl-C cancels too)
                  --threads N                   nodes run in parallel (default: number of cores)
                  --help                        this text

                Exit codes:
                """);
        for (ExitCode c : ExitCode.values()) {
            sb.append(String.format(Locale.ROOT, "  %-3d %s%n", c.code(), c.meaning()));
        }
        return sb.toString();
    }

    private int usageError(String message) {
        err.println("nernst: " + message);
        err.println("Try 'nernst --help'.");
        return ExitCode.USAGE.code();
    }

    private int list(List<String> a) throws UsageException {
        String kind = option(a, "--kind");
        noMore(a);
        for (NodeDescriptor d : registry.nodes()) {
            if (kind != null && !d.kind().label().equalsIgnoreCase(kind)) {
                continue;
            }
            out.printf(Locale.ROOT, "%s  [%s]  %s  (bundle %s)%n", d.id(), d.kind().label(), d.label(), d.contributor());
            for (PortSpec p : d.inputs()) {
                out.printf(Locale.ROOT, "    in   %s: %s%s%n", p.name(), p.type(), p.optional() ? " (optional)" : "");
            }
            for (PortSpec p : d.outputs()) {
                out.printf(Locale.ROOT, "    out  %s: %s%n", p.name(), p.type());
            }
            for (ParameterSpec p : d.parameters()) {
                out.printf(Locale.ROOT, "    par  %s%n", p.summary());
            }
        }
        for (String p : registry.problems()) {
            err.println("nernst: skipped contribution: " + p);
        }
        return ExitCode.OK.code();
    }

    private record Loaded(Path file, Workflow workflow) {
    }

    /** Reads the workflow and applies {@code --set}; an unreadable file is an invalid workflow. */
    private Loaded load(List<String> a) throws UsageException, WorkflowException {
        List<String> sets = new ArrayList<>();
        for (String s; (s = option(a, "--set")) != null;) {
            sets.add(s);
        }
        if (a.isEmpty()) {
            throw new UsageException("no workflow file given");
        }
        Path file = Path.of(a.remove(0));
        Workflow wf;
        try {
            wf = WorkflowJson.read(file);
        } catch (NoSuchFileException e) {
            throw new WorkflowException(file.toString(), List.of("file not found"));
        } catch (IOException e) {
            throw new WorkflowException(file.toString(), List.of("cannot be read: " + e));
        }
        List<String> problems = new ArrayList<>();
        for (String s : sets) {
            try {
                wf = typed(wf.withOverride(s), s);
            } catch (IllegalArgumentException e) {
                problems.add("--set " + s + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkflowException(file.toString(), problems);
        }
        return new Loaded(file, wf);
    }

    /**
     * Stores an overridden value with the type its parameter declares (a number as a number, a
     * list as a list), so the workflow written with the results equals the one that ran.
     */
    private Workflow typed(Workflow wf, String assignment) {
        String key = assignment.substring(0, assignment.indexOf('='));
        String nodeId = key.substring(0, key.lastIndexOf('.'));
        String param = key.substring(key.lastIndexOf('.') + 1);
        var node = wf.node(nodeId).orElseThrow();
        var spec = registry.find(node.type()).flatMap(d -> d.parameter(param));
        if (spec.isEmpty()) {
            return wf; // the validator reports the unknown type or parameter
        }
        return wf.with(node.withParameter(param, spec.get().coerce(node.parameters().get(param))));
    }

    private int validate(List<String> a) throws UsageException {
        try {
            Loaded l = load(a);
            noMore(a);
            new WorkflowExecutor(registry).check(l.workflow());
            out.println(l.file() + ": valid (" + l.workflow().nodes().size() + " nodes)");
            return ExitCode.OK.code();
        } catch (WorkflowException e) {
            return invalid(e);
        } catch (NodeExecutionException e) {
            err.println("nernst: " + e.getMessage());
            return ExitCode.EXECUTION_FAILED.code();
        }
    }

    private int invalid(WorkflowException e) {
        err.println("nernst: invalid workflow " + e.getMessage());
        return ExitCode.INVALID_WORKFLOW.code();
    }

    private int runWorkflow(List<String> a) throws UsageException {
        String outOpt = option(a, "--out");
        String cancelFile = option(a, "--cancel-file");
        String threads = option(a, "--threads");
        Loaded l;
        try {
            l = load(a);
            noMore(a);
        } catch (WorkflowException e) {
            return invalid(e);
        }
        int parallel;
        try {
            parallel = threads == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads);
        } catch (NumberFormatException e) {
            throw new UsageException("--threads needs a number, got '" + threads + "'");
        }
        Path outDir = Path.of(outOpt != null ? outOpt : "nernst-out/" + l.workflow().name());
        try {
            ResultWriter.checkTarget(outDir);
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
        if (cancelFile != null && Files.exists(Path.of(cancelFile))) {
            throw new UsageException("the cancel file " + cancelFile + " already exists; remove it before the run");
        }
        CancelToken cancel = externalCancel != null ? externalCancel : new CancelToken();
        RunState state = new RunState();
        Thread hook = new Thread(() -> state.interrupted(cancel, err), "nernst-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread watcher = cancelFile == null ? null : watch(Path.of(cancelFile), cancel);
        long t0 = System.nanoTime();
        int code = ExitCode.EXECUTION_FAILED.code();
        try {
            RunResult result = new WorkflowExecutor(registry, parallel).run(l.workflow(), new ConsoleListener(err, t0), cancel);
            if (!state.startWriting(cancel)) {
                throw new CancelledException();
            }
            List<String> files = ResultWriter.write(result, outDir);
            summarize(result);
            out.printf(Locale.ROOT, "wrote %d files to %s in %.1f s%n", files.size(), outDir.toAbsolutePath().normalize(),
                    (System.nanoTime() - t0) / 1e9);
            code = ExitCode.OK.code();
        } catch (WorkflowException e) {
            code = invalid(e);
        } catch (CancelledException e) {
            err.println("nernst: cancelled; no output written");
            code = ExitCode.CANCELLED.code();
        } catch (NodeExecutionException e) {
            DataException data = dataCause(e);
            if (data != null) {
                err.println("nernst: input data error in node '" + e.nodeId() + "': " + data.getMessage());
                code = ExitCode.DATA_ERROR.code();
            } else {
                err.println("nernst: " + e.getMessage());
                if (e.getCause() != null && !(e.getCause() instanceof IllegalArgumentException)) {
                    e.getCause().printStackTrace(err);
                }
                code = ExitCode.EXECUTION_FAILED.code();
            }
        } catch (IOException e) {
            err.println("nernst: cannot write results to " + outDir + ": " + e);
            code = ExitCode.EXECUTION_FAILED.code();
        } finally {
            state.finished(code);
            if (watcher != null) {
                watcher.interrupt();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl-C): the hook exits with the run's code
            }
        }
        return code;
    }

    /**
     * What Ctrl-C finds: while nodes run it cancels them and the process exits CANCELLED with no
     * output; once results are being written it lets the write finish, so the exit code always
     * matches what is on disk.
     */
    private static final class RunState {
        private boolean writing;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile int code = ExitCode.CANCELLED.code();

        synchronized boolean startWriting(CancelToken cancel) {
            if (cancel.isCancelled()) {
                return false;
            }
            writing = true;
            return true;
        }

        void finished(int exitCode) {
            code = exitCode;
            done.countDown();
        }

        void interrupted(CancelToken cancel, PrintStream err) {
            if (done.getCount() == 0) {
                return;
            }
            boolean wasWriting;
            synchronized (this) {
                wasWriting = writing;
                if (!wasWriting) {
                    cancel.cancel();
                }
            }
            err.println(wasWriting ? "nernst: interrupted while writing results; finishing the write ..."
                    : "nernst: interrupted, cancelling ...");
            try {
                done.await(wasWriting ? 600 : 3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.flush();
            Runtime.getRuntime().halt(code);
        }
    }

    private void summarize(RunResult result) {
        for (Map.Entry<String, Map<String, Result>> n : result.outputs().entrySet()) {
            for (Result r : n.getValue().values()) {
                if (r.value() instanceof Metrics m && m.values().get("overall") instanceof Map) {
                    out.printf(Locale.ROOT, "%s: %s  RMSE %.4f  MAE %.4f  R² %.3f  MAPE %.2f %%%n", n.getKey(), m.title(),
                            m.get("overall", "rmse"), m.get("overall", "mae"), m.get("overall", "r2"),
                            m.get("overall", "mape_percent"));
                }
            }
        }
    }

    private static Thread watch(Path file, CancelToken cancel) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                if (Files.exists(file)) {
                    cancel.cancel();
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "nernst-cancel-file");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static DataException dataCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof DataException d) {
                return d;
            }
        }
        return null;
    }

    private static String option(List<String> a, String name) throws UsageException {
        int i = a.indexOf(name);
        if (i < 0) {
            for (int k = 0; k < a.size(); k++) {
                if (a.get(k).startsWith(name + "=")) {
                    return a.remove(k).substring(name.length() + 1);
                }
            }
            return null;
        }
        if (i + 1 >= a.size()) {
            throw new UsageException(name + " needs a value");
        }
        a.remove(i);
        return a.remove(i);
    }

    private static void noMore(List<String> a) throws UsageException {
        if (!a.isEmpty()) {
            throw new UsageException("unexpected argument(s) " + a);
        }
    }

    private static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}

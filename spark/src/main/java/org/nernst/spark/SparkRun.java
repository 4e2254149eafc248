package org.nernst.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.nernst.core.exec.ConsoleListener;
import org.nernst.core.exec.DataParallel;
import org.nernst.core.exec.NodeExecutionException;
import org.nernst.core.exec.Result;
import org.nernst.core.exec.RunResult;
import org.nernst.core.exec.WorkflowExecutor;
import org.nernst.core.io.ResultWriter;
import org.nernst.core.node.CancelledException;
import org.nernst.core.node.DataException;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.table.Table;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowException;
import org.nernst.core.workflow.WorkflowJson;

/**
 * {@code nernst-spark run WORKFLOW}: the Spark driver. Runs a workflow file with the ordinary
 * {@link WorkflowExecutor} and the bundles' own nodes, read from the {@code plugin.xml} of the bundle
 * jars on the class path, but gives every node a {@link SparkDataParallel}, so the data-parallel
 * loops of screening and population synthesis run on the cluster. Same workflow, same results as
 * {@code nernst run}; only the executor option differs. Exit codes are those of {@code nernst}.
 */
public final class SparkRun {
    static final String USAGE = """
            Usage: nernst-spark run WORKFLOW [options]

            Runs a workflow with its data-parallel work (screening predictions, synthesized cells) on Apache Spark.

            Options:
              --master URL              local[*] (default), local[N], spark://host:7077, ... (spark-submit sets it)
              --partitions N            partitions per data-parallel map (default: Spark's default parallelism,
                                        or more so that no partition carries over 32 MB of candidate rows)
              --set node.param=value    override a parameter (repeatable)
              --out DIR                 output folder (default nernst-out/<workflow name>)
              --threads N               nodes run in parallel on the driver (default: number of cores)
              --in-process              run the data-parallel work in this process instead (for comparison)
              --help                    this text

            Exit codes: 0 success, 2 bad command line, 3 invalid workflow, 4 input data error,
                        5 a node failed, 6 cancelled (Ctrl-C: running Spark jobs are cancelled, nothing is written)
            """;

    private SparkRun() {
    }

    public static void main(String[] args) {
        Interruption ctrlC = Interruption.install(System.err);
        int code = 5;
        try {
            code = execute(args, System.out, System.err, true, ctrlC);
        } catch (RuntimeException | Error e) {
            if (!ctrlC.token().isCancelled()) {
                throw e;
            }
            // Ctrl-C while Spark was starting: Spark cannot start in a JVM that is shutting down
            System.err.println("nernst-spark: cancelled; no output written");
            code = 6;
        } finally {
            ctrlC.finished(code); // after Ctrl-C the hook is waiting for this and ends the JVM with the code
        }
        System.exit(code);
    }

    /**
     * Runs the command line; returns the exit code.
     *
     * @param stopSpark stop the Spark session at the end (a test that shares one session passes false)
     */
    public static int execute(String[] args, PrintStream out, PrintStream err, boolean stopSpark) {
        return execute(args, out, err, stopSpark, Interruption.none());
    }

    static int execute(String[] args, PrintStream out, PrintStream err, boolean stopSpark, Interruption ctrlC) {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        try {
            if (a.isEmpty() || a.contains("--help")) {
                out.print(USAGE);
                return a.isEmpty() ? 2 : 0;
            }
            if (!a.remove(0).equals("run")) {
                throw new IllegalArgumentException("unknown command; the only command is 'run'");
            }
            String master = option(a, "--master");
            String partitions = option(a, "--partitions");
            String outOpt = option(a, "--out");
            String threads = option(a, "--threads");
            boolean inProcess = a.remove("--in-process");
            List<String> sets = new ArrayList<>();
            for (String s; (s = option(a, "--set")) != null;) {
                sets.add(s);
            }
            if (a.size() != 1 || a.get(0).startsWith("--")) {
                throw new IllegalArgumentException(a.isEmpty() ? "no workflow file given" : "unexpected arguments " + a);
            }
            int nParts = partitions == null ? 0 : positive("--partitions", partitions);
            int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : positive("--threads", threads);
            NodeRegistry registry = PluginXmlNodeRegistry.fromClassPath();
            registry.problems().forEach(p -> err.println("nernst-spark: skipped contribution: " + p));
            Workflow wf = load(Path.of(a.get(0)), sets, registry);
            Path outDir = Path.of(outOpt != null ? outOpt : "nernst-out/" + wf.name());
            ResultWriter.checkTarget(outDir);
            long t0 = System.nanoTime();
            if (inProcess) {
                return run(registry, wf, nThreads, DataParallel.inProcess(), null, outDir, out, err, t0, ctrlC);
            }
            if (ctrlC.token().isCancelled()) {
                err.println("nernst-spark: cancelled; no output written");
                return 6;
            }
            SparkSession session = session(master);
            JavaSparkContext context = JavaSparkContext.fromSparkContext(session.sparkContext());
            TaskTally tally = new TaskTally();
            context.sc().addSparkListener(tally);
            ctrlC.attach(context);
            try {
                return run(registry, wf, nThreads, new SparkDataParallel(context, nParts), tally, outDir, out, err, t0,
                        ctrlC);
            } finally {
                ctrlC.attach(null);
                context.sc().removeSparkListener(tally);
                if (stopSpark) {
                    session.stop();
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("nernst-spark: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (WorkflowException e) {
            err.println("nernst-spark: invalid workflow " + e.getMessage());
            return 3;
        } catch (IOException e) {
            err.println("nernst-spark: " + e.getMessage());
            return 2;
        }
    }

    /** The Spark session: the master given, else the one spark-submit configured, else local[*]. */
    static SparkSession session(String master) {
        SparkConf conf = SparkDataParallel.tune(new SparkConf().setAppName("nernst")
                .setIfMissing("spark.ui.showConsoleProgress", "false"));
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /** @param tally the Spark tasks of the run, null for in-process */
    private static int run(NodeRegistry registry, Workflow wf, int threads, DataParallel backend, TaskTally tally,
            Path outDir, PrintStream out, PrintStream err, long t0, Interruption ctrlC) {
        err.println("nernst-spark: running '" + wf.name() + "' with data-parallel work on " + backend.describe());
        try {
            RunResult result = new WorkflowExecutor(registry, threads, backend).run(wf, new ConsoleListener(err, t0),
                    ctrlC.token());
            if (tally != null) {
                settle(tally);
                err.println("nernst-spark: " + tally.summary());
            }
            if (!ctrlC.startWriting()) {
                throw new CancelledException();
            }
            List<String> files = ResultWriter.write(result, outDir);
            for (Map.Entry<String, Map<String, Result>> n : result.outputs().entrySet()) {
                for (Map.Entry<String, Result> o : n.getValue().entrySet()) {
                    if (o.getValue().value() instanceof Table t) {
                        out.printf(Locale.ROOT, "%s.%s: %d rows x %d columns%n", n.getKey(), o.getKey(), t.rowCount(),
                                t.columns().size());
                    }
                }
            }
            out.printf(Locale.ROOT, "wrote %d files to %s in %.1f s%n", files.size(), outDir.toAbsolutePath().normalize(),
                    (System.nanoTime() - t0) / 1e9);
            return 0;
        } catch (WorkflowException e) {
            err.println("nernst-spark: invalid workflow " + e.getMessage());
            return 3;
        } catch (CancelledException e) {
            String killed = "";
            if (tally != null) {
                settle(tally); // the executors report their killed tasks
                killed = " (" + tally.killed() + " running Spark task(s) killed)";
            }
            err.println("nernst-spark: cancelled; no output written" + killed);
            return 6;
        } catch (NodeExecutionException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof DataException data) {
                    err.println("nernst-spark: input data error in node '" + e.nodeId() + "': " + data.getMessage());
                    return 4;
                }
            }
            err.println("nernst-spark: " + e.getMessage());
            if (e.getCause() != null && !(e.getCause() instanceof IllegalArgumentException)) {
                e.getCause().printStackTrace(err);
            }
            return 5;
        } catch (IOException e) {
            err.println("nernst-spark: cannot write results to " + outDir + ": " + e);
            return 5;
        }
    }

    /** Lets Spark's listener bus deliver the last events of the run (a few seconds at most). */
    private static void settle(TaskTally tally) {
        try {
            tally.settle(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the workflow and applies {@code --set}, each value typed as its parameter declares. */
    static Workflow load(Path file, List<String> sets, NodeRegistry registry) throws WorkflowException, IOException {
        Workflow wf;
        try {
            wf = WorkflowJson.read(file);
        } catch (NoSuchFileException e) {
            throw new WorkflowException(file.toString(), List.of("file not found"));
        }
        List<String> problems = new ArrayList<>();
        for (String s : sets) {
            try {
                wf = wf.withOverride(s);
                String key = s.substring(0, s.indexOf('='));
                var node = wf.node(key.substring(0, key.lastIndexOf('.'))).orElseThrow();
                String param = key.substring(key.lastIndexOf('.') + 1);
                var spec = registry.find(node.type()).flatMap(d -> d.parameter(param));
                if (spec.isPresent()) {
                    wf = wf.with(node.withParameter(param, spec.get().coerce(node.parameters().get(param))));
                }
            } catch (IllegalArgumentException e) {
                problems.add("--set " + s + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkflowException(file.toString(), problems);
        }
        return wf;
    }

    private static String option(List<String> a, String name) {
        int i = a.indexOf(name);
        if (i < 0) {
            return null;
        }
        if (i + 1 >= a.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        a.remove(i);
        return a.remove(i);
    }

    private static int positive(String name, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a positive whole number, got '" + v + "'");
        }
    }
}

package org.nernst.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on this machine: a Master and one Worker (1 core, 1 GB for
 * executors), each its own JVM, bound to 127.0.0.1 on free ports, started from the Spark jars Maven
 * resolved ({@code target/spark.classpath}).
 *
 * <p>There is no Spark binary distribution here, so the fixture builds the SPARK_HOME a Worker needs to
 * launch executors in a temporary folder: {@code jars/} holds a symbolic link to every jar of Spark's
 * runtime (the executor's class path is {@code SPARK_HOME/jars/*}), and {@code SPARK_SCALA_VERSION=2.13}
 * is set, because without it Spark's launcher library looks for a source build's
 * {@code launcher/target/scala-2.13} folder to learn the Scala version and fails with "Cannot find any
 * build directories".
 */
final class StandaloneCluster implements AutoCloseable {
    private final Path home;
    private final List<Process> processes = new ArrayList<>();
    private final int masterPort;

    private StandaloneCluster(Path home, int masterPort) {
        this.home = home;
        this.masterPort = masterPort;
    }

    /** Starts the Master and the Worker and waits until the Worker has registered (or fails, with their logs). */
    static StandaloneCluster start(Path home) throws Exception {
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String jar : Files.readString(Launcher.module().resolve("target/spark.classpath")).trim().split(":")) {
            Path target = Path.of(jar);
            Path link = jars.resolve(target.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, target);
            }
        }
        StandaloneCluster c = new StandaloneCluster(home, freePort());
        try {
            c.launch("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    String.valueOf(c.masterPort), "--webui-port", String.valueOf(freePort()));
            c.await("master", "I have been elected leader", 60);
            c.launch("worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port", "0",
                    "--webui-port", String.valueOf(freePort()), "--cores", "1", "--memory", "1g", "--work-dir",
                    home.resolve("work").toString(), c.url());
            c.await("worker", "Successfully registered with master", 60);
            return c;
        } catch (Exception | Error e) {
            c.close();
            throw e;
        }
    }

    String url() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** The stderr logs of the executors the Worker launched for one application, newest application last. */
    List<Path> executorLogs() throws IOException {
        Path work = home.resolve("work");
        if (!Files.isDirectory(work)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(work, 3)) {
            return s.filter(p -> p.getFileName().toString().equals("stderr")).sorted().toList();
        }
    }

    String log(String name) {
        try {
            return Files.readString(home.resolve(name + ".log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no " + name + " log: " + e + ")";
        }
    }

    private void launch(String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Launcher.java(), "-Xmx512m"));
        cmd.addAll(Launcher.sparkJvmOptions());
        // the REST submission server would take the fixed port 6066
        cmd.addAll(List.of("-Dspark.master.rest.enabled=false", "-cp", home.resolve("jars") + "/*", mainClass));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        processes.add(pb.start());
    }

    private void await(String name, String line, int seconds) throws Exception {
        Process p = processes.get(processes.size() - 1);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (log(name).contains(line)) {
                return;
            }
            if (!p.isAlive()) {
                throw new AssertionError("the Spark " + name + " exited with " + p.exitValue() + ":\n" + log(name));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the Spark " + name + " did not log '" + line + "' within " + seconds + " s:\n" + log(name));
    }

    /** Stops the Worker (and the executors it launched), then the Master. */
    @Override
    public void close() {
        for (Process p : processes.reversed()) {
            List<ProcessHandle> children = p.descendants().toList();
            p.destroy();
            children.forEach(ProcessHandle::destroy);
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        processes.clear();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

package org.nernst.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * {@code scripts/nernst-spark} started as a child process, the way a user starts it: the script
 * {@code exec}s the JVM, so the child's pid is the driver's and a signal sent to it reaches the driver.
 * Its stdout and stderr go to files next to the run.
 */
final class Launcher {
    private final Process process;
    private final Path out;
    private final Path err;

    private Launcher(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** The spark module's folder ({@code -Dnernst.repo}, set by the pom, is the repository). */
    static Path module() {
        return repo().resolve("spark");
    }

    static Path repo() {
        return Path.of(System.getProperty("nernst.repo", "..")).toAbsolutePath().normalize();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The module options Spark's own scripts pass on Java 17+ (the pom's spark.jvm.options). */
    static List<String> sparkJvmOptions() {
        String opts = System.getProperty("nernst.spark.jvmOptions", "").trim();
        if (opts.isEmpty()) {
            throw new AssertionError("-Dnernst.spark.jvmOptions is not set (the pom passes spark.jvm.options)");
        }
        return Arrays.asList(opts.split("\\s+"));
    }

    /**
     * Starts {@code scripts/nernst-spark ARGS}.
     *
     * @param javaOpts JAVA_OPTS for the driver (e.g. {@code -Dspark.jars=...}), or null
     */
    static Launcher start(Path logs, String javaOpts, String... args) throws IOException {
        Path jar = module().resolve("target/nernst-spark-0.1.0-SNAPSHOT.jar");
        if (!Files.exists(jar) || !Files.exists(module().resolve("target/spark.classpath"))) {
            // the script would start a Maven build of its own
            throw new AssertionError(jar + " is missing: these tests run after package (mvn verify)");
        }
        List<String> cmd = new ArrayList<>();
        if (envResetsSigint()) {
            // a JVM started with SIGINT ignored (e.g. under a background job of a shell) passes that on to
            // its children, and a JVM that finds SIGINT ignored never installs its own handler
            cmd.addAll(List.of("env", "--default-signal=INT"));
        }
        cmd.addAll(List.of("bash", repo().resolve("scripts/nernst-spark").toString()));
        cmd.addAll(Arrays.asList(args));
        Files.createDirectories(logs);
        Path out = logs.resolve("launcher.out");
        Path err = logs.resolve("launcher.err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(logs.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().remove("NERNST_SPARK_BUILD");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        if (javaOpts != null) {
            pb.environment().put("JAVA_OPTS", javaOpts);
        } else {
            pb.environment().remove("JAVA_OPTS");
        }
        return new Launcher(pb.start(), out, err);
    }

    private static Boolean resets;

    private static synchronized boolean envResetsSigint() {
        if (resets == null) {
            try {
                Process p = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                resets = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                resets = false;
            }
        }
        return resets;
    }

    long pid() {
        return process.pid();
    }

    String out() {
        return read(out);
    }

    String err() {
        return read(err);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    /** Waits for the exit code; fails (killing the child) after {@code seconds}. */
    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            kill();
            throw new AssertionError("nernst-spark did not end within " + seconds + " s; stderr:\n" + err());
        }
        return process.exitValue();
    }

    /** Polls until {@code condition} holds; fails if the launcher exits first or {@code seconds} pass. */
    void awaitWhileRunning(String what, long seconds, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("nernst-spark exited with " + process.exitValue() + " before " + what
                        + "; stderr:\n" + err());
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("no " + what + " within " + seconds + " s; stderr:\n" + err());
            }
            Thread.sleep(100);
        }
    }

    /** Sends SIGINT, what Ctrl-C in a terminal sends. */
    void interrupt() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -INT " + pid() + " failed");
        }
    }

    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * What is in a folder: every file's relative path with its size, modification time and contents
     * (an empty map if the folder does not exist).
     */
    static Map<String, String> folderState(Path dir) throws IOException {
        Map<String, String> state = new TreeMap<>();
        if (!Files.exists(dir)) {
            return state;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                state.put(dir.relativize(p).toString(), Files.size(p) + " bytes, modified "
                        + Files.getLastModifiedTime(p) + ", sha-256 " + sha256(Files.readAllBytes(p)));
            }
        }
        return state;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

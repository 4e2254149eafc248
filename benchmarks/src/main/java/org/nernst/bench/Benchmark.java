package org.nernst.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The ingest benchmark (scripts/benchmark.sh): makes the inputs, then for each {@link BenchCase}
 * times Nernst's reader in a fresh JVM and its Python peer in a fresh interpreter on the same
 * files, checks whether the read fits in a heap of twice the numeric data, and prints one
 * side-by-side table (also written as results.md and results.csv). Options (all optional):
 * {@code --size-mb 1024 --seed 42 --runs 3 --heap 16g --data ../shared/data --scratch DIR --out DIR
 * --python /usr/bin/python3 --cases BATTERYARCHIVE_CSV,GENERIC_CSV,NASA_MAT5,MAT_V73 --no-fit-check}.
 */
public final class Benchmark {
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\S+)");

    private final Map<String, String> opt = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Benchmark(String[] args) {
        opt.put("size-mb", "1024");
        opt.put("seed", "42");
        opt.put("runs", "3");
        opt.put("heap", "16g");
        opt.put("data", "../shared/data");
        opt.put("scratch", "benchmarks/target/bench-data");
        opt.put("out", "benchmarks/target/benchmark");
        opt.put("python", "/usr/bin/python3");
        opt.put("cases", "BATTERYARCHIVE_CSV,GENERIC_CSV,NASA_MAT5,MAT_V73");
        opt.put("fit-check", "true");
        for (int i = 0; i < args.length; i++) {
            String a = args[i].replaceFirst("^--", "");
            if (a.equals("no-fit-check")) {
                opt.put("fit-check", "false");
            } else if (opt.containsKey(a) && i + 1 < args.length) {
                opt.put(a, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + opt.keySet());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        new Benchmark(args).run();
    }

    private void run() throws Exception {
        Path data = Path.of(opt.get("data"));
        Path scratch = Files.createDirectories(Path.of(opt.get("scratch")));
        Path out = Files.createDirectories(Path.of(opt.get("out")));
        int runs = Integer.parseInt(opt.get("runs"));
        System.out.printf("benchmark: %d runs per reader, JVM heap %s, %d cores, %s%n", runs, opt.get("heap"),
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        for (String name : opt.get("cases").split(",")) {
            BenchCase c = BenchCase.valueOf(name.trim());
            List<Path> files = inputs(c, data, scratch);
            System.out.println("benchmark: " + c + " on " + files.size() + " file(s), " + mb(size(files)) + " MiB");
            Map<String, String> nernst = null;
            if (c.wired()) {
                nernst = java(c, files, runs, opt.get("heap"), 0);
                String fits = "-";
                if (Boolean.parseBoolean(opt.get("fit-check")) && !nernst.containsKey("error")) {
                    long numeric = Long.parseLong(nernst.get("numericBytes"));
                    long heap = 2 * numeric + (16L << 20);
                    Map<String, String> f = java(c, files, 1, (heap >> 20) + "m", (long) (20 * best(nernst)) + 120);
                    fits = f.containsKey("error") ? "no: " + f.get("error") + " at -Xmx" + (heap >> 20) + "m"
                            : "yes (-Xmx" + (heap >> 20) + "m)";
                }
                nernst.put("fits", fits);
                table.add(row(c, "Nernst " + c.label, nernst));
            } else {
                table.add(new String[] { c.toString(), "Nernst: NOT WIRED YET (slot in BenchCase." + c + ")", mb(size(files)),
                        "", "", "", "", "", "", "", "" });
            }
            Map<String, String> peer = python(c, files, runs);
            table.add(row(c, c.peer, peer));
            if (nernst != null && !nernst.containsKey("error") && !peer.containsKey("error")) {
                double speedup = best(peer) / best(nernst);
                notes.add(String.format(Locale.ROOT, "%s: Nernst takes %.2f× the time of %s (best of %d)", c,
                        1 / speedup, c.peer, runs));
                if (c == BenchCase.BATTERYARCHIVE_CSV) {
                    double mbps = Double.parseDouble(nernst.get("bytes")) / 1e6 / best(nernst);
                    double heap = Double.parseDouble(nernst.get("peakLiveHeap")) / Double.parseDouble(nernst.get("numericBytes"));
                    notes.add(String.format(Locale.ROOT, "CSV targets of issue 4: ≥ 2× pandas speed: %.2f× %s; > 200 MB/s "
                            + "(10^6 B): %.0f MB/s %s; peak heap < 2× numeric data: %.2f× %s", speedup, pass(speedup >= 2),
                            mbps, pass(mbps > 200), heap, pass(heap < 2)));
                }
            }
        }
        notes.add("MiB = 2^20 bytes. Numeric data = numeric cells × 8 bytes (text columns such as Date_Time are not "
                + "counted in it, but their strings are in the heap). Files are read from the page cache after the first run.");
        print(out);
    }

    // ---- inputs ----

    private List<Path> inputs(BenchCase c, Path data, Path scratch) throws Exception {
        switch (c) {
        case BATTERYARCHIVE_CSV, GENERIC_CSV -> {
            Path f = scratch.resolve("batteryarchive-timeseries-" + opt.get("size-mb") + "MB-seed" + opt.get("seed") + ".csv");
            if (!Files.exists(f)) {
                System.out.println("benchmark: generating " + f);
                BatteryArchiveCsvGenerator.main(new String[] { f.toString(), opt.get("size-mb"), opt.get("seed"), data.toString() });
            }
            return List.of(f);
        }
        case NASA_MAT5 -> {
            try (Stream<Path> s = Files.list(data.resolve("nasa-pcoe"))) {
                return s.filter(p -> p.toString().endsWith(".mat")).sorted().toList();
            }
        }
        case MAT_V73 -> {
            Path f = scratch.resolve("nasa-timeseries-v73.mat");
            if (!Files.exists(f)) {
                Process p = new ProcessBuilder(opt.get("python"), "benchmarks/python/make_v73.py",
                        data.resolve("nasa-pcoe").toString(), f.toString(), "200").inheritIO().start();
                if (p.waitFor() != 0) {
                    throw new IOException("make_v73.py failed (exit " + p.exitValue() + ")");
                }
            }
            return List.of(f);
        }
        default -> throw new IllegalStateException(c.toString());
        }
    }

    // ---- measurements ----

    private Map<String, String> java(BenchCase c, List<Path> files, int runs, String heap, long timeoutSeconds)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx" + heap,
                "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                ReadOnce.class.getName(), c.toString(), Integer.toString(runs)));
        files.forEach(f -> cmd.add(f.toString()));
        return exec(cmd, timeoutSeconds);
    }

    private Map<String, String> python(BenchCase c, List<Path> files, int runs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(opt.get("python"), "benchmarks/python/peers.py", c.toString(),
                Integer.toString(runs)));
        files.forEach(f -> cmd.add(f.toString()));
        return exec(cmd, 0);
    }

    /** Runs a measuring process; its RESULT line as a map, or {@code error} saying why there is none. */
    private static Map<String, String> exec(List<String> cmd, long timeoutSeconds) throws Exception {
        Path log = Files.createTempFile("bench", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = true;
        if (timeoutSeconds > 0) {
            done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        } else {
            p.waitFor();
        }
        Map<String, String> r = new LinkedHashMap<>();
        if (!done) {
            p.destroyForcibly().waitFor();
            r.put("error", "timeout after " + timeoutSeconds + " s");
            return r;
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        for (String line : text.split("\n")) {
            if (line.startsWith("RESULT ")) {
                Matcher m = FIELD.matcher(line);
                while (m.find()) {
                    r.put(m.group(1), m.group(2));
                }
            } else if (line.startsWith("generated ")) {
                System.out.println("benchmark: " + line);
            }
        }
        if (r.isEmpty()) {
            r.put("error", text.contains("OutOfMemoryError") ? "OutOfMemoryError" : "exit " + p.exitValue());
            if (!text.contains("OutOfMemoryError")) {
                System.out.println("benchmark: " + String.join(" ", cmd.subList(0, Math.min(3, cmd.size()))) + " failed:\n" + text);
            }
        }
        return r;
    }

    // ---- report ----

    private static final String[] HEAD = { "case", "reader", "input MiB", "rows", "best s", "median s", "MiB/s (best)",
            "peak live heap MiB", "peak RSS MiB", "heap / numeric data", "fits in 2× numeric heap" };

    private static String[] row(BenchCase c, String reader, Map<String, String> r) {
        if (r.containsKey("error")) {
            return new String[] { c.toString(), reader, "", "", "", "", "", "", "", "", "failed: " + r.get("error") };
        }
        double[] s = seconds(r);
        double bytes = Double.parseDouble(r.get("bytes"));
        String live = r.containsKey("peakLiveHeap") ? mb(Long.parseLong(r.get("peakLiveHeap"))) : "-";
        String ratio = r.containsKey("numericBytes") && Long.parseLong(r.get("numericBytes")) > 0
                ? String.format(Locale.ROOT, "%.2f (numeric %s MiB)", Double.parseDouble(r.get("peakLiveHeap"))
                        / Double.parseDouble(r.get("numericBytes")), mb(Long.parseLong(r.get("numericBytes"))))
                : "-";
        double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        return new String[] { c.toString(), reader, mb((long) bytes), r.get("rows"), f3(s[0]), f3(median),
                String.format(Locale.ROOT, "%.1f", bytes / 1048576.0 / s[0]), live, mb(Long.parseLong(r.get("peakRss"))),
                ratio, r.getOrDefault("fits", "-") };
    }

    private void print(Path out) throws IOException {
        StringBuilder md = new StringBuilder("| " + String.join(" | ", HEAD) + " |\n|" + "---|".repeat(HEAD.length) + "\n");
        StringBuilder csv = new StringBuilder(String.join(",", HEAD) + "\n");
        for (String[] r : table) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
            csv.append(String.join(",", Arrays.stream(r).map(x -> x.contains(",") ? "\"" + x + "\"" : x).toList())).append('\n');
        }
        md.append('\n');
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        Files.writeString(out.resolve("results.md"), md);
        Files.writeString(out.resolve("results.csv"), csv);
        System.out.println();
        System.out.print(md);
        System.out.println("\nbenchmark: written " + out.resolve("results.md") + " and results.csv");
    }

    private static double[] seconds(Map<String, String> r) {
        return Arrays.stream(r.get("seconds").replaceAll("[\\[\\]]", "").split(",")).mapToDouble(Double::parseDouble)
                .sorted().toArray();
    }

    private static double best(Map<String, String> r) {
        return seconds(r)[0];
    }

    private static String pass(boolean ok) {
        return ok ? "PASS" : "FAIL";
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    private static long size(List<Path> files) throws IOException {
        long n = 0;
        for (Path f : files) {
            n += Files.size(f);
        }
        return n;
    }
}

package org.nernst.ui.internal.prefs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.nernst.core.io.AtomicFiles;

/**
 * The Java heap of the next start: the {@code -Xmx} line in the {@code -vmargs} section of the
 * product's {@code eclipse.ini}, which the {@code nernst-ui} launcher passes to Java (a running JVM
 * cannot change its own maximum heap). No SWT, so it is tested headless.
 */
public final class HeapSetting {
    private static final Pattern SIZE = Pattern.compile("(?i)([0-9]{1,7})([kmgt]?)");

    private HeapSetting() {
    }

    /**
     * Checks a heap size as typed: digits and an optional unit {@code k m g t}, at least 256 MB
     * and at most 1 TB.
     *
     * @return the size normalized (e.g. {@code 6g}), for {@code -Xmx}
     * @throws IllegalArgumentException saying what is wrong
     */
    public static String parse(String typed) {
        Matcher m = SIZE.matcher(typed == null ? "" : typed.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("heap '" + typed + "' is not a size such as 4g or 6144m");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        long mb = switch (unit) {
            case "k" -> n / 1024;
            case "" -> n / (1024 * 1024);
            case "m" -> n;
            case "g" -> n * 1024;
            default -> n * 1024 * 1024;
        };
        if (mb < 256 || mb > 1024L * 1024) {
            throw new IllegalArgumentException("heap '" + typed + "' is outside 256m to 1t");
        }
        return n + unit;
    }

    /** The {@code -Xmx} value in the ini (e.g. {@code 4g}), or empty if it sets none. */
    public static String read(Path ini) throws IOException {
        if (!Files.isRegularFile(ini)) {
            return "";
        }
        boolean vm = false;
        String found = "";
        for (String line : Files.readAllLines(ini, StandardCharsets.UTF_8)) {
            String t = line.trim();
            if (t.equals("-vmargs")) {
                vm = true;
            } else if (vm && t.startsWith("-Xmx")) {
                found = t.substring(4);
            }
        }
        return found;
    }

    /**
     * Sets {@code -Xmx} in the ini's {@code -vmargs} section (replacing any there, adding the
     * section if missing), keeping every other line, and replaces the file atomically so a crash
     * never leaves a half-written ini that would stop the product from starting.
     */
    public static void write(Path ini, String size) throws IOException {
        String xmx = "-Xmx" + parse(size);
        List<String> lines = Files.isRegularFile(ini) ? Files.readAllLines(ini, StandardCharsets.UTF_8)
                : new ArrayList<>();
        List<String> out = new ArrayList<>();
        boolean vm = false;
        boolean written = false;
        for (String line : lines) {
            String t = line.trim();
            if (vm && t.startsWith("-Xmx")) {
                if (!written) {
                    out.add(xmx);
                    written = true;
                }
                continue;
            }
            out.add(line);
            if (t.equals("-vmargs")) {
                vm = true;
            }
        }
        if (!written) {
            if (!vm) {
                out.add("-vmargs");
            }
            out.add(xmx);
        }
        AtomicFiles.write(ini, (String.join("\n", out) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}

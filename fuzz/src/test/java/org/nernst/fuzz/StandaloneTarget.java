package org.nernst.fuzz;

/**
 * The entry point scripts/fuzz.sh gives Jazzer's command-line driver, which (unlike a JUnit run)
 * takes corpus folders, {@code -artifact_prefix}, {@code -timeout} and {@code -rss_limit_mb}. The
 * target is chosen by name: {@code --target_args=CSV}. Same contract as the JUnit fuzz tests.
 */
public final class StandaloneTarget {
    private static FuzzTargets target;

    private StandaloneTarget() {
    }

    public static void fuzzerInitialize(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("--target_args must name one of " + java.util.Arrays.toString(FuzzTargets.values()));
        }
        target = FuzzTargets.valueOf(args[0]);
    }

    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        target.check(data);
    }
}

package org.nernst.cli.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.nernst.cli.NernstCommand;
import org.nernst.core.exec.CancelToken;

/** Runs {@code nernst} in-process and captures what it prints. */
final class Cli {
    record Outcome(int code, String out, String err) {
    }

    /** The repository's example workflow (tests run in their bundle's folder). */
    static final Path EXAMPLE = Path.of("../../examples/workflows/nasa-soh.workflow.json");

    private Cli() {
    }

    static Outcome run(String... args) {
        return run(null, args);
    }

    static Outcome run(CancelToken cancel, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        NernstCommand cmd = new NernstCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        if (cancel != null) {
            cmd.cancelWith(cancel);
        }
        int code = cmd.run(args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path nasaData() {
        Path p = Path.of(System.getProperty("nernst.data", "../../../shared/data")).resolve("nasa-pcoe");
        if (!Files.isDirectory(p)) {
            fail("REAL DATA MISSING: " + p.toAbsolutePath().normalize() + " does not exist; set -Dnernst.data");
        }
        return p;
    }
}

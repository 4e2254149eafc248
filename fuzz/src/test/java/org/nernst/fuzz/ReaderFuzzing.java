package org.nernst.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.nernst.core.node.DataException;

/**
 * The contract every fuzz target checks: whatever the bytes of a file, a reader returns normally or
 * throws a {@link DataException} that names the file. Any other exception — including
 * {@link IOException}, since the file is always there and readable, so any I/O complaint is about its
 * content — and any {@link Error} (an {@link OutOfMemoryError} under the small heap the fuzzer runs
 * with, a {@link StackOverflowError}) is a finding: it escapes to Jazzer or JUnit, which report it with
 * the input.
 */
public final class ReaderFuzzing {

    /** A reader under test: reads the file and returns whatever the reader returns. */
    @FunctionalInterface
    public interface Reader {
        Object read(Path file) throws Exception;
    }

    private static final Path DIR = createDir();

    private ReaderFuzzing() {
    }

    /**
     * Writes {@code data} to a real file called {@code fileName} (readers look at names: a NASA cell
     * file must be named as its variable, a CSV's table is named after its file) and reads it.
     */
    public static void check(String fileName, byte[] data, Reader reader) throws Exception {
        Path file = DIR.resolve(fileName);
        Files.write(file, data);
        try {
            reader.read(file);
        } catch (DataException e) {
            if (!e.getMessage().contains(fileName)) {
                throw new AssertionError("a DataException must name the file (" + fileName + "): " + e.getMessage(), e);
            }
        }
    }

    private static Path createDir() {
        try {
            Path dir = Files.createTempDirectory("nernst-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.nernst.ui.internal.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.nernst.core.io.AtomicFiles;

/**
 * Crash recovery for one open workflow: a few seconds after each change, the unsaved document is
 * written atomically to a recovery copy in a folder of its own (never over the user's file); a
 * save or a deliberate close removes the copy. A copy that survives is what a crash left behind:
 * the next start, or the next open of the file, offers to restore it.
 *
 * <p>Each copy is two files named by a hash of the workflow file's absolute path:
 * {@code <hash>.workflow.json} (the document as it would have been saved) and {@code <hash>.source}
 * (the path of the workflow file it belongs to, so the next start knows what to reopen).
 */
public final class Recovery {
    /** Job family of the writers, so tests and shutdown can wait for pending copies. */
    public static final Object FAMILY = new Object();
    /** Delay after the last change before the copy is written, in ms ({@code nernst.autosave.delay}). */
    public static final long DELAY = Long.getLong("nernst.autosave.delay", 3000);

    private final WorkflowDocument document;
    private final Path copy;
    private final Path source;
    private final Path file;
    private final WorkflowDocument.Listener listener = d -> changed();
    private final Job writer;
    private volatile boolean closed;
    /** The text to write, taken on the thread that edited (the document's text cache is not thread-safe). */
    private volatile String pending;

    /** A copy, left by an earlier session, of unsaved edits to a workflow file. */
    public record Pending(Path file, Path copy, String text) {
    }

    private Recovery(WorkflowDocument document, Path folder, Path file) {
        this.document = document;
        this.file = file.toAbsolutePath().normalize();
        String key = key(this.file);
        this.copy = folder.resolve(key + ".workflow.json");
        this.source = folder.resolve(key + ".source");
        this.writer = new Job("Recovery copy of " + file.getFileName()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                return write(monitor);
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        this.writer.setSystem(true);
    }

    /** Starts writing recovery copies of a document opened from {@code file} into {@code folder}. */
    public static Recovery attach(WorkflowDocument document, Path folder, Path file) {
        Recovery r = new Recovery(document, folder, file);
        document.addListener(r.listener);
        return r;
    }

    /** The recovery copy a crash left for {@code file} in {@code folder}, if one differs from the file. */
    public static Optional<Pending> find(Path folder, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path copy = folder.resolve(key(abs) + ".workflow.json");
        try {
            if (!Files.isRegularFile(copy)) {
                return Optional.empty();
            }
            String text = Files.readString(copy, StandardCharsets.UTF_8);
            String onDisk = Files.isRegularFile(abs) ? Files.readString(abs, StandardCharsets.UTF_8) : "";
            return text.equals(onDisk) ? Optional.empty() : Optional.of(new Pending(abs, copy, text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Every workflow file with a recovery copy in {@code folder} (what a crash left behind). */
    public static List<Path> filesWithCopies(Path folder) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.source")) {
            for (Path s : ds) {
                Path f = Path.of(Files.readString(s, StandardCharsets.UTF_8).strip());
                // a workflow file deleted since cannot be reopened; its copy stays for a manual rescue
                if (Files.isRegularFile(f) && find(folder, f).isPresent()) {
                    out.add(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable copy is not worth failing the start-up for
        }
        out.sort(null);
        return out;
    }

    /** Removes the recovery copy of {@code file} in {@code folder} (the user declined to restore it). */
    public static void discard(Path folder, Path file) {
        String key = key(file.toAbsolutePath().normalize());
        try {
            Files.deleteIfExists(folder.resolve(key + ".workflow.json"));
            Files.deleteIfExists(folder.resolve(key + ".source"));
        } catch (IOException e) {
            // nothing to restore from a copy that cannot be deleted either; it is overwritten next time
        }
    }

    /** The file holding this document's recovery copy (it exists only while there are unsaved edits). */
    public Path copy() {
        return copy;
    }

    /** Runs the pending write now instead of after the delay, and waits for it. */
    public void flush() throws InterruptedException {
        writer.wakeUp();
        writer.join();
    }

    /** Stops writing and removes the copy: the document was closed on purpose. */
    public void close() {
        closed = true;
        pending = null;
        document.removeListener(listener);
        writer.cancel();
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        discard(copy.getParent(), file);
    }

    private void changed() {
        if (closed) {
            return;
        }
        if (document.isDirty()) {
            pending = document.text();
            // every change restarts the delay: the copy is written once the user pauses
            writer.cancel();
            writer.schedule(DELAY);
        } else {
            // saved (or undone back to the saved text): the copy would only restore what is on disk
            writer.cancel();
            synchronized (this) {
                // under the lock: a write in progress finishes first, and none follows
                pending = null;
                discard(copy.getParent(), file);
            }
        }
    }

    private synchronized IStatus write(IProgressMonitor monitor) {
        if (closed || monitor.isCanceled()) {
            return Status.CANCEL_STATUS;
        }
        String text = pending;
        if (text == null) {
            return Status.OK_STATUS;
        }
        try {
            Files.createDirectories(copy.getParent());
            AtomicFiles.write(source, file.toString().getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(copy, text.getBytes(StandardCharsets.UTF_8));
            return Status.OK_STATUS;
        } catch (IOException e) {
            return Status.warning("Cannot write the recovery copy " + copy + ": " + e.getMessage(), e);
        }
    }

    private static String key(Path abs) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(abs.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

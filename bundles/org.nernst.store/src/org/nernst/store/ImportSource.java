package org.nernst.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.nernst.core.exec.Hashing;
import org.nernst.core.node.DataException;
import org.nernst.core.table.Table;

/**
 * Where imported data comes from, and the SHA-256 of its content by which a store recognises a
 * re-import.
 *
 * @param name the original file, or the name of the table when there is no file
 * @param sha256 64 lower-case hex digits
 * @since 0.1
 */
public record ImportSource(String name, String sha256) {

    public ImportSource {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an import source needs a name");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("'" + sha256 + "' is not a SHA-256 (64 lower-case hex digits)");
        }
    }

    /** The file's bytes hashed: the same file imported twice is stored once. */
    public static ImportSource ofFile(Path file) throws DataException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (NoSuchFileException e) {
            throw new DataException(file, "", "file not found");
        } catch (IOException e) {
            throw new DataException(file.toString(), "", "cannot be read: " + e.getMessage(), e);
        }
        return new ImportSource(file.toAbsolutePath().normalize().toString(), HexFormat.of().formatHex(md.digest()));
    }

    /**
     * The table's content hashed (column names, units, types and every value, as workflow
     * provenance hashes it): the same data is stored once, whichever file or node it came through.
     * Roles are not part of the hash.
     */
    public static ImportSource ofTable(Table table) {
        return new ImportSource(table.name().isBlank() ? "table" : table.name(), Hashing.of(table));
    }
}

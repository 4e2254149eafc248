package org.nernst.data.mat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.nernst.core.node.DataException;

import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;

/**
 * Opens MATLAB MAT-files after checking which version the header says they are, so a file of
 * another version gets a message that says so instead of a parser error.
 *
 * @since 0.1
 */
public final class MatFiles {
    private MatFiles() {
    }

    /** The MAT-file version named in the 116-byte text header, e.g. {@code 5.0} or {@code 7.3}. */
    public static String headerVersion(Path file) throws DataException, IOException {
        byte[] head = new byte[128];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new DataException(file, "", "file not found");
        } catch (IOException e) {
            throw new DataException(file.toString(), "", "cannot be read: " + e, e);
        }
        String text = new String(head, 0, Math.min(n, 116), StandardCharsets.ISO_8859_1);
        if (n < 128 || !text.startsWith("MATLAB")) {
            throw new DataException(file, "header", "not a MATLAB MAT-file (it must start with 'MATLAB 5.0 MAT-file' "
                    + "or 'MATLAB 7.3 MAT-file'; found " + n + " bytes starting '" + printable(text, 24) + "')");
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("MATLAB (\\d+\\.\\d+) MAT-file").matcher(text);
        return m.find() ? m.group(1) : "unknown";
    }

    /**
     * Reads a MATLAB 5 (v5/v6/v7, not 7.3) MAT-file fully into memory.
     *
     * @throws DataException if the file is not such a file or is truncated or corrupt
     */
    public static Mat5File readV5(Path file) throws DataException, IOException {
        String v = headerVersion(file);
        if (v.equals("7.3")) {
            throw new DataException(file, "header", "is a MATLAB 7.3 (HDF5) MAT-file; this reader expects MATLAB 5 "
                    + "format (save with -v7 or -v6)");
        }
        try {
            return Mat5.readFromFile(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new DataException(file.toString(), "", "cannot be read as a MATLAB 5 MAT-file (truncated or corrupt?): "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    private static String printable(String s, int max) {
        StringBuilder b = new StringBuilder();
        for (char c : s.substring(0, Math.min(max, s.length())).toCharArray()) {
            b.append(c >= 32 && c < 127 ? c : '?');
        }
        return b.toString();
    }
}

package org.nernst.data.mat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.nernst.core.node.DataException;
import org.nernst.data.mat.internal.Mat5View;
import org.nernst.data.mat.internal.Mat73View;

import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;

/**
 * Opens MATLAB MAT-files after reading which version the header says they are, so each goes to
 * the reader that understands it and any other file gets a message saying what was found.
 * <ul>
 * <li>MATLAB 5 (v6, v7): a 116-byte text header starting {@code MATLAB 5.0 MAT-file}, then at byte
 * 124 the version 0x0100 and the endian indicator {@code IM} or {@code MI}; read by mfl-core.</li>
 * <li>MATLAB 7.3: the same header text ({@code MATLAB 7.3 MAT-file}, version 0x0200) in a 512-byte
 * HDF5 user block, and the HDF5 signature at byte 512; read by jhdf, in pure Java.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class MatFiles {
    private static final byte[] HDF5 = { (byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n' };

    private MatFiles() {
    }

    /**
     * Opens {@code file} with the reader its header calls for.
     *
     * @throws DataException if the file is missing, not a MATLAB 5 or 7.3 MAT-file, truncated or corrupt
     * @since 0.2
     */
    public static MatView open(Path file) throws DataException {
        return switch (detect(file)) {
            case V5 -> Mat5View.open(file);
            case V73 -> Mat73View.open(file);
        };
    }

    /**
     * The version of MAT-file {@code file} is, from its first 520 bytes.
     *
     * @throws DataException naming what was found instead, if it is neither version
     * @since 0.2
     */
    public static MatFormat detect(Path file) throws DataException {
        byte[] head = new byte[520];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new DataException(file, "", "file not found");
        } catch (IOException e) {
            throw new DataException(file.toString(), "", "cannot be read: " + e, e);
        }
        if (n == 0) {
            throw new DataException(file, "header", "the file is empty; " + MatFormat.supported());
        }
        if (startsWith(head, n, 0, HDF5)) {
            throw new DataException(file, "header", "is a plain HDF5 file, not a MATLAB 7.3 MAT-file: it lacks the "
                    + "512-byte MATLAB header (files written by h5py or Octave's save -hdf5 look like this); "
                    + MatFormat.supported());
        }
        String text = new String(head, 0, Math.min(n, 116), StandardCharsets.ISO_8859_1);
        if (!text.startsWith("MATLAB")) {
            String v4 = looksLikeV4(head, n) ? "it looks like a MATLAB 4 MAT-file, which has no text header (save it "
                    + "again in MATLAB with -v7 or -v7.3); " : "";
            throw new DataException(file, "header", "not a MATLAB MAT-file: it starts '" + printable(text, 24)
                    + "' instead of 'MATLAB 5.0 MAT-file' or 'MATLAB 7.3 MAT-file'; " + v4 + MatFormat.supported());
        }
        if (n < 128) {
            throw new DataException(file, "header", "truncated: the MAT-file header needs 128 bytes, the file has "
                    + n + " ('" + printable(text, 40) + "')");
        }
        String endian = new String(head, 126, 2, StandardCharsets.ISO_8859_1);
        int version = endian.equals("MI") ? (head[124] & 0xff) << 8 | head[125] & 0xff
                : (head[125] & 0xff) << 8 | head[124] & 0xff;
        boolean endianKnown = endian.equals("IM") || endian.equals("MI");
        if (text.startsWith("MATLAB 7.3") || version == 0x0200 && endianKnown) {
            if (n < 520 || !startsWith(head, n, 512, HDF5)) {
                throw new DataException(file, "header", "says MATLAB 7.3 (HDF5) but there is no HDF5 signature at "
                        + "byte 512 (" + n + " bytes read): the file is truncated or corrupt");
            }
            return MatFormat.V73;
        }
        if (version == 0x0100 && endianKnown) {
            return MatFormat.V5;
        }
        throw new DataException(file, "header", String.format("starts '%s' but has version 0x%04x and endian "
                + "indicator '%s' at byte 124 (MATLAB 5 has 0x0100, MATLAB 7.3 0x0200, with 'IM' or 'MI'); %s",
                printable(text, 40), version, printable(endian, 2), MatFormat.supported()));
    }

    /**
     * Reads a MATLAB 5 (v6/v7, not 7.3) MAT-file fully into memory.
     *
     * @throws DataException if the file is not such a file or is truncated or corrupt
     */
    public static Mat5File readV5(Path file) throws DataException {
        MatFormat f = detect(file);
        if (f != MatFormat.V5) {
            throw new DataException(file, "header", "is a " + f.label() + " MAT-file; this reader expects MATLAB 5 "
                    + "format (save with -v7 or -v6)");
        }
        try {
            org.nernst.data.mat.internal.Mat5Guard.check(file);
            return Mat5.readFromFile(file.toFile());
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw new DataException(file.toString(), "", "cannot be read as a MATLAB 5 MAT-file (truncated or corrupt?): "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** MATLAB 4 files start with a type code M0PT (M machine 0-4, P precision 0-5, T 0-2) and small sizes. */
    private static boolean looksLikeV4(byte[] h, int n) {
        if (n < 20) {
            return false;
        }
        for (boolean little : new boolean[] { true, false }) {
            int type = int32(h, 0, little);
            int rows = int32(h, 4, little);
            int cols = int32(h, 8, little);
            int imag = int32(h, 12, little);
            int nameLength = int32(h, 16, little);
            if (type >= 0 && type <= 4052 && type / 100 % 10 == 0 && type / 10 % 10 <= 5 && type % 10 <= 2
                    && rows >= 0 && cols >= 0 && (imag == 0 || imag == 1) && nameLength > 0 && nameLength < 64) {
                return true;
            }
        }
        return false;
    }

    private static int int32(byte[] b, int at, boolean little) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int shift = little ? 8 * i : 8 * (3 - i);
            v |= (b[at + i] & 0xff) << shift;
        }
        return v;
    }

    private static boolean startsWith(byte[] h, int n, int at, byte[] sig) {
        if (n < at + sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if (h[at + i] != sig[i]) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s, int max) {
        StringBuilder b = new StringBuilder();
        for (char c : s.substring(0, Math.min(max, s.length())).toCharArray()) {
            b.append(c >= 32 && c < 127 ? c : '?');
        }
        return b.toString();
    }
}

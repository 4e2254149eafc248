package org.nernst.data.mat.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.nernst.core.node.DataException;

/** The HDF5 superblock of a MATLAB 7.3 file, which starts after the 512-byte MATLAB user block. */
final class Mat73Superblock {
    private Mat73Superblock() {
    }

    /**
     * A truncated file is the commonest damage (an interrupted copy of a multi-GB file): the
     * superblock at byte 512 records where the file ends, so say so plainly instead of letting
     * the first read past the end fail somewhere inside the library.
     */
    static void checkEndOfFile(Path file, long size) throws DataException {
        byte[] b = new byte[96];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(512);
            n = in.readNBytes(b, 0, b.length);
        } catch (IOException e) {
            throw new DataException(file.toString(), "HDF5 superblock", "cannot be read: " + e, e);
        }
        int version = n > 8 ? b[8] : -1;
        int offsets = version == 0 || version == 1 ? b[13] : version == 2 || version == 3 ? b[9] : 0;
        int at = version == 0 ? 24 + 2 * offsets : version == 1 ? 28 + 2 * offsets : 12 + 2 * offsets;
        if ((offsets != 4 && offsets != 8) || n < at + offsets) {
            return; // an unusual superblock: leave the judgement to the library
        }
        long end = 0;
        for (int i = offsets - 1; i >= 0; i--) {
            end = end << 8 | b[at + i] & 0xff;
        }
        if (end > size) {
            throw new DataException(file.toString(), "HDF5 superblock", String.format("the file is truncated: it "
                    + "should be %,d bytes long but has %,d", end, size));
        }
    }
}

package org.nernst.data.mat;

/**
 * The MAT-file versions Nernst reads, told apart by the file header.
 *
 * @since 0.2
 */
public enum MatFormat {
    /** Level 5 files (MATLAB's -v6 and -v7, the default before R2006b): text header, version 0x0100. */
    V5("MATLAB 5 (v6/v7)"),
    /** HDF5 with a 512-byte MATLAB user block (MATLAB's -v7.3). */
    V73("MATLAB 7.3 (HDF5)");

    private final String label;

    MatFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The sentence every "not a MAT-file" message ends with. */
    public static String supported() {
        return "supported are MATLAB 5 (v6/v7) and MATLAB 7.3 (HDF5) MAT-files";
    }
}

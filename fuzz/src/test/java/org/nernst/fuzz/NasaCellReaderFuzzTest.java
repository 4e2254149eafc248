package org.nernst.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * {@link org.nernst.data.mat.NasaCellReader} (MATLAB 5 MAT-files through the MAT File Library). The
 * file is called {@code B0005.mat} because the reader looks for the variable named as the file.
 */
class NasaCellReaderFuzzTest {

    @FuzzTest
    void fuzz(byte[] data) throws Exception {
        FuzzTargets.NASA_MAT.check(data);
    }
}

package org.nernst.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** {@link org.nernst.data.mat.SeversonBatchReader} on MATLAB 5 and 7.3 (HDF5, through jhdf) files. */
class MatBatchFuzzTest {

    @FuzzTest
    void fuzz(byte[] data) throws Exception {
        FuzzTargets.MAT_BATCH.check(data);
    }
}

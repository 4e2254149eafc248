package org.nernst.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** {@link org.nernst.data.cycler.CyclerReader} with the layout detected from the content, as the cycler node does by default. */
class CyclerFuzzTest {

    @FuzzTest
    void fuzz(byte[] data) throws Exception {
        FuzzTargets.CYCLER.check(data);
    }
}

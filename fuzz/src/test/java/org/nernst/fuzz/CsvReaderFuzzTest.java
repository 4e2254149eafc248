package org.nernst.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** {@link org.nernst.data.csv.CsvReader}, delimiter detected from the header as the CSV node does by default. */
class CsvReaderFuzzTest {

    @FuzzTest
    void fuzz(byte[] data) throws Exception {
        FuzzTargets.CSV.check(data);
    }
}

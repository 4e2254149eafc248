package org.nernst.fuzz;

import java.util.List;
import java.util.Set;

import org.nernst.core.node.ProgressMonitor;
import org.nernst.data.csv.CsvReader;
import org.nernst.data.cycler.CyclerReader;
import org.nernst.data.mat.SeversonBatchReader;
import org.nernst.data.mat.NasaCellReader;

/**
 * Every reader that is fuzzed, in one list: the name its input file gets, the real files (globs
 * under the shared data folder, {@code nernst.data}) whose slices seed it, and how to call it.
 * Adding a reader = one entry here + a five-line {@code *FuzzTest} class calling {@link #check}
 * (+ seed files in its {@code <class>Inputs/fuzz} resource folder). scripts/fuzz.sh fuzzes every entry.
 */
public enum FuzzTargets {
    CSV(CsvReaderFuzzTest.class, "cell.csv", List.of("cycler-samples/arbin/*.csv", "cycler-samples/novonix/*.csv",
            "cycler-samples/biologic/*.csv", "materials/*.csv"),
            file -> new CsvReader((char) 0, Set.of(), warning -> { }).read(file, ProgressMonitor.none())),

    NASA_MAT(NasaCellReaderFuzzTest.class, "B0005.mat", List.of("nasa-pcoe/*.mat"),
            file -> new NasaCellReader().read(file, Set.of("charge", "discharge"), ProgressMonitor.none())),

    /** Every cycler layout behind one detector: Arbin, Maccor, Neware, BatteryArchive. */
    CYCLER(CyclerFuzzTest.class, "cell.csv", List.of("cycler-samples/arbin/*.csv", "cycler-samples/maccor/*"),
            file -> new CyclerReader(0, warning -> { }).read(file, null, ProgressMonitor.none())),

    /** MAT-files of any version through the format-neutral view, as the Severson/Attia batch reader uses it. */
    MAT_BATCH(MatBatchFuzzTest.class, "batch.mat", List.of("cycler-samples/indigo/*.h5", "nasa-pcoe/B0005.mat"),
            file -> new SeversonBatchReader().read(file, List.of(1, 2), "", ProgressMonitor.none()));

    private final Class<?> fuzzTest;
    private final String fileName;
    private final List<String> samples;
    private final ReaderFuzzing.Reader reader;

    FuzzTargets(Class<?> fuzzTest, String fileName, List<String> samples, ReaderFuzzing.Reader reader) {
        this.fuzzTest = fuzzTest;
        this.fileName = fileName;
        this.samples = samples;
        this.reader = reader;
    }

    /** The committed inputs of the target's JUnit fuzz test (seeds and kept crashers), relative to src/test/resources. */
    public String inputsFolder() {
        return fuzzTest.getPackageName().replace('.', '/') + "/" + fuzzTest.getSimpleName() + "Inputs/fuzz";
    }

    public String fileName() {
        return fileName;
    }

    /** Globs, relative to the shared data folder, of real files in this reader's format. */
    public List<String> samples() {
        return samples;
    }

    /** Runs the reader on {@code data} under the contract of {@link ReaderFuzzing}. */
    public void check(byte[] data) throws Exception {
        ReaderFuzzing.check(fileName, data, reader);
    }

    /** Lists the targets for scripts/fuzz.sh: one line {@code NAME INPUTS_FOLDER} each. */
    public static void main(String[] args) {
        for (FuzzTargets t : values()) {
            System.out.println(t.name() + " " + t.inputsFolder());
        }
    }
}

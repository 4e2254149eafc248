package org.nernst.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.table.Table;
import org.nernst.data.csv.CsvReader;
import org.nernst.data.cycler.CyclerFormat;
import org.nernst.data.cycler.CyclerReader;
import org.nernst.data.mat.MatFiles;
import org.nernst.data.mat.MatTables;
import org.nernst.data.mat.MatView;
import org.nernst.data.mat.NasaCellReader;

/**
 * What is measured: one entry per reader, with the name of its peer in benchmarks/python/peers.py.
 * A case reads all its files and returns the tables it built (their numeric cells are the "numeric
 * data" the peak heap is compared with). Adding a reader = one entry here (+ its peer function).
 */
enum BenchCase {
    /** The BatteryArchive connector: Date_Time parsed to epoch seconds, units mapped, steps inferred from the current. */
    BATTERYARCHIVE_CSV("BatteryArchive CSV, cycler connector", "pandas.read_csv") {
        @Override
        List<Table> read(List<Path> files) throws Exception {
            List<Table> out = new ArrayList<>();
            for (Path f : files) {
                out.add(new CyclerReader(0, w -> { }).read(f, CyclerFormat.BATTERY_ARCHIVE, ProgressMonitor.none()));
            }
            return out;
        }
    },
    /** The generic CSV connector on the same file: Date_Time stays text (a String per row). */
    GENERIC_CSV("same CSV, generic CSV connector", "pandas.read_csv") {
        @Override
        List<Table> read(List<Path> files) throws Exception {
            List<Table> out = new ArrayList<>();
            for (Path f : files) {
                out.add(new CsvReader(',', Set.of(), w -> { }).read(f, ProgressMonitor.none()));
            }
            return out;
        }
    },
    NASA_MAT5("NASA PCoE cells, MATLAB 5 .mat", "scipy.io.loadmat") {
        @Override
        List<Table> read(List<Path> files) throws Exception {
            List<Table> out = new ArrayList<>();
            NasaCellReader reader = new NasaCellReader();
            for (Path f : files) {
                NasaCellReader.Cell c = reader.read(f, Set.of("charge", "discharge"), ProgressMonitor.none());
                out.add(c.cycles());
                out.add(c.timeseries());
            }
            return out;
        }
    },
    /** The NASA samples as one struct of column vectors saved with -v7.3 (hdf5storage), read through jhdf. */
    MAT_V73("MATLAB v7.3 (HDF5) .mat", "h5py") {
        @Override
        List<Table> read(List<Path> files) throws Exception {
            List<Table> out = new ArrayList<>();
            for (Path f : files) {
                try (MatView mat = MatFiles.open(f)) {
                    out.add(MatTables.toTable(mat, "timeseries"));
                }
            }
            return out;
        }
    };

    final String label;
    final String peer;

    BenchCase(String label, String peer) {
        this.label = label;
        this.peer = peer;
    }

    abstract List<Table> read(List<Path> files) throws Exception;

    boolean wired() {
        return true;
    }
}

package org.nernst.data.mat;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.nernst.core.node.DataException;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Table;

/**
 * Dataset connector for NASA PCoE cells: reads the {@code .mat} file of each cell asked for from a
 * folder into a per-cycle table and a long time-series table, stacked over cells.
 *
 * @since 0.1
 */
public final class NasaDatasetNode implements Node {
    private static final Set<String> SERIES_TYPES = Set.of("charge", "discharge");

    @Override
    public void configure(Parameters p) {
        for (String t : p.list("series")) {
            if (!SERIES_TYPES.contains(t)) {
                throw new IllegalArgumentException("parameter 'series': '" + t + "' is not one of " + SERIES_TYPES);
            }
        }
    }

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Parameters p = c.parameters();
        Path folder = p.path("folder");
        if (!Files.isDirectory(folder)) {
            throw new DataException(folder, "", "folder not found (parameter 'folder' of node '" + c.nodeId()
                    + "'; point it at your copy of the NASA PCoE battery data)");
        }
        List<Path> files = new ArrayList<>();
        List<String> cells = p.list("cells");
        if (cells.isEmpty()) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.mat")) {
                ds.forEach(files::add);
            } catch (java.io.IOException e) {
                throw new DataException(folder.toString(), "", "cannot be listed: " + e, e);
            }
            files.sort(null);
            if (files.isEmpty()) {
                throw new DataException(folder, "", "holds no .mat files");
            }
        } else {
            for (String cell : cells) {
                Path f = folder.resolve(cell.endsWith(".mat") ? cell : cell + ".mat");
                if (!Files.isRegularFile(f)) {
                    throw new DataException(f, "", "file not found (cell '" + cell + "' of parameter 'cells')");
                }
                files.add(f);
            }
        }
        Set<String> series = new LinkedHashSet<>(p.list("series"));
        NasaCellReader reader = new NasaCellReader();
        List<Table> cycles = new ArrayList<>();
        List<Table> ts = new ArrayList<>();
        c.monitor().begin("reading NASA cells", files.size());
        for (Path f : files) {
            c.monitor().checkCanceled();
            c.monitor().subTask("reading " + f.getFileName());
            NasaCellReader.Cell cell = reader.read(f, series, c.monitor());
            cycles.add(cell.cycles());
            ts.add(cell.timeseries());
            c.monitor().worked(1);
        }
        Table allCycles = Table.concat("NASA cycles", cycles);
        Table allSeries = Table.concat("NASA time series", ts);
        c.info("read " + files.size() + " cells: " + allCycles.rowCount() + " cycles, " + allSeries.rowCount()
                + " samples of " + series);
        return Map.of("cycles", allCycles, "timeseries", allSeries);
    }
}

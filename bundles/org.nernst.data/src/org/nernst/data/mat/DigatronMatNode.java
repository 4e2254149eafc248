package org.nernst.data.mat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nernst.core.node.DataException;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Table;

/**
 * Dataset connector for Digatron MAT exports (Kollmeyer's Panasonic 18650PF and LG HG2 sets): one
 * {@code file}, or every file of {@code folder} matching {@code pattern}, stacked with a
 * {@code cell} column naming the file.
 *
 * @since 0.2
 */
public final class DigatronMatNode implements Node {

    @Override
    public void configure(Parameters p) {
        boolean file = p.has("file") && !p.string("file").isBlank();
        boolean folder = p.has("folder") && !p.string("folder").isBlank();
        if (file == folder) {
            throw new IllegalArgumentException("give either parameter 'file' or parameter 'folder' (with 'pattern')");
        }
    }

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Parameters p = c.parameters();
        configure(p);
        List<Path> files = files(p);
        DigatronMatReader reader = new DigatronMatReader();
        List<Table> parts = new ArrayList<>();
        c.monitor().begin("reading Digatron MAT files", files.size());
        for (Path f : files) {
            c.monitor().checkCanceled();
            c.monitor().subTask("reading " + f.getFileName());
            parts.add(reader.read(f));
            c.monitor().worked(1);
        }
        Table all = parts.size() == 1 ? parts.get(0) : Table.concat("Digatron tests", parts);
        c.info("read " + files.size() + " file(s), " + all.rowCount() + " samples");
        return Map.of("table", all);
    }

    static List<Path> files(Parameters p) throws DataException {
        if (p.has("file") && !p.string("file").isBlank()) {
            Path f = p.path("file");
            if (!Files.isRegularFile(f)) {
                throw new DataException(f, "", "file not found (parameter 'file')");
            }
            return List.of(f);
        }
        Path folder = p.path("folder");
        if (!Files.isDirectory(folder)) {
            throw new DataException(folder, "", "folder not found (parameter 'folder')");
        }
        String pattern = p.has("pattern") && !p.string("pattern").isBlank() ? p.string("pattern") : "*.mat";
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, pattern)) {
            ds.forEach(out::add);
        } catch (IOException e) {
            throw new DataException(folder.toString(), "", "cannot be listed: " + e, e);
        } catch (IllegalArgumentException e) {
            throw new DataException(folder.toString(), "parameter 'pattern'", "'" + pattern + "' is not a valid glob: "
                    + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new DataException(folder, "", "no file matches '" + pattern + "'");
        }
        out.sort(null);
        return out;
    }
}

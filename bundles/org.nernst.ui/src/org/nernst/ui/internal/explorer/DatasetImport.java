package org.nernst.ui.internal.explorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.NodeKind;
import org.nernst.core.node.ParameterSpec;
import org.nernst.core.node.ParameterType;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowJson;
import org.nernst.core.workflow.WorkflowNode;

/**
 * What the dataset import wizard does, without its pages: turns a data file or folder and a
 * connector from the registry into a new workflow whose one reader node is configured to read it.
 */
public final class DatasetImport {
    private DatasetImport() {
    }

    /** Every dataset connector installed, by label. */
    public static List<NodeDescriptor> connectors(NodeRegistry registry) {
        List<NodeDescriptor> out = new ArrayList<>();
        for (NodeDescriptor d : registry.nodes()) {
            if (d.kind() == NodeKind.DATASET && pathParameter(d, false).isPresent()) {
                out.add(d);
            }
        }
        out.sort((a, b) -> a.label().compareToIgnoreCase(b.label()));
        return out;
    }

    /** The connectors that declare the data's file extension (all of them for a folder). */
    public static List<NodeDescriptor> suggested(NodeRegistry registry, Path data) {
        if (Files.isDirectory(data)) {
            return connectors(registry).stream().filter(d -> d.parameter("folder").isPresent()).toList();
        }
        String name = data.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return connectors(registry).stream().filter(d -> Arrays.asList(
                d.attributes().getOrDefault("fileExtensions", "").toLowerCase(Locale.ROOT).split("\\s*,\\s*"))
                .contains(ext)).toList();
    }

    /**
     * The parameter that names the data: {@code folder} for a folder when the connector has one,
     * otherwise {@code file}, otherwise its first path parameter.
     */
    static Optional<ParameterSpec> pathParameter(NodeDescriptor d, boolean folder) {
        List<ParameterSpec> paths = d.parameters().stream().filter(p -> p.type() == ParameterType.PATH).toList();
        String preferred = folder ? "folder" : "file";
        return paths.stream().filter(p -> p.name().equals(preferred)).findFirst()
                .or(() -> paths.stream().findFirst());
    }

    /**
     * Writes a workflow with one node of {@code connector} reading {@code data} to {@code target}
     * and returns it. A connector that reads folders only (the NASA cells) gets the file's folder.
     *
     * @throws IllegalArgumentException if the connector has no path parameter or the data does not exist
     */
    public static Workflow createWorkflow(NodeDescriptor connector, Path data, Path target) throws IOException {
        return createWorkflow(connector, data, target, null);
    }

    /** The store's import node, which the wizard can add after the reader. */
    public static final String STORE_IMPORT = "org.nernst.store.import";

    /**
     * As {@link #createWorkflow(NodeDescriptor, Path, Path)}; with a {@code storeDataset} name, a
     * {@code org.nernst.store.import} node after the reader stores its first table output in the
     * workspace store under that name when the workflow runs (the store recognises data it holds
     * already, so running again adds nothing).
     */
    public static Workflow createWorkflow(NodeDescriptor connector, Path data, Path target, String storeDataset)
            throws IOException {
        if (!Files.exists(data)) {
            throw new IllegalArgumentException(data + " does not exist");
        }
        Path abs = data.toAbsolutePath().normalize();
        boolean folder = Files.isDirectory(abs);
        ParameterSpec p = pathParameter(connector, folder).orElseThrow(
                () -> new IllegalArgumentException(connector.label() + " has no file or folder parameter"));
        Path value = !folder && p.name().equals("folder") ? abs.getParent() : abs;
        Map<String, Object> params = new LinkedHashMap<>();
        params.put(p.name(), value.toString());
        String id = connector.id().substring(connector.id().lastIndexOf('.') + 1).replaceAll("[^A-Za-z0-9_]", "_");
        String name = target.getFileName().toString().replaceFirst("(\\.workflow)?\\.json$", "")
                .replaceAll("[^A-Za-z0-9_.\\-]", "-").replaceFirst("^[^A-Za-z0-9]+", "");
        WorkflowNode node = new WorkflowNode(id.isEmpty() || !Character.isLetter(id.charAt(0)) ? "reader" : id,
                connector.id(), abs.getFileName().toString(), params, Map.of(), true, 40, 40);
        List<WorkflowNode> nodes = new ArrayList<>(List.of(node));
        String description = "Reads " + abs.getFileName() + " with the " + connector.label() + " connector";
        if (storeDataset != null && !storeDataset.isBlank()) {
            String table = connector.outputs().stream().filter(o -> o.type().equals(org.nernst.core.node.PortType.TABLE))
                    .map(o -> o.name()).findFirst().orElseThrow(
                            () -> new IllegalArgumentException(connector.label() + " has no table output to store"));
            nodes.add(new WorkflowNode("store", STORE_IMPORT, "Store as " + storeDataset.strip(),
                    Map.of("dataset", storeDataset.strip()),
                    Map.of("table", new org.nernst.core.workflow.PortRef(node.id(), table)), false, 300, 40));
            description += " and stores its " + table + " in the workspace store as dataset " + storeDataset.strip();
        }
        Workflow wf = new Workflow(name.isEmpty() ? "import" : name, description + ".", 42, nodes);
        Files.createDirectories(target.toAbsolutePath().getParent());
        WorkflowJson.save(wf, target);
        return wf;
    }
}

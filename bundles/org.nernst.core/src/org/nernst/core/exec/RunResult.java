package org.nernst.core.exec;

import java.util.Map;
import java.util.Optional;

import org.nernst.core.workflow.Workflow;

/**
 * The outputs of a successful run: node id → port → result.
 *
 * @since 0.1
 */
public record RunResult(Workflow workflow, Map<String, Map<String, Result>> outputs) {

    public Optional<Result> get(String nodeId, String port) {
        return Optional.ofNullable(outputs.getOrDefault(nodeId, Map.of()).get(port));
    }

    /** The value of an output, cast. */
    public <T> T value(String nodeId, String port, Class<T> type) {
        return type.cast(get(nodeId, port).orElseThrow(() -> new IllegalArgumentException(
                "no output " + nodeId + "." + port)).value());
    }
}

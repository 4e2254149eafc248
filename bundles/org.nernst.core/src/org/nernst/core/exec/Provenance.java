package org.nernst.core.exec;

import java.util.Map;

/**
 * Where a result came from: enough to reproduce it or to tell that it is stale.
 *
 * @param workflow the workflow's name
 * @param workflowHash SHA-256 of the canonical workflow JSON that ran
 * @param nodeId the node that produced the result
 * @param nodeType the contributed node type
 * @param port the output port
 * @param parameters the effective parameters (defaults filled in)
 * @param inputHashes input port → SHA-256 of the value that came in
 * @param outputHash SHA-256 of this result
 * @param seed the node's seed
 * @param bundles the contributing bundle and {@code org.nernst.core}, with versions
 * @param started ISO-8601 instant the node started
 * @param millis how long the node ran
 * @since 0.1
 */
public record Provenance(String workflow, String workflowHash, String nodeId, String nodeType, String port,
        Map<String, Object> parameters, Map<String, String> inputHashes, String outputHash, long seed,
        Map<String, String> bundles, String started, long millis) {
}

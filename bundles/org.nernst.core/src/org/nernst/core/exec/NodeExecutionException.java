package org.nernst.core.exec;

/**
 * A node failed while running; the cause says why (a
 * {@link org.nernst.core.node.DataException} for unusable input data).
 *
 * @since 0.1
 */
public final class NodeExecutionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String nodeId;

    public NodeExecutionException(String nodeId, String nodeType, Throwable cause) {
        super("node '" + nodeId + "' (" + nodeType + ") failed: " + describe(cause), cause);
        this.nodeId = nodeId;
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getName() : m;
    }

    public String nodeId() {
        return nodeId;
    }
}

package org.nernst.core.workflow;

/**
 * A reference to an output port, written {@code node.port} in workflow files.
 *
 * @since 0.1
 */
public record PortRef(String node, String port) {

    /** Parses {@code node.port}. */
    public static PortRef parse(String s) {
        int dot = s == null ? -1 : s.lastIndexOf('.');
        if (dot <= 0 || dot == s.length() - 1) {
            throw new IllegalArgumentException("'" + s + "' is not an output reference of the form node.port");
        }
        return new PortRef(s.substring(0, dot), s.substring(dot + 1));
    }

    @Override
    public String toString() {
        return node + "." + port;
    }
}

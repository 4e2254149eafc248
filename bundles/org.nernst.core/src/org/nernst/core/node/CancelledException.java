package org.nernst.core.node;

/**
 * Thrown when work stops because the user cancelled it. Not an error.
 *
 * @since 0.1
 */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled");
    }
}

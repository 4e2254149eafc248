package org.nernst.core.registry;

/**
 * A contributed node that cannot be instantiated: unknown id, missing class, wrong contract or a
 * failing constructor. The message names the contributing bundle and class.
 *
 * @since 0.1
 */
public final class ContributionException extends Exception {
    private static final long serialVersionUID = 1L;

    public ContributionException(String message, Throwable cause) {
        super(message, cause);
    }
}

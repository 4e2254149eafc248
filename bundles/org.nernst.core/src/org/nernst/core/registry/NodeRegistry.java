package org.nernst.core.registry;

import java.util.List;
import java.util.Optional;

import org.nernst.core.node.Node;
import org.nernst.core.node.NodeDescriptor;

/**
 * Every node contributed through the extension points of {@code org.nernst.core}. Listing and
 * finding work from metadata alone; only {@link #create} loads a contributor's classes.
 *
 * @since 0.1
 */
public interface NodeRegistry {

    /** Every valid contribution, sorted by kind then id. */
    List<NodeDescriptor> nodes();

    Optional<NodeDescriptor> find(String id);

    /**
     * Instantiates a node (loading and possibly activating its bundle).
     *
     * @throws ContributionException if the id is unknown or the contributor's class cannot be
     *         loaded or does not implement the contract of its kind
     */
    Node create(String id) throws ContributionException;

    /**
     * Contributions that were skipped because their metadata is invalid, one message each naming
     * the bundle and the element.
     */
    List<String> problems();

    /** The version of an installed bundle, or {@code "unknown"}. */
    String bundleVersion(String symbolicName);

    /** The registry of the running Eclipse platform. */
    static NodeRegistry platform() {
        return org.nernst.core.internal.registry.ExtensionNodeRegistry.fromPlatform();
    }
}

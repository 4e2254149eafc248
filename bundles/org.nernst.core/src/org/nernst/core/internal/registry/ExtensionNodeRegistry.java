package org.nernst.core.internal.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.NodeKind;
import org.nernst.core.registry.ContributionException;
import org.nernst.core.registry.NodeRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Reads node metadata from the Eclipse extension registry. Never loads a contributor class until
 * {@link #create} is called; invalid metadata is reported in {@link #problems()} and skipped.
 */
public final class ExtensionNodeRegistry implements NodeRegistry {
    public static final String NAMESPACE = "org.nernst.core";

    private final Map<String, NodeDescriptor> nodes = new LinkedHashMap<>();
    private final Map<String, IConfigurationElement> elements = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    public ExtensionNodeRegistry(IExtensionRegistry registry) {
        List<NodeDescriptor> found = new ArrayList<>();
        for (NodeKind kind : NodeKind.values()) {
            for (IConfigurationElement e : registry.getConfigurationElementsFor(NAMESPACE, kind.extensionPoint())) {
                Element element = new Element(e);
                String where = NodeMetadata.where(kind, element);
                try {
                    NodeDescriptor d = NodeMetadata.describe(kind, element);
                    if (elements.containsKey(d.id())) {
                        throw new IllegalArgumentException("id '" + d.id() + "' is already contributed by bundle "
                                + nodes.get(d.id()).contributor());
                    }
                    nodes.put(d.id(), d);
                    elements.put(d.id(), e);
                    found.add(d);
                } catch (RuntimeException ex) {
                    problems.add(where + ": " + ex.getMessage());
                }
            }
        }
        found.sort(Comparator.comparing((NodeDescriptor d) -> d.kind()).thenComparing(NodeDescriptor::id));
        nodes.clear();
        found.forEach(d -> nodes.put(d.id(), d));
    }

    public static ExtensionNodeRegistry fromPlatform() {
        IExtensionRegistry r = RegistryFactory.getRegistry();
        if (r == null) {
            throw new IllegalStateException("the Eclipse extension registry is not running (bundle org.eclipse.equinox.registry)");
        }
        return new ExtensionNodeRegistry(r);
    }

    /** An extension registry element seen through the registry-neutral {@link MetadataElement}. */
    private record Element(IConfigurationElement e) implements MetadataElement {
        @Override
        public String name() {
            return e.getName();
        }

        @Override
        public String attribute(String name) {
            return e.getAttribute(name);
        }

        @Override
        public List<String> attributeNames() {
            return List.of(e.getAttributeNames());
        }

        @Override
        public List<MetadataElement> children(String name) {
            return java.util.Arrays.stream(e.getChildren(name)).<MetadataElement>map(Element::new).toList();
        }

        @Override
        public String contributor() {
            return e.getContributor().getName();
        }
    }

    @Override
    public List<NodeDescriptor> nodes() {
        return List.copyOf(nodes.values());
    }

    @Override
    public Optional<NodeDescriptor> find(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    @Override
    public Node create(String id) throws ContributionException {
        NodeDescriptor d = nodes.get(id);
        if (d == null) {
            throw new ContributionException("no installed bundle contributes a node '" + id + "'", null);
        }
        Object impl;
        try {
            impl = elements.get(id).createExecutableExtension("class");
        } catch (CoreException | RuntimeException | LinkageError e) {
            String why = e instanceof CoreException ce && ce.getStatus().getException() != null
                    ? ce.getStatus().getException().toString() : e.getMessage();
            throw new ContributionException("node '" + id + "' of bundle " + d.contributor() + ": cannot create class "
                    + d.className() + ": " + why, e);
        }
        return NodeMetadata.adapt(d, impl);
    }

    @Override
    public List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public String bundleVersion(String symbolicName) {
        Bundle self = FrameworkUtil.getBundle(ExtensionNodeRegistry.class);
        if (self == null || self.getBundleContext() == null) {
            return "unknown";
        }
        for (Bundle b : self.getBundleContext().getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().equals(symbolicName)) {
                return b.getVersion().toString();
            }
        }
        return "unknown";
    }
}

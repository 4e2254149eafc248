package org.nernst.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Manifest;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.nernst.core.internal.registry.MetadataElement;
import org.nernst.core.internal.registry.NodeMetadata;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.NodeKind;
import org.nernst.core.registry.ContributionException;
import org.nernst.core.registry.NodeRegistry;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The node registry outside OSGi: reads the {@code plugin.xml} of every bundle jar on a class path
 * and applies the same metadata rules as the workbench's extension registry ({@link NodeMetadata}).
 * Contributor classes are loaded only by {@link #create}, from the same class loader.
 */
@SuppressWarnings("deprecation") // new URL(context, spec): the only way to resolve a sibling entry of a jar: URL
public final class PluginXmlNodeRegistry implements NodeRegistry {
    private static final String POINT_PREFIX = "org.nernst.core.";

    private final ClassLoader loader;
    private final Map<String, NodeDescriptor> nodes = new LinkedHashMap<>();
    private final Map<String, String> versions = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    private PluginXmlNodeRegistry(ClassLoader loader) throws IOException {
        this.loader = loader;
        List<NodeDescriptor> found = new ArrayList<>();
        Map<String, NodeDescriptor> byId = new HashMap<>();
        for (URL pluginXml : Collections.list(loader.getResources("plugin.xml"))) {
            Manifest mf = manifest(new URL(pluginXml, "META-INF/MANIFEST.MF"));
            String bundle = mf == null ? null : mf.getMainAttributes().getValue("Bundle-SymbolicName");
            if (bundle == null) {
                continue; // not a bundle
            }
            bundle = bundle.split(";")[0].strip();
            String version = mf.getMainAttributes().getValue("Bundle-Version");
            versions.put(bundle, version == null ? "unknown" : version);
            Document doc = parse(pluginXml, bundle);
            if (doc == null) {
                continue;
            }
            NodeList extensions = doc.getDocumentElement().getElementsByTagName("extension");
            for (int i = 0; i < extensions.getLength(); i++) {
                Element ext = (Element) extensions.item(i);
                Optional<NodeKind> kind = kindOf(ext.getAttribute("point"));
                if (kind.isEmpty()) {
                    continue;
                }
                for (Element child : DomElement.elements(ext, null)) {
                    DomElement e = new DomElement(child, bundle);
                    try {
                        NodeDescriptor d = NodeMetadata.describe(kind.get(), e);
                        if (byId.containsKey(d.id())) {
                            throw new IllegalArgumentException("id '" + d.id() + "' is already contributed by bundle "
                                    + byId.get(d.id()).contributor());
                        }
                        byId.put(d.id(), d);
                        found.add(d);
                    } catch (RuntimeException ex) {
                        problems.add(NodeMetadata.where(kind.get(), e) + ": " + ex.getMessage());
                    }
                }
            }
        }
        found.sort(Comparator.comparing(NodeDescriptor::kind).thenComparing(NodeDescriptor::id));
        found.forEach(d -> nodes.put(d.id(), d));
        versions.putIfAbsent("org.nernst.core", version(NodeRegistry.class));
    }

    /** Every bundle jar visible to {@code loader}. */
    public static PluginXmlNodeRegistry fromClassLoader(ClassLoader loader) throws IOException {
        return new PluginXmlNodeRegistry(loader);
    }

    /** Every bundle jar on the class path of this class. */
    public static PluginXmlNodeRegistry fromClassPath() throws IOException {
        return fromClassLoader(PluginXmlNodeRegistry.class.getClassLoader());
    }

    private static Optional<NodeKind> kindOf(String point) {
        if (!point.startsWith(POINT_PREFIX)) {
            return Optional.empty();
        }
        String simple = point.substring(POINT_PREFIX.length());
        for (NodeKind k : NodeKind.values()) {
            if (k.extensionPoint().equals(simple)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private static Manifest manifest(URL url) {
        try (InputStream in = url.openStream()) {
            return new Manifest(in);
        } catch (IOException e) {
            return null;
        }
    }

    private Document parse(URL url, String bundle) {
        try (InputStream in = url.openStream()) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            return b.parse(in);
        } catch (Exception e) {
            problems.add("bundle " + bundle + ": plugin.xml cannot be read: " + e.getMessage());
            return null;
        }
    }

    private static String version(Class<?> c) {
        String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
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
    public org.nernst.core.node.Node create(String id) throws ContributionException {
        NodeDescriptor d = nodes.get(id);
        if (d == null) {
            throw new ContributionException("no bundle on the class path contributes a node '" + id + "'", null);
        }
        Object impl;
        try {
            impl = Class.forName(d.className(), true, loader).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable why = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
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
        return versions.getOrDefault(symbolicName, "unknown");
    }

    /** A DOM element of plugin.xml, seen as the registry-neutral {@link MetadataElement}. */
    private record DomElement(Element e, String contributor) implements MetadataElement {

        static List<Element> elements(Element parent, String name) {
            List<Element> out = new ArrayList<>();
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element el && (name == null || el.getTagName().equals(name))) {
                    out.add(el);
                }
            }
            return out;
        }

        @Override
        public String name() {
            return e.getTagName();
        }

        @Override
        public String attribute(String name) {
            return e.hasAttribute(name) ? e.getAttribute(name) : null;
        }

        @Override
        public List<String> attributeNames() {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < e.getAttributes().getLength(); i++) {
                names.add(e.getAttributes().item(i).getNodeName());
            }
            return names;
        }

        @Override
        public List<MetadataElement> children(String name) {
            return elements(e, name).stream().<MetadataElement>map(c -> new DomElement(c, contributor)).toList();
        }
    }
}

package org.nernst.conformance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.HashMap;
import java.util.Map;

import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.NodeKind;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;
import org.nernst.core.registry.NodeRegistry;

/**
 * Finding contributions in the registry and running them the way the workflow executor does.
 *
 * @since 0.1
 */
public final class Nodes {

    private Nodes() {
    }

    /** The installed contribution {@code id}, which must be of {@code kind}; fails the test otherwise. */
    public static NodeDescriptor find(NodeRegistry registry, String id, NodeKind kind) {
        NodeDescriptor d = registry.find(id).orElseThrow(() -> new AssertionError(kind.name().toLowerCase() + " " + id
                + " is not installed; registry problems: " + registry.problems()));
        if (d.kind() != kind) {
            throw new AssertionError(id + " is a " + d.kind() + ", not a " + kind);
        }
        return d;
    }

    /** Creates the node through the registry and runs it once with these parameters (defaults for the rest). */
    public static Map<String, Object> run(NodeRegistry registry, String id, Map<String, ?> parameters,
            Map<String, Object> inputs, long seed, ProgressMonitor monitor) throws Exception {
        NodeDescriptor d = registry.find(id).orElseThrow(() -> new AssertionError(id + " is not installed"));
        Parameters p = Parameters.resolve(d.parameters(), parameters);
        var node = registry.create(id);
        node.configure(p);
        return node.execute(new ConformanceContext(d, p, seed, inputs, monitor));
    }

    /** A monitor that is cancelled from the start. */
    public static ProgressMonitor cancelled() {
        return new ProgressMonitor() {
            @Override
            public void begin(String task, int totalWork) {
            }

            @Override
            public void worked(int work) {
            }

            @Override
            public void subTask(String message) {
            }

            @Override
            public boolean isCanceled() {
                return true;
            }
        };
    }

    /**
     * Writes and reads back an object with Java serialization. Inside OSGi no single class loader
     * sees every class of a model (the contributor's and its libraries'), so each class is read back
     * through the loader that defined it when it was written.
     */
    @SuppressWarnings("unchecked")
    public static <T> T roundTrip(T object) throws IOException, ClassNotFoundException {
        Map<String, ClassLoader> loaders = new HashMap<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes) {
            @Override
            protected void annotateClass(Class<?> c) {
                loaders.put(c.getName(), c.getClassLoader());
            }
        }) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                ClassLoader loader = loaders.get(desc.getName());
                return loader == null ? super.resolveClass(desc) : Class.forName(desc.getName(), false, loader);
            }
        }) {
            return (T) in.readObject();
        }
    }
}

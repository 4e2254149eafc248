package org.nernst.ml.smile.tests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.NodeKind;
import org.nernst.core.node.Parameters;
import org.nernst.core.registry.NodeRegistry;

/** Finding, configuring and serializing estimators the way a workflow does. */
final class Estimators {

    private Estimators() {
    }

    static List<NodeDescriptor> all(NodeRegistry registry) {
        return registry.nodes().stream().filter(d -> d.kind() == NodeKind.ESTIMATOR).toList();
    }

    /** Creates the node through the registry and runs it with default parameters, as the executor would. */
    static ConfiguredEstimator withDefaults(NodeRegistry registry, NodeDescriptor d) throws Exception {
        return with(registry, d.id(), Map.of());
    }

    /** As {@link #withDefaults}, with some parameters set as a workflow would set them. */
    static ConfiguredEstimator with(NodeRegistry registry, String id, Map<String, ?> given) throws Exception {
        NodeDescriptor d = registry.find(id).orElseThrow(() -> new AssertionError("estimator " + id + " is not installed"));
        Parameters parameters = Parameters.resolve(d.parameters(), given);
        Object out = registry.create(d.id()).execute(new FixedContext(d, parameters, 1L)).get("estimator");
        if (!(out instanceof ConfiguredEstimator e)) {
            throw new AssertionError("estimator node " + d.id() + " output " + out + " instead of a ConfiguredEstimator");
        }
        return e;
    }

    /**
     * Writes and reads back an object with Java serialization. Inside OSGi no single class loader
     * sees every class of a model (the contributor's and its libraries'), so each class is read back
     * through the loader that defined it when it was written.
     */
    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T object) throws IOException, ClassNotFoundException {
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

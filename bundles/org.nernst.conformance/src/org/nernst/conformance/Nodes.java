package org.nernst.conformance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.RegistryFactory;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.ParameterSpec;
import org.nernst.core.node.PortSpec;
import org.nernst.core.optimize.Optimizer;
import org.nernst.core.table.Table;
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

    /** Every input, output and parameter, and the contribution itself, has a description. */
    public static void assertDescribed(NodeDescriptor d) {
        org.junit.jupiter.api.Assertions.assertFalse(d.description().isBlank(), d.id() + " has no description");
        for (PortSpec p : d.inputs()) {
            org.junit.jupiter.api.Assertions.assertFalse(p.description() == null || p.description().isBlank(),
                    "input " + p.name() + " has no description");
        }
        for (PortSpec p : d.outputs()) {
            org.junit.jupiter.api.Assertions.assertFalse(p.description() == null || p.description().isBlank(),
                    "output " + p.name() + " has no description");
        }
        for (ParameterSpec p : d.parameters()) {
            org.junit.jupiter.api.Assertions.assertFalse(p.description() == null || p.description().isBlank(),
                    "parameter " + p.name() + " has no description");
        }
    }

    /** The table outputs of two runs are the same, cell by cell. */
    public static void assertSameOutputs(NodeDescriptor d, Map<String, Object> first, Map<String, Object> second) {
        for (PortSpec p : d.outputs()) {
            if (first.get(p.name()) instanceof Table a) {
                Tables.assertSameTable(a, (Table) second.get(p.name()));
            }
        }
    }

    /** The table without one column (a bad input for checks). */
    public static Table without(Table t, String column) {
        return new Table(t.name(), t.columns().stream().filter(c -> !c.name().equals(column)).toList());
    }

    /**
     * Creates the installed optimizer {@code id} from its {@code org.nernst.core.optimizers}
     * contribution (the node registry lists optimizers but only optimization nodes drive them).
     */
    public static Optimizer optimizer(String id) throws Exception {
        for (IConfigurationElement e : RegistryFactory.getRegistry().getConfigurationElementsFor("org.nernst.core",
                "optimizers")) {
            if (id.equals(e.getAttribute("id"))) {
                Object o = e.createExecutableExtension("class");
                if (o instanceof Optimizer opt) {
                    return opt;
                }
                throw new AssertionError(id + ": " + o.getClass().getName() + " does not implement " + Optimizer.class.getName());
            }
        }
        throw new AssertionError("optimizer " + id + " is not installed");
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

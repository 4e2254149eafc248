package org.nernst.core.internal.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.nernst.core.estimation.StateEstimator;
import org.nernst.core.ml.Estimator;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.NodeKind;
import org.nernst.core.node.ParameterSpec;
import org.nernst.core.node.ParameterType;
import org.nernst.core.node.PortSpec;
import org.nernst.core.node.PortType;
import org.nernst.core.registry.ContributionException;
import org.nernst.core.registry.NodeRegistry;
import org.nernst.core.twin.TwinModel;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Reads node metadata from the Eclipse extension registry. Never loads a contributor class until
 * {@link #create} is called; invalid metadata is reported in {@link #problems()} and skipped.
 */
public final class ExtensionNodeRegistry implements NodeRegistry {
    public static final String NAMESPACE = "org.nernst.core";
    private static final Set<String> KNOWN = Set.of("id", "label", "category", "class", "description");

    private final Map<String, NodeDescriptor> nodes = new LinkedHashMap<>();
    private final Map<String, IConfigurationElement> elements = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    public ExtensionNodeRegistry(IExtensionRegistry registry) {
        List<NodeDescriptor> found = new ArrayList<>();
        for (NodeKind kind : NodeKind.values()) {
            for (IConfigurationElement e : registry.getConfigurationElementsFor(NAMESPACE, kind.extensionPoint())) {
                String where = "bundle " + e.getContributor().getName() + ", extension point " + kind.extensionPoint()
                        + ", element <" + e.getName() + " id=\"" + e.getAttribute("id") + "\">";
                try {
                    if (!e.getName().equals(kind.element())) {
                        throw new IllegalArgumentException("expected element <" + kind.element() + ">");
                    }
                    NodeDescriptor d = describe(kind, e);
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

    private static NodeDescriptor describe(NodeKind kind, IConfigurationElement e) {
        String id = required(e, "id");
        if (!id.matches("[A-Za-z][A-Za-z0-9_.\\-]*")) {
            throw new IllegalArgumentException("id '" + id + "' may hold only letters, digits, '.', '_' and '-'");
        }
        String className = required(e, "class");
        String label = Optional.ofNullable(e.getAttribute("label")).orElse(id);
        String category = Optional.ofNullable(e.getAttribute("category")).orElse("Other");
        String description = Optional.ofNullable(e.getAttribute("description")).orElse("");
        List<PortSpec> inputs = new ArrayList<>();
        List<PortSpec> outputs = new ArrayList<>();
        switch (kind) {
            case ESTIMATOR -> outputs.add(new PortSpec("estimator", PortType.ESTIMATOR, false,
                    "the configured estimator, to fit or cross-validate"));
            case TWIN -> {
                inputs.add(new PortSpec("experiment", PortType.TABLE, false,
                        "the load to apply: a time series (time, current) or experiment steps"));
                outputs.add(new PortSpec("simulation", PortType.TABLE, false, "the simulated time series"));
                for (IConfigurationElement p : e.getChildren("input")) {
                    inputs.add(extraInput(p, kind));
                }
            }
            case STATE_ESTIMATOR -> {
                inputs.add(new PortSpec("measurements", PortType.TABLE, false, "measured time, current, voltage"));
                outputs.add(new PortSpec("states", PortType.TABLE, false, "estimated states over time"));
                for (IConfigurationElement p : e.getChildren("input")) {
                    inputs.add(extraInput(p, kind));
                }
            }
            default -> {
                for (IConfigurationElement p : e.getChildren("input")) {
                    inputs.add(port(p));
                }
                for (IConfigurationElement p : e.getChildren("output")) {
                    outputs.add(port(p));
                }
            }
        }
        List<ParameterSpec> params = new ArrayList<>();
        for (IConfigurationElement p : e.getChildren("parameter")) {
            params.add(parameter(p));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String a : e.getAttributeNames()) {
            if (!KNOWN.contains(a)) {
                attributes.put(a, e.getAttribute(a));
            }
        }
        return new NodeDescriptor(id, kind, label, category, description, inputs, outputs, params,
                e.getContributor().getName(), className, attributes);
    }

    /** Twins and state estimators may declare further inputs, e.g. an identified parameter set or an estimator. */
    private static PortSpec extraInput(IConfigurationElement p, NodeKind kind) {
        PortSpec spec = port(p);
        if (spec.name().equals(kind == NodeKind.TWIN ? "experiment" : "measurements")) {
            throw new IllegalArgumentException("input '" + spec.name() + "' is the " + kind.label() + "'s own input; "
                    + "declare further inputs under other names");
        }
        return spec;
    }

    private static PortSpec port(IConfigurationElement p) {
        return new PortSpec(required(p, "name"), new PortType(required(p, "type")),
                Boolean.parseBoolean(p.getAttribute("optional")), p.getAttribute("description"));
    }

    private static ParameterSpec parameter(IConfigurationElement p) {
        String name = required(p, "name");
        try {
            ParameterType type = ParameterType.parse(p.getAttribute("type"));
            String choices = p.getAttribute("choices");
            return new ParameterSpec(name, type, p.getAttribute("label"), p.getAttribute("description"),
                    p.getAttribute("default"), number(p, "min"), number(p, "max"),
                    choices == null ? List.of() : List.of(choices.split("\\s*,\\s*")),
                    Boolean.parseBoolean(p.getAttribute("required")));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("parameter '" + name + "': " + ex.getMessage(), ex);
        }
    }

    private static Double number(IConfigurationElement p, String attr) {
        String v = p.getAttribute(attr);
        if (v == null) {
            return null;
        }
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(attr + "=\"" + v + "\" is not a number");
        }
    }

    private static String required(IConfigurationElement e, String attr) {
        String v = e.getAttribute(attr);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("<" + e.getName() + "> lacks the required attribute '" + attr + "'");
        }
        return v;
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
        Node node = switch (d.kind()) {
            case ESTIMATOR -> impl instanceof Estimator est ? new EstimatorNode(d, est) : null;
            case TWIN -> impl instanceof TwinModel twin ? new TwinNode(twin) : null;
            case STATE_ESTIMATOR -> impl instanceof StateEstimator se ? new StateEstimatorNode(se) : null;
            case OPTIMIZER -> null;
            default -> impl instanceof Node n ? n : null;
        };
        if (node == null) {
            throw new ContributionException("node '" + id + "' of bundle " + d.contributor() + ": class " + d.className()
                    + " does not implement " + contract(d.kind()), null);
        }
        return node;
    }

    private static String contract(NodeKind kind) {
        return switch (kind) {
            case ESTIMATOR -> Estimator.class.getName();
            case TWIN -> TwinModel.class.getName();
            case STATE_ESTIMATOR -> StateEstimator.class.getName();
            case OPTIMIZER -> "a node contract (optimizers are driven by optimization nodes, not run as nodes)";
            default -> Node.class.getName();
        };
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

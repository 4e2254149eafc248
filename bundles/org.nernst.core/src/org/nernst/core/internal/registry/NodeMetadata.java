package org.nernst.core.internal.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

/**
 * The metadata rules of every node registry: how a contributed element becomes a
 * {@link NodeDescriptor} (implicit ports per kind, parameters, extra attributes) and how an
 * instance of the contributor's class becomes a {@link Node}. Depends on no Eclipse API, so a
 * registry outside OSGi applies exactly the same rules.
 */
public final class NodeMetadata {
    private static final Set<String> KNOWN = Set.of("id", "label", "category", "class", "description");

    private NodeMetadata() {
    }

    /** Where an element sits, for problem messages. */
    public static String where(NodeKind kind, MetadataElement e) {
        return "bundle " + e.contributor() + ", extension point " + kind.extensionPoint() + ", element <" + e.name()
                + " id=\"" + e.attribute("id") + "\">";
    }

    /** @throws IllegalArgumentException describing what is wrong with the element */
    public static NodeDescriptor describe(NodeKind kind, MetadataElement e) {
        if (!e.name().equals(kind.element())) {
            throw new IllegalArgumentException("expected element <" + kind.element() + ">");
        }
        String id = required(e, "id");
        if (!id.matches("[A-Za-z][A-Za-z0-9_.\\-]*")) {
            throw new IllegalArgumentException("id '" + id + "' may hold only letters, digits, '.', '_' and '-'");
        }
        String className = required(e, "class");
        String label = Optional.ofNullable(e.attribute("label")).orElse(id);
        String category = Optional.ofNullable(e.attribute("category")).orElse("Other");
        String description = Optional.ofNullable(e.attribute("description")).orElse("");
        List<PortSpec> inputs = new ArrayList<>();
        List<PortSpec> outputs = new ArrayList<>();
        switch (kind) {
            case ESTIMATOR -> outputs.add(new PortSpec("estimator", PortType.ESTIMATOR, false,
                    "the configured estimator, to fit or cross-validate"));
            case TWIN -> {
                inputs.add(new PortSpec("experiment", PortType.TABLE, false,
                        "the load to apply: a time series (time, current) or experiment steps"));
                outputs.add(new PortSpec("simulation", PortType.TABLE, false, "the simulated time series"));
                for (MetadataElement p : e.children("input")) {
                    inputs.add(extraInput(p, kind));
                }
            }
            case STATE_ESTIMATOR -> {
                inputs.add(new PortSpec("measurements", PortType.TABLE, false, "measured time, current, voltage"));
                outputs.add(new PortSpec("states", PortType.TABLE, false, "estimated states over time"));
                for (MetadataElement p : e.children("input")) {
                    inputs.add(extraInput(p, kind));
                }
            }
            default -> {
                for (MetadataElement p : e.children("input")) {
                    inputs.add(port(p));
                }
                for (MetadataElement p : e.children("output")) {
                    outputs.add(port(p));
                }
            }
        }
        List<ParameterSpec> params = new ArrayList<>();
        for (MetadataElement p : e.children("parameter")) {
            params.add(parameter(p));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String a : e.attributeNames()) {
            if (!KNOWN.contains(a)) {
                attributes.put(a, e.attribute(a));
            }
        }
        return new NodeDescriptor(id, kind, label, category, description, inputs, outputs, params, e.contributor(),
                className, attributes);
    }

    /**
     * The node for an instance of a contribution's class: estimators, twins and state estimators
     * are wrapped in their node adapters; datasets, featurizers and operations are nodes themselves.
     *
     * @throws ContributionException if the instance does not implement the contract of its kind
     */
    public static Node adapt(NodeDescriptor d, Object impl) throws ContributionException {
        Node node = switch (d.kind()) {
            case ESTIMATOR -> impl instanceof Estimator est ? new EstimatorNode(d, est) : null;
            case TWIN -> impl instanceof org.nernst.core.twin.TwinModel twin ? new TwinNode(twin) : null;
            case STATE_ESTIMATOR -> impl instanceof StateEstimator se ? new StateEstimatorNode(se) : null;
            case OPTIMIZER -> null;
            default -> impl instanceof Node n ? n : null;
        };
        if (node == null) {
            throw new ContributionException("node '" + d.id() + "' of bundle " + d.contributor() + ": class "
                    + d.className() + " does not implement " + contract(d.kind()), null);
        }
        return node;
    }

    private static String contract(NodeKind kind) {
        return switch (kind) {
            case ESTIMATOR -> Estimator.class.getName();
            case TWIN -> org.nernst.core.twin.TwinModel.class.getName();
            case STATE_ESTIMATOR -> StateEstimator.class.getName();
            case OPTIMIZER -> "a node contract (optimizers are driven by optimization nodes, not run as nodes)";
            default -> Node.class.getName();
        };
    }

    /** Twins and state estimators may declare further inputs, e.g. an identified parameter set or an estimator. */
    private static PortSpec extraInput(MetadataElement p, NodeKind kind) {
        PortSpec spec = port(p);
        if (spec.name().equals(kind == NodeKind.TWIN ? "experiment" : "measurements")) {
            throw new IllegalArgumentException("input '" + spec.name() + "' is the " + kind.label() + "'s own input; "
                    + "declare further inputs under other names");
        }
        return spec;
    }

    private static PortSpec port(MetadataElement p) {
        return new PortSpec(required(p, "name"), new PortType(required(p, "type")),
                Boolean.parseBoolean(p.attribute("optional")), p.attribute("description"));
    }

    private static ParameterSpec parameter(MetadataElement p) {
        String name = required(p, "name");
        try {
            ParameterType type = ParameterType.parse(p.attribute("type"));
            String choices = p.attribute("choices");
            return new ParameterSpec(name, type, p.attribute("label"), p.attribute("description"),
                    p.attribute("default"), number(p, "min"), number(p, "max"),
                    choices == null ? List.of() : List.of(choices.split("\\s*,\\s*")),
                    Boolean.parseBoolean(p.attribute("required")));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("parameter '" + name + "': " + ex.getMessage(), ex);
        }
    }

    private static Double number(MetadataElement p, String attr) {
        String v = p.attribute(attr);
        if (v == null) {
            return null;
        }
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(attr + "=\"" + v + "\" is not a number");
        }
    }

    private static String required(MetadataElement e, String attr) {
        String v = e.attribute(attr);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("<" + e.name() + "> lacks the required attribute '" + attr + "'");
        }
        return v;
    }
}

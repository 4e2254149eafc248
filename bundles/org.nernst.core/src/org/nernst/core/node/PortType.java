package org.nernst.core.node;

import java.util.Objects;

/**
 * The type of data that flows through a port. Types are open: a bundle may define its own by id.
 * An output connects to an input of the same type, or to an input of type {@link #ANY}.
 *
 * @param id the type id as written in {@code plugin.xml}, e.g. {@code table}
 * @since 0.1
 */
public record PortType(String id) {
    /** A {@link org.nernst.core.table.Table}. */
    public static final PortType TABLE = new PortType("table");
    /** A configured, not yet fitted {@link org.nernst.core.ml.ConfiguredEstimator}. */
    public static final PortType ESTIMATOR = new PortType("estimator");
    /** A fitted {@link org.nernst.core.ml.TrainedModel}. */
    public static final PortType MODEL = new PortType("model");
    /** {@link Metrics}: named numbers, written as JSON. */
    public static final PortType METRICS = new PortType("metrics");
    /** A rendered {@link Figure}. */
    public static final PortType FIGURE = new PortType("figure");
    /** Accepts any value. */
    public static final PortType ANY = new PortType("any");

    public PortType {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a port type needs an id");
        }
    }

    /** Whether an output of type {@code source} may feed an input of this type. */
    public boolean accepts(PortType source) {
        return this.equals(ANY) || this.equals(source);
    }

    @Override
    public String toString() {
        return id;
    }
}

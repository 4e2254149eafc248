package org.nernst.core.internal.registry;

import java.util.List;

/**
 * One element of a {@code plugin.xml} contribution, whoever read it: the Eclipse extension registry
 * in the OSGi runtime, or a plain XML parser outside it (the Spark driver). {@link NodeMetadata}
 * applies the same rules to both.
 */
public interface MetadataElement {

    /** The element's name, e.g. {@code estimator} or {@code parameter}. */
    String name();

    /** The attribute's value, or {@code null} if absent. */
    String attribute(String name);

    /** The names of all attributes present. */
    List<String> attributeNames();

    /** Child elements with that name, in document order. */
    List<MetadataElement> children(String name);

    /** Symbolic name of the bundle that contributes the element. */
    String contributor();
}

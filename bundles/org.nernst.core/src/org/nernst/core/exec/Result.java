package org.nernst.core.exec;

/**
 * One output value of a run with its provenance.
 *
 * @since 0.1
 */
public record Result(Object value, Provenance provenance) {
}

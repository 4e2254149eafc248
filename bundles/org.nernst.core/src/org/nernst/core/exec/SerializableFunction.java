package org.nernst.core.exec;

import java.io.Serializable;

/**
 * The work {@link DataParallel#map} applies to one item. Serializable because a distributed
 * backend ships it to other JVMs: whatever it captures (a fitted model, parameters, tables) must be
 * serializable too, and it must not depend on state outside itself (statics, files only one machine
 * sees) or on which thread or partition runs it.
 *
 * @param <T> the item type
 * @param <R> the result type
 * @since 0.3
 */
@FunctionalInterface
public interface SerializableFunction<T, R> extends Serializable {

    /** The result for one item; an exception fails the whole map and is rethrown to its caller. */
    R apply(T item) throws Exception;
}

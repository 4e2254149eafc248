/**
 * An embedded analytical store for cycling data: import a table once, query it many times.
 * <p>
 * A store is one DuckDB database file (by default {@code <workspace>/store/nernst.duckdb}, see
 * {@link org.nernst.store.StoreLocations}). Each imported dataset is one SQL table named like the
 * dataset; a catalogue (schema {@code nernst_catalogue}) remembers where it came from, the SHA-256 of its
 * content, and the units and roles of its columns. Missing values ({@code NaN} in a double column,
 * {@code null} text) are stored as SQL {@code NULL}, so SQL aggregates skip them.
 *
 * @since 0.1
 */
package org.nernst.store;

package org.nernst.store;

import java.time.Instant;

/**
 * One dataset held by a store, as its catalogue records it.
 *
 * @param id unique within the store, never reused
 * @param dataset the dataset name, which is also its SQL table name
 * @param source what the data was imported from (a file path or a table name)
 * @param sha256 SHA-256 of the imported content (see {@link ImportSource})
 * @param rows number of rows stored
 * @param imported when the import was committed (microsecond precision)
 * @since 0.1
 */
public record ImportRecord(long id, String dataset, String source, String sha256, long rows, Instant imported) {
}

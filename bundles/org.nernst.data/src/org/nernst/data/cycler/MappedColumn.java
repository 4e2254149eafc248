package org.nernst.data.cycler;

import org.nernst.data.internal.text.ColumnKind;

/**
 * Where one canonical column comes from in a vendor file: the column index, how its text is
 * parsed, and the unit conversion.
 *
 * @since 0.1
 */
public record MappedColumn(String canonical, int index, String header, ColumnKind kind, Units units) {
}

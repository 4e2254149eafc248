package org.nernst.store.internal;

import org.nernst.core.table.Role;

/** What a SQL column cannot hold: a Nernst column's unit and role. */
record ColumnMeta(String name, String unit, Role role) {
}

package org.nernst.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nernst.core.table.Column;
import org.nernst.core.table.Table;

/**
 * What a table holds, cell by cell as text, to show that a node left its inputs as they were
 * (tables share their arrays, so a node writing into one would change its caller's data).
 */
record Snapshot(Map<String, List<String>> cells) {

    static Snapshot of(Table t) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Column c : t.columns()) {
            List<String> v = new ArrayList<>(c.size() + 1);
            v.add(c.type() + " [" + c.unit() + "] " + c.role());
            for (int r = 0; r < c.size(); r++) {
                v.add(c.format(r));
            }
            m.put(c.name(), v);
        }
        return new Snapshot(m);
    }

    static Map<String, Snapshot> ofTables(Map<String, ?> values) {
        Map<String, Snapshot> m = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v instanceof Table t) {
                m.put(k, of(t));
            }
        });
        return m;
    }
}
